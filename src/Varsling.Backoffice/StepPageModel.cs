using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.WebCommon;

namespace Varsling.Backoffice;

/// <summary>
/// A page of forms that each do one step: a step that succeeds redirects back with <see cref="Done"/> set
/// (post-redirect-get), a step Core refuses re-renders the page with the reason as a form error, never a 500.
/// </summary>
public abstract class StepPageModel : PageModel
{
    /// <summary>Which step was just done, shown once after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>Loads what the page shows; called for GET and for every re-render after a refusal.</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>Route values of the redirect after a step, besides the language and <see cref="Done"/>.</summary>
    protected virtual object? RouteValuesAfterStep => null;

    protected async Task<IActionResult> StepAsync(string done, Func<Task> step, CancellationToken ct)
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

        var values = new RouteValueDictionary(RouteValuesAfterStep) { ["lang"] = Languages.Current, ["done"] = done };
        return RedirectToPage(values);
    }

    /// <summary>Re-renders the page, freshly loaded, with <paramref name="message"/> as the form error.</summary>
    protected async Task<IActionResult> RefuseAsync(string message, CancellationToken ct)
    {
        ModelState.AddModelError("", message);
        await LoadAsync(ct);
        return Page();
    }
}
