using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Access;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>
/// The reporter's identity on a channel whose identities custodians hold: where the handler's request stands, and
/// the form to ask a custodian for the identity key with a reason. A case that is not the person's is a 404.
/// </summary>
public sealed class IdentityModel(IdentityRelease release) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IdentityAccess State { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => State = await release.StateAsync(Id, User.UserId(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        State = await release.StateAsync(Id, User.UserId(), ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            using var key = await HttpContext.UnlockKeyAsync(ct);
            await release.RequestAsync(Id, User.UserId(), key, Input.Reason ?? "", ct);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }

        return RedirectToPage(new { lang = Languages.Current, id = Id, done = "requested" });
    }

    public sealed class RequestInput
    {
        [Required]
        [MaxLength(IdentityRelease.MaxReasonLength)]
        public string? Reason { get; set; }
    }
}
