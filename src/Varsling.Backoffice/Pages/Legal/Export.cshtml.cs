using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.Core.Exports;
using Varsling.Core.Organisations;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Legal;

/// <summary>
/// The legal team's export of closed cases for a legal entity and period, as CSV, JSON or PDF, with the closing
/// summaries the person's key opens. A download: never cached, audited by Core.
/// </summary>
[RequireRole(Roles.Legal)]
public sealed class ExportModel(LegalExports exports, TimeProvider time) : PageModel
{
    [BindProperty]
    public ExportInput Input { get; set; } = new();

    public IReadOnlyList<LegalEntityOption> Entities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Input = new ExportInput { From = new DateOnly(today.Year, 1, 1), To = today };
        Entities = await exports.LegalEntitiesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Entities = await exports.LegalEntitiesAsync(ct);
            return Page();
        }

        ClosedCaseExportData data;
        var format = Input.Format!.Value;
        try
        {
            using var key = await HttpContext.UnlockKeyAsync(ct);
            data = await exports.CreateAsync(User.UserId(), key, Input.LegalEntity!.Value, Input.From!.Value, Input.To!.Value, format, ct);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
            Entities = await exports.LegalEntitiesAsync(ct);
            return Page();
        }

        var (extension, type) = format switch
        {
            ExportFormat.Csv => ("csv", "text/csv; charset=utf-8"),
            ExportFormat.Json => ("json", "application/json; charset=utf-8"),
            ExportFormat.Pdf => ("pdf", "application/pdf"),
            _ => throw new RuleViolationException("Choose a format."),
        };
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"closed-cases-{data.From:yyyy-MM-dd}-{data.To:yyyy-MM-dd}.{extension}");
        Response.ContentType = type;
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store, max-age=0";
        var language = Languages.IsNorwegian ? DocumentLanguage.Norwegian : DocumentLanguage.English;
        await LegalExports.WriteAsync(data, format, language, Response.Body, ct);
        return new EmptyResult();
    }

    public sealed class ExportInput
    {
        [Required]
        public Guid? LegalEntity { get; set; }

        [Required]
        public DateOnly? From { get; set; }

        [Required]
        public DateOnly? To { get; set; }

        [Required]
        public ExportFormat? Format { get; set; } = ExportFormat.Csv;
    }
}
