using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>
/// What the administration pages share beyond <see cref="StepPageModel"/>: the acting administrator's id, a GET
/// that loads the page, and steps whose redirect shows a plain "saved" marker.
/// </summary>
public abstract class AdminPageModel : StepPageModel
{
    protected Guid AdminId => User.UserId();

    public virtual Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    protected Task<Microsoft.AspNetCore.Mvc.IActionResult> StepAsync(Func<Task> step, CancellationToken ct) => StepAsync("1", step, ct);
}
