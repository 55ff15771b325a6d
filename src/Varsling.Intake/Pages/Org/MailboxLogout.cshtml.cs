using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Intake.Mailbox;

namespace Varsling.Intake.Pages.Org;

/// <summary>Logout: deletes the session's server half, the cookie, and asks the browser to clear the site's data.</summary>
public sealed class MailboxLogoutModel(ReportIntake intake, ReporterMailbox mailbox, MailboxCookie cookie) : PageModel
{
    public IntakeOrganisation Organisation { get; private set; } = null!;

    public IActionResult OnGet(string org) => Redirect($"/{WebCommon.Languages.Current}/{org}/mailbox");

    public async Task OnPostAsync(string org, CancellationToken ct)
    {
        Organisation = await intake.GetOrganisationAsync(org, ct);
        if (cookie.Read(HttpContext) is { } parts)
        {
            await mailbox.LogoutAsync(parts.SessionId, ct);
        }

        MailboxCookie.Clear(HttpContext);
    }
}
