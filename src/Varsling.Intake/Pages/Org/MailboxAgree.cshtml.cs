using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Intake.Mailbox;

namespace Varsling.Intake.Pages.Org;

/// <summary>
/// The reporter agrees to the minutes of their oral report: a content-free entry, then back to the mailbox.
/// Works in both mailbox paths, since agreeing needs no key.
/// </summary>
public sealed class MailboxAgreeModel(ReportIntake intake, ReporterMailbox mailbox, MailboxCookie cookie) : PageModel
{
    public string? Error { get; private set; }
    public string Back { get; private set; } = "";

    public IActionResult OnGet(string org) => Redirect($"/{WebCommon.Languages.Current}/{org}/mailbox/case");

    public async Task<IActionResult> OnPostAsync(string org, CancellationToken ct)
    {
        await intake.GetOrganisationAsync(org, ct);
        Back = $"/{WebCommon.Languages.Current}/{org}/mailbox/case";
        using var state = await MailboxCaseModel.ResumeAsync(mailbox, cookie, HttpContext, ct);
        if (state is null)
        {
            return Redirect($"/{WebCommon.Languages.Current}/{org}/mailbox");
        }

        try
        {
            await mailbox.AgreeToMinutesAsync(state.CaseId, ct);
            return Redirect(Back);
        }
        catch (RuleViolationException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
