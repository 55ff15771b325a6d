using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Varsling.Core.Accounts;
using Varsling.Core.Exports;
using Varsling.Core.Privacy;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Privacy;

/// <summary>
/// The record of processing activities (GDPR Art. 30) for the whistleblowing channel, generated from the
/// organisation's settings: shown on the page, and downloadable as a PDF (a POST, because the download is audited).
/// </summary>
[RequireRole(Roles.Legal, Roles.Admin)]
public sealed class RecordModel(ProcessingRecord records) : PageModel
{
    public RecordOfProcessing Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Record = await records.BuildAsync(Language, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var record = await records.ExportAsync(User.UserId(), Language, ct);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"record-of-processing-{record.GeneratedAt:yyyy-MM-dd}.pdf");
        Response.ContentType = "application/pdf";
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store, max-age=0";
        await ProcessingRecord.WritePdfAsync(record, Response.Body, ct);
        return new EmptyResult();
    }

    private static DocumentLanguage Language => Languages.IsNorwegian ? DocumentLanguage.Norwegian : DocumentLanguage.English;
}
