using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Varsling.Core;
using Varsling.Core.Attachments;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Intake.Mailbox;
using Varsling.Intake.Reporting;

namespace Varsling.Intake.Pages.Org;

/// <summary>The no-JavaScript reply: read as a stream like the report form, sealed with the session's key, then back to the mailbox.</summary>
[IgnoreAntiforgeryToken]
[DisableFormBinding]
[EnableRateLimiting(DependencyInjection.SubmitPolicy)]
public sealed class MailboxPostModel(ReportIntake intake, ReporterMailbox mailbox, MailboxCookie cookie, PlainFormReader reader,
    UploadStore uploads, IOptions<IntakeOptions> options) : PageModel
{
    public string? Error { get; private set; }
    public string Back { get; private set; } = "";

    public IActionResult OnGet(string org) => Redirect($"/{WebCommon.Languages.Current}/{org}/mailbox/case");

    public async Task<IActionResult> OnPostAsync(string org, CancellationToken ct)
    {
        var limits = options.Value;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxFiles * (limits.MaxFileBytes + 64 * 1024) + 4L * limits.MaxTextLength + 1024 * 1024;
        }

        await intake.GetOrganisationAsync(org, ct);
        Back = $"/{WebCommon.Languages.Current}/{org}/mailbox/case";
        using var state = await MailboxCaseModel.ResumeAsync(mailbox, cookie, HttpContext, ct);
        if (state?.Key is not { } key)
        {
            return Redirect($"/{WebCommon.Languages.Current}/{org}/mailbox");
        }

        var form = await reader.ReadAsync(HttpContext, ct);
        try
        {
            await mailbox.PostPlainAsync(state.CaseId, key, form.Get("Text"), form.Files, ct);
            return Redirect(Back);
        }
        catch (RuleViolationException e)
        {
            foreach (var file in form.Files)
            {
                await uploads.DiscardAsync(file.Mention.Id, CancellationToken.None);
            }

            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
