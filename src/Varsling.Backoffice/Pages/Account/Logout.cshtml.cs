using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Account;

/// <summary>Sign-out deletes the key session row, so the session key left in any copy of the cookie opens nothing.</summary>
public sealed class LogoutModel(KeyRing keyRing) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index", new { lang = Languages.Current });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.KeySession() is { } session)
        {
            await keyRing.EndAsync(User.UserId(), session.Id, ct);
        }

        await HttpContext.SignOutAsync(BackofficeAuth.Scheme);
        return RedirectToPage("/Account/Login", new { lang = Languages.Current });
    }
}
