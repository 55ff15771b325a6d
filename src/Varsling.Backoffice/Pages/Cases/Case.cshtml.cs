using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Cases;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>
/// One case, opened with the signed-in person's key: the report, identity, thread, files, notes, assignment and
/// the lifecycle steps allowed now. Every form posts to a named handler with the case version it was rendered
/// from and redirects back (post-redirect-get); a refused step, or a form from before the case last changed,
/// re-renders the page with the reason and writes nothing. A case that is not the person's is a 404 for every handler.
/// </summary>
public sealed class CaseModel(CaseWork work, Varsling.Core.Access.IdentityRelease release, CaseAccess access, IrrelevantData irrelevant, BackofficeTexts texts) : PageModel
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

    /// <summary>The text of a refused message or note, put back in its field so nothing written is lost.</summary>
    public string? KeptText { get; private set; }

    public Guid CurrentUserId => User.UserId();

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct) =>
        StepAsync("acknowledged", (user, _, version) => work.AcknowledgeAsync(Id, user, version, ct), ct);

    public Task<IActionResult> OnPostInvestigateAsync(CancellationToken ct) =>
        StepAsync("investigating", (user, _, version) => work.StartInvestigationAsync(Id, user, version, ct), ct);

    public Task<IActionResult> OnPostFeedbackAsync(CancellationToken ct) =>
        StepAsync("feedback", (user, key, version) => work.GiveFeedbackAsync(Id, user, key!, Input.Text ?? "", version, ct), ct, needsKey: true, keepText: true);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        Input.Outcome is { } outcome
            ? StepAsync("closed", (user, key, version) => work.CloseAsync(Id, user, key!, outcome, Input.Text, version, ct), ct, needsKey: true)
            : RefuseAsync("case.chooseOutcome", ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        StepAsync("reopened", (user, _, version) => work.ReopenAsync(Id, user, version, ct), ct);

    public Task<IActionResult> OnPostMessageAsync(CancellationToken ct) =>
        StepAsync("message", (user, key, version) => work.MessageReporterAsync(Id, user, key!, Input.Text ?? "", version, ct), ct, needsKey: true, keepText: true);

    public Task<IActionResult> OnPostNoteAsync(CancellationToken ct) =>
        StepAsync("note", (user, key, version) => work.AddNoteAsync(Id, user, key!, Input.Text ?? "", version, ct), ct, needsKey: true, keepText: true);

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) =>
        StepAsync("extended", (user, _, version) => work.ExtendFeedbackAsync(Id, user, Input.Text ?? "", version, ct), ct, keepText: true);

    /// <summary>Assigns the case to the chosen key holder; an empty choice unassigns it.</summary>
    public Task<IActionResult> OnPostAssignAsync(CancellationToken ct) =>
        StepAsync("assigned", (user, _, version) => access.AssignAsync(Id, user, Input.AssigneeId, version, ct), ct);

    /// <summary>Stands aside; on success the case is no longer the person's, so they go back to the inbox.</summary>
    public async Task<IActionResult> OnPostRecuseAsync(CancellationToken ct)
    {
        var result = await StepAsync("recused", (user, key, version) => access.RecuseAsync(Id, user, key!, Input.Text ?? "", version, ct), ct,
            needsKey: true, keepText: true);
        return result is RedirectToPageResult ? Redirect($"/{Languages.Current}/cases?done=recused") : result;
    }

    public Task<IActionResult> OnPostDeleteMessageAsync(CancellationToken ct) =>
        Input is { RecordId: { } recordId, Reason: { } reason }
            ? StepAsync("deleted", (user, _, version) => irrelevant.DeleteMessageAsync(Id, user, recordId, reason, version, ct), ct)
            : RefuseAsync("case.chooseReason", ct);

    public Task<IActionResult> OnPostDeleteFileAsync(CancellationToken ct) =>
        Input is { FileId: { } fileId, Reason: { } reason }
            ? StepAsync("deleted", (user, key, version) => irrelevant.DeleteFileAsync(Id, user, key!, fileId, reason, version, ct), ct, needsKey: true)
            : RefuseAsync("case.chooseReason", ct);

    private async Task<IActionResult> StepAsync(string done, Func<Guid, Varsling.Crypto.X25519KeyPair?, uint, Task> step, CancellationToken ct,
        bool needsKey = false, bool keepText = false)
    {
        if (!ModelState.IsValid || Input.Version is not { } version)
        {
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            using var key = needsKey ? await HttpContext.UnlockKeyAsync(ct) : null;
            await step(User.UserId(), key, version);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e is CaseChangedException ? texts["case.stale"] : e.Message);
            KeptText = keepText ? Input.Text : null;
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
        /// <summary>The case version the form was rendered from; a post without it, or with an older one, writes nothing.</summary>
        [Required]
        public uint? Version { get; set; }

        [MaxLength(CaseWork.MaxTextLength)]
        public string? Text { get; set; }

        public CaseOutcome? Outcome { get; set; }

        /// <summary>The handler to assign; empty to unassign.</summary>
        public Guid? AssigneeId { get; set; }

        /// <summary>The reporter's message to delete as irrelevant.</summary>
        public Guid? RecordId { get; set; }

        /// <summary>The attachment to delete as irrelevant.</summary>
        public Guid? FileId { get; set; }

        public IrrelevanceReason? Reason { get; set; }
    }
}
