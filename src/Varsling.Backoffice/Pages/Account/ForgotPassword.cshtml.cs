using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Account;

/// <summary>
/// Forgotten password with the recovery key: the key pair is kept and re-wrapped under the new password. Without
/// the key only an operator reset helps, which means a new key pair; the page says so.
/// </summary>
public sealed class ForgotPasswordModel(AccountService accounts, BackofficeTexts texts) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("", texts["form.passwordsDiffer"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await accounts.ResetWithRecoveryKeyAsync(Input.Email, Input.RecoveryKey, Input.NewPassword, ct);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }

        return RedirectToPage("/Account/Login", new { lang = Languages.Current, reset = true });
    }

    public sealed class ForgotInput
    {
        [Required]
        [MaxLength(256)]
        public string Email { get; set; } = "";

        [Required]
        [MaxLength(100)]
        public string RecoveryKey { get; set; } = "";

        [Required]
        [MaxLength(PasswordPolicy.MaxLength)]
        public string NewPassword { get; set; } = "";

        [Required]
        [MaxLength(PasswordPolicy.MaxLength)]
        public string ConfirmPassword { get; set; } = "";
    }
}
