using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>
/// What the administration pages share: each form posts to a named handler, a done step redirects back (with a
/// "done" marker shown once), and a refused step re-renders the page, freshly loaded, with the reason as a form error.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>Set after a redirect from a step that succeeded.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    protected Guid AdminId => User.UserId();

    /// <summary>Loads what the page shows.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    public virtual Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    protected async Task<IActionResult> StepAsync(Func<Task> step, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await step();
                return RedirectToPage(new { lang = Languages.Current, done = "1" });
            }
            catch (RuleViolationException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    protected async Task<IActionResult> RefuseAsync(string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(ct);
        return Page();
    }
}
