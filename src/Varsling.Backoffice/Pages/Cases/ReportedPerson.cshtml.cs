using Microsoft.AspNetCore.Mvc;
using Varsling.Core.Privacy;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>
/// Informing a case's reported person (GDPR Art. 14): the one-month deadline, the history, and forms to record
/// that the person was informed or to defer it on a ground until a review date. Only a handler who holds the
/// case's keys reaches it; for anyone else every handler answers 404. Post-redirect-get; a refusal re-renders
/// with the reason.
/// </summary>
public sealed class ReportedPersonModel(ReportedPersonNotices notices) : StepPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public NoticeInput Input { get; set; } = new();

    public ReportedPersonNoticeView View { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostInformedAsync(CancellationToken ct) =>
        StepAsync("informed", () => notices.RecordInformedAsync(Id, User.UserId(), Input.InformedOn, ct), ct);

    public Task<IActionResult> OnPostDeferAsync(CancellationToken ct) =>
        StepAsync("deferred", () => notices.DeferAsync(Id, User.UserId(), Input.Ground, Input.ReviewOn, ct), ct);

    protected override object RouteValuesAfterStep => new { id = Id };

    protected override async Task LoadAsync(CancellationToken ct) => View = await notices.GetAsync(Id, User.UserId(), ct);

    public sealed class NoticeInput
    {
        public DateOnly? InformedOn { get; set; }

        public NoticeDeferralGround? Ground { get; set; }

        public DateOnly? ReviewOn { get; set; }
    }
}
