using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Varsling.Core;
using Varsling.Core.Attachments;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Intake.Reporting;

namespace Varsling.Intake.Pages.Org;

/// <summary>
/// The no-JavaScript submit: reads the multipart body as a stream (files are encrypted as they arrive), seals the
/// report in memory and files it in one transaction, then shows the receipt code once, in this response only.
/// Antiforgery is checked by <see cref="PlainFormReader"/> from the first form field, before any file is read.
/// </summary>
[IgnoreAntiforgeryToken]
[DisableFormBinding]
[EnableRateLimiting(DependencyInjection.SubmitPolicy)]
public sealed class SubmitModel(ReportIntake intake, PlainFormReader reader, UploadStore uploads, IOptions<IntakeOptions> options) : PageModel
{
    public IntakeChannel Channel { get; private set; } = null!;
    public string? ReceiptCode { get; private set; }
    public bool Acknowledged { get; private set; }
    public string? Error { get; private set; }

    public IActionResult OnGet(string org, string channel) => Redirect($"/{WebCommon.Languages.Current}/{org}/{channel}/report");

    public async Task<IActionResult> OnPostAsync(string org, string channel, CancellationToken ct)
    {
        // Room for every file at its limit plus the texts; Kestrel's default cap is meant for everything else.
        var limits = options.Value;
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxFiles * (limits.MaxFileBytes + 64 * 1024) + 16L * limits.MaxTextLength + 1024 * 1024;
        }

        Channel = await intake.GetChannelAsync(org, channel, ct);
        var form = await reader.ReadAsync(HttpContext, ct);
        try
        {
            Guid? categoryId = Guid.TryParse(form.Get("CategoryId"), out var id) ? id : null;
            var answers = new ReportAnswers(form.Get("What").Trim(), form.Optional("When"), form.Optional("Where"), form.Optional("Who"),
                form.Optional("How"), form.Files.Select(f => f.Mention).ToList(),
                Channel.Questions.Select(q => new QuestionAnswer(q.Id, q.Text, form.Get("Extra." + q.Id).Trim())).ToList());
            var filed = await intake.FilePlainAsync(Channel, new PlainReport(categoryId, answers,
                new ReporterIdentity(form.Optional("Name"), form.Optional("Contact")), form.Files)
            {
                SubmissionId = Guid.TryParse(form.Get("SubmissionId"), out var submission) ? submission : null,
            }, ct);
            ReceiptCode = filed.ReceiptCode;
            Acknowledged = filed.Acknowledged;
            return Page();
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
