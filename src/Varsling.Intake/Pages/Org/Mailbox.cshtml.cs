using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Intake.Mailbox;

namespace Varsling.Intake.Pages.Org;

/// <summary>The login form of the reporter's mailbox.</summary>
public sealed class MailboxLoginInput
{
    /// <summary>The receipt code (no-JavaScript path). Never logged, never echoed back into the page.</summary>
    public string? Code { get; set; }

    /// <summary>The lookup token derived in the browser, base64url (JavaScript path); the code itself never leaves the browser.</summary>
    public string? LookupToken { get; set; }
}

/// <summary>Mailbox login. Every failure answers the same "not recognised", whatever the reason.</summary>
[EnableRateLimiting(DependencyInjection.LoginPolicy)]
public sealed class MailboxModel(ReportIntake intake, ReporterMailbox mailbox, MailboxCookie cookie) : PageModel
{
    [BindProperty]
    public MailboxLoginInput Input { get; set; } = new();

    public IntakeOrganisation Organisation { get; private set; } = null!;
    public bool Refused { get; private set; }

    /// <summary>The deployment's public receipt salt (hex), for the browser to derive the lookup token.</summary>
    public string ReceiptSalt { get; private set; } = "";

    public async Task OnGetAsync(string org, CancellationToken ct) => await LoadAsync(org, ct);

    public async Task<IActionResult> OnPostAsync(string org, CancellationToken ct)
    {
        await LoadAsync(org, ct);
        NewReporterSession? session = null;
        if (!string.IsNullOrEmpty(Input.LookupToken))
        {
            session = TryDecode(Input.LookupToken) is { } token ? await mailbox.LoginWithLookupTokenAsync(token, ct) : null;
        }
        else if (!string.IsNullOrWhiteSpace(Input.Code))
        {
            session = await mailbox.LoginWithCodeAsync(Input.Code, ct);
        }

        Input = new MailboxLoginInput();
        ModelState.Clear();
        if (session is null)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        cookie.Write(HttpContext, session);
        return Redirect($"/{WebCommon.Languages.Current}/{Organisation.Slug}/mailbox/case");
    }

    private async Task LoadAsync(string org, CancellationToken ct)
    {
        Organisation = await intake.GetOrganisationAsync(org, ct);
        ReceiptSalt = Convert.ToHexStringLower(await intake.ReceiptSaltAsync(ct));
    }

    private static byte[]? TryDecode(string base64Url)
    {
        try
        {
            return Microsoft.AspNetCore.WebUtilities.Base64UrlTextEncoder.Decode(base64Url);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
