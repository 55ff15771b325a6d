using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Account;

/// <summary>Password change for a signed-in person; the private key is re-wrapped under the new password.</summary>
public sealed class ChangePasswordModel(AccountService accounts, BackofficeTexts texts) : PageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }

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

        var session = User.KeySession() ?? throw new KeySessionUnavailableException();
        try
        {
            await accounts.ChangePasswordAsync(User.UserId(), session, Input.CurrentPassword, Input.NewPassword, ct);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }

        return RedirectToPage(new { lang = Languages.Current, done = true });
    }

    public sealed class ChangeInput
    {
        [Required]
        [MaxLength(PasswordPolicy.MaxLength)]
        public string CurrentPassword { get; set; } = "";

        [Required]
        [MaxLength(PasswordPolicy.MaxLength)]
        public string NewPassword { get; set; } = "";

        [Required]
        [MaxLength(PasswordPolicy.MaxLength)]
        public string ConfirmPassword { get; set; } = "";
    }
}
