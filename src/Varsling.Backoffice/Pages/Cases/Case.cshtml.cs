using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Cases;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>
/// One case, opened with the signed-in person's key: the report, identity, thread, files, notes and the lifecycle
/// steps allowed now. Every form posts to a named handler and redirects back (post-redirect-get); a refused step
/// re-renders the page with the reason. A case that is not the person's is a 404 for every handler.
/// </summary>
public sealed class CaseModel(CaseWork work, Varsling.Core.Access.IdentityRelease release, BackofficeTexts texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public CaseView View { get; private set; } = null!;

    /// <summary>Whether the identity is held by a custodian and withheld from this handler.</summary>
    public Varsling.Core.Access.IdentityAccess? IdentityState { get; private set; }

    /// <summary>Which step was just done, shown once after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct) =>
        StepAsync("acknowledged", (user, _) => work.AcknowledgeAsync(Id, user, ct), ct);

    public Task<IActionResult> OnPostInvestigateAsync(CancellationToken ct) =>
        StepAsync("investigating", (user, _) => work.StartInvestigationAsync(Id, user, ct), ct);

    public Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) =>
        StepAsync("feedback", (user, key) => work.GiveFeedbackAsync(Id, user, key!, Input.Text ?? "", ct), ct, needsKey: true);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        Input.Outcome is { } outcome
            ? StepAsync("closed", (user, key) => work.CloseAsync(Id, user, key!, outcome, Input.Text, ct), ct, needsKey: true)
            : RefuseAsync("case.chooseOutcome", ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        StepAsync("reopened", (user, _) => work.ReopenAsync(Id, user, ct), ct);

    public Task<IActionResult> OnPostMessageAsync(CancellationToken ct) =>
        StepAsync("message", (user, key) => work.MessageReporterAsync(Id, user, key!, Input.Text ?? "", ct), ct, needsKey: true);

    public Task<IActionResult> OnPostNoteAsync(CancellationToken ct) =>
        StepAsync("note", (user, key) => work.AddNoteAsync(Id, user, key!, Input.Text ?? "", ct), ct, needsKey: true);

    private async Task<IActionResult> StepAsync(string done, Func<Guid, Varsling.Crypto.P256KeyPair?, Task> step, CancellationToken ct, bool needsKey = false)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            using var key = needsKey ? await HttpContext.UnlockKeyAsync(ct) : null;
            await step(User.UserId(), key);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage(new { lang = Languages.Current, id = Id, done });
    }

    private async Task<IActionResult> RefuseAsync(string text, CancellationToken ct)
    {
        ModelState.AddModelError("", texts[text]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        using var key = await HttpContext.UnlockKeyAsync(ct);
        View = await work.OpenAsync(Id, User.UserId(), key, ct);
        IdentityState = View.Identity is null ? await release.StateAsync(Id, User.UserId(), ct) : null;
    }

    public sealed class ActionInput
    {
        [MaxLength(CaseWork.MaxTextLength)]
        public string? Text { get; set; }

        public CaseOutcome? Outcome { get; set; }
    }
}
