using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Account;

/// <summary>The password step of sign-in; the next step is a code, or enrolment the first time.</summary>
public sealed class LoginModel(AccountService accounts, BackofficeTexts texts) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Reset { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await HttpContext.SignOutAsync(BackofficeAuth.PendingScheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attempt = await accounts.CheckPasswordAsync(Input.Email, Input.Password, ct);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        return attempt.Outcome switch
        {
            LoginOutcome.Failed => Refuse(texts["login.failed"]),
            LoginOutcome.LockedOut => Refuse(texts["login.locked"]),
            LoginOutcome.NeedsCode => await ContinueAsync(attempt, BackofficeAuth.StageCode, "/Account/LoginCode", returnUrl),
            LoginOutcome.NeedsEnrolment => await ContinueAsync(attempt, BackofficeAuth.StageEnrol, "/Account/Enrol", returnUrl),
        };
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError("", message);
        return Page();
    }

    private async Task<IActionResult> ContinueAsync(LoginAttempt attempt, string stage, string page, string? returnUrl)
    {
        await HttpContext.SignInAsync(BackofficeAuth.PendingScheme, BackofficeAuth.Pending(attempt, stage, returnUrl));
        return RedirectToPage(page, new { lang = Languages.Current });
    }

    public sealed class LoginInput
    {
        [Required]
        [MaxLength(256)]
        public string Email { get; set; } = "";

        [Required]
        [MaxLength(PasswordPolicy.MaxLength)]
        public string Password { get; set; } = "";
    }
}
