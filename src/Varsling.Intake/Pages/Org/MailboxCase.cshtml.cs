using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Intake.Mailbox;

namespace Varsling.Intake.Pages.Org;

/// <summary>
/// The reporter's case: status, dates and the conversation. In a no-JavaScript session the server opens the
/// entries with the session's key; in a JavaScript session the page loads them sealed and the browser opens them.
/// </summary>
public sealed class MailboxCaseModel(ReportIntake intake, ReporterMailbox mailbox, MailboxCookie cookie, IOptions<IntakeOptions> options) : PageModel
{
    public IntakeOrganisation Organisation { get; private set; } = null!;
    public OpenedMailbox? Opened { get; private set; }
    public CaseSummary? Summary { get; private set; }
    public int MaxTextLength => options.Value.MaxTextLength;
    public int MaxFiles => options.Value.MaxFiles;
    public long MaxFileMegabytes => options.Value.MaxFileBytes / (1024 * 1024);

    public async Task<IActionResult> OnGetAsync(string org, CancellationToken ct)
    {
        Organisation = await intake.GetOrganisationAsync(org, ct);
        using var state = await ResumeAsync(mailbox, cookie, HttpContext, ct);
        if (state is null)
        {
            MailboxCookie.Clear(HttpContext);
            return Redirect($"/{WebCommon.Languages.Current}/{org}/mailbox");
        }

        if (state.Key is { } key)
        {
            Opened = await mailbox.OpenAsync(state.CaseId, key, ct);
            Summary = Opened.Summary;
        }
        else
        {
            Summary = (await mailbox.GetSealedAsync(state.CaseId, ct)).Summary;
        }

        return Page();
    }

    internal static async Task<ReporterSessionState?> ResumeAsync(ReporterMailbox mailbox, MailboxCookie cookie, HttpContext context, CancellationToken ct) =>
        cookie.Read(context) is { } parts ? await mailbox.ResumeAsync(parts.SessionId, parts.SessionKey, ct) : null;
}
