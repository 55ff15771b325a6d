using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Privacy;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>
/// Informing a case's reported person (GDPR Art. 14): the one-month deadline, the history, and forms to record
/// that the person was informed or to defer it on a ground until a review date. Only a handler who holds the
/// case's keys reaches it; for anyone else every handler answers 404. Post-redirect-get; a refusal re-renders
/// with the reason.
/// </summary>
public sealed class ReportedPersonModel(ReportedPersonNotices notices) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public NoticeInput Input { get; set; } = new();

    /// <summary>Which step was just done, shown once after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public ReportedPersonNoticeView View { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostInformedAsync(CancellationToken ct) =>
        StepAsync("informed", () => notices.RecordInformedAsync(Id, User.UserId(), Input.InformedOn, ct), ct);

    public Task<IActionResult> OnPostDeferAsync(CancellationToken ct) =>
        StepAsync("deferred", () => notices.DeferAsync(Id, User.UserId(), Input.Ground, Input.ReviewOn, ct), ct);

    private async Task<IActionResult> StepAsync(string done, Func<Task> step, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            await step();
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage(new { lang = Languages.Current, id = Id, done });
    }

    private async Task LoadAsync(CancellationToken ct) => View = await notices.GetAsync(Id, User.UserId(), ct);

    public sealed class NoticeInput
    {
        public DateOnly? InformedOn { get; set; }

        public NoticeDeferralGround? Ground { get; set; }

        public DateOnly? ReviewOn { get; set; }
    }
}
