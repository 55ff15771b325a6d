using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Account;

/// <summary>
/// Mandatory enrolment at first sign-in: a new password, TOTP confirmed with a code, and the key pair. The recovery
/// key and recovery codes are rendered in the response to the confirming POST and nowhere else (no redirect, no
/// TempData), so they are never stored anywhere but on the person's screen.
/// </summary>
public sealed class EnrolModel(AccountService accounts, BackofficeTexts texts) : PageModel
{
    [BindProperty]
    public EnrolInput Input { get; set; } = new();

    public EnrolmentStart? Start { get; private set; }

    public string QrCode { get; private set; } = "";

    public EnrolmentResult? Done { get; private set; }

    /// <summary>The authenticator key in groups of four, easier to type.</summary>
    public string GroupedKey => Start is null ? "" : string.Join(' ', Start.AuthenticatorKey.Chunk(4).Select(c => new string(c)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await HttpContext.PendingLoginAsync() is not { Stage: BackofficeAuth.StageEnrol } pending)
        {
            return RedirectToPage("/Account/Login", new { lang = Languages.Current });
        }

        await LoadAsync(pending.UserId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await HttpContext.PendingLoginAsync() is not { Stage: BackofficeAuth.StageEnrol } pending)
        {
            return RedirectToPage("/Account/Login", new { lang = Languages.Current });
        }

        if (ModelState.IsValid && Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError("", texts["form.passwordsDiffer"]);
        }

        if (ModelState.IsValid)
        {
            try
            {
                Done = await accounts.CompleteEnrolmentAsync(pending.UserId, pending.Session, Input.NewPassword, Input.Code, ct);
                await HttpContext.SignInAsync(Done.User);
                return Page();
            }
            catch (RuleViolationException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        await LoadAsync(pending.UserId, ct);
        return Page();
    }

    private async Task LoadAsync(Guid userId, CancellationToken ct)
    {
        Start = await accounts.BeginEnrolmentAsync(userId, ct);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Start.ProvisioningUri, QRCodeGenerator.ECCLevel.M);
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    public sealed class EnrolInput
    {
        [Required]
        [MaxLength(PasswordPolicy.MaxLength)]
        public string NewPassword { get; set; } = "";

        [Required]
        [MaxLength(PasswordPolicy.MaxLength)]
        public string ConfirmPassword { get; set; } = "";

        [Required]
        [MaxLength(16)]
        public string Code { get; set; } = "";
    }
}
