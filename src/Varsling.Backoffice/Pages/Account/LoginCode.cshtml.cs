using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Account;

/// <summary>The second step of sign-in: a TOTP code or a recovery code.</summary>
public sealed class LoginCodeModel(AccountService accounts, BackofficeTexts texts) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() =>
        await HttpContext.PendingLoginAsync() is { Stage: BackofficeAuth.StageCode } ? Page() : RedirectToPage("/Account/Login", new { lang = Languages.Current });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await HttpContext.PendingLoginAsync() is not { Stage: BackofficeAuth.StageCode, Session: { } session } pending)
        {
            return RedirectToPage("/Account/Login", new { lang = Languages.Current });
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.VerifySecondFactorAsync(pending.UserId, session, Input.Code, ct);
        if (result.User is not { } user)
        {
            if (result.LockedOut)
            {
                await HttpContext.SignOutAsync(BackofficeAuth.PendingScheme);
            }

            ModelState.AddModelError("", result.LockedOut ? texts["login.locked"] : texts["code.failed"]);
            return Page();
        }

        await HttpContext.SignInAsync(user);
        return LocalRedirect(pending.ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/" + Languages.Current + "/");
    }

    public sealed class CodeInput
    {
        [Required]
        [MaxLength(32)]
        public string Code { get; set; } = "";
    }
}
