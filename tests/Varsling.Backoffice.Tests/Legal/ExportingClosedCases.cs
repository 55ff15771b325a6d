using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Varsling.Backoffice.Tests.Cases;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Legal;

/// <summary>The legal team's export page: a case filed and closed in the test comes out with its summary and without its reporter.</summary>
public sealed class ExportingClosedCases(CasesHost host) : IClassFixture<CasesHost>
{
    private const string ExportPath = "/nb/legal/export";
    private const string IdentityMarker = "Zyxwvut Quarrington";

    [Fact]
    public async Task LegalUser_DownloadsCsvAndJson_WithTheSummary_WithoutTheReporter()
    {
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal);
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, "varsling");
        var filed = await host.FileReportAsync(CasesHost.Nordlys, "varsling", "Invoices inflated by a supplier",
            new ReporterIdentity(IdentityMarker, "zyxwvut@example.org"), "ledger"u8.ToArray(), "ledger.txt");
        var casePath = $"/nb/cases/{filed.CaseId}";
        var close = await handler.Session.SubmitAsync(casePath, new Dictionary<string, string>
        {
            ["Input.Outcome"] = nameof(CaseOutcome.Substantiated),
            ["Input.Text"] = "Supplier contract ended; money recovered.",
        }, "#close-form");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var closed = await host.CaseAsync(filed.CaseId);

        var csv = await DownloadAsync(legal, closed.LegalEntityId, -1, 1, "Csv");
        Assert.Equal("text/csv", csv.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(closed.Reference, csv.Body, StringComparison.Ordinal);
        Assert.Contains("Supplier contract ended; money recovered.", csv.Body, StringComparison.Ordinal);
        Assert.Contains(nameof(CaseOutcome.Substantiated), csv.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Zyxwvut", csv.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Invoices inflated", csv.Body, StringComparison.Ordinal);

        var json = await DownloadAsync(legal, closed.LegalEntityId, -1, 1, "Json");
        Assert.Equal("application/json", json.Response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Zyxwvut", json.Body, StringComparison.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(json.Body);
        var exported = document.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == closed.Reference);
        Assert.Equal("Supplier contract ended; money recovered.", exported.GetProperty("closingSummary").GetString());

        var pdf = await DownloadAsync(legal, closed.LegalEntityId, -1, 1, "Pdf");
        Assert.Equal("application/pdf", pdf.Response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", pdf.Response.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var text = Squash(await PdfTools.TextAsync(pdf.Bytes));
        Assert.Contains("Sak " + closed.Reference, text, StringComparison.Ordinal);
        Assert.Contains("Supplier contract ended; money recovered.", text, StringComparison.Ordinal);
        Assert.Contains("Bekreftet", text, StringComparison.Ordinal);
        Assert.Matches(@"Antall saker [1-9]", text);
        Assert.Matches(@"Etter utfall: Bekreftet [1-9]", text);
        Assert.DoesNotContain("Zyxwvut", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Invoices inflated", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ledger", text, StringComparison.Ordinal);

        var audit = await host.AuditByAsync(legal.UserId);
        var exports = audit.Where(e => e.Action == AuditAction.ExportCreated).ToList();
        Assert.Equal(3, exports.Count);
        Assert.All(exports, e => Assert.DoesNotContain("Supplier", e.Detail ?? "", StringComparison.Ordinal));
        Assert.StartsWith("Csv ", exports[0].Detail, StringComparison.Ordinal);
        Assert.StartsWith("Json ", exports[1].Detail, StringComparison.Ordinal);
        Assert.StartsWith("Pdf ", exports[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_KeepsNorwegianLetters_AndALongSummarySpillsOntoAFurtherPage()
    {
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal, language: "en");
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, "varsling");
        var filed = await host.FileReportAsync(CasesHost.Nordlys, "varsling", "Overtime not paid",
            new ReporterIdentity(IdentityMarker, null), "hours"u8.ToArray(), "hours.txt");
        const string Opening = "Blåbærsyltetøy på Ærø: lønn for overtid er etterbetalt, og rutinen for timelister er endret.";
        var longSummary = Opening + " " + string.Join(' ', Enumerable.Range(1, 900).Select(i => $"punkt{i}"));
        var close = await handler.Session.SubmitAsync($"/nb/cases/{filed.CaseId}", new Dictionary<string, string>
        {
            ["Input.Outcome"] = nameof(CaseOutcome.PartlySubstantiated),
            ["Input.Text"] = longSummary,
        }, "#close-form");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var closed = await host.CaseAsync(filed.CaseId);

        var pdf = await DownloadAsync(legal, closed.LegalEntityId, -1, 1, "Pdf", path: "/en/legal/export");

        var text = Squash(await PdfTools.TextAsync(pdf.Bytes));
        Assert.Contains("Case " + closed.Reference, text, StringComparison.Ordinal);
        Assert.Contains("Blåbærsyltetøy på Ærø: lønn for overtid", text, StringComparison.Ordinal);
        Assert.Contains("punkt900", text, StringComparison.Ordinal);
        Assert.Contains("Partly substantiated", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Zyxwvut", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Overtime not paid", text, StringComparison.Ordinal);
        // The cover is page 1; the case's section starts on page 2 and its summary does not fit there.
        var pages = await PdfTools.PageCountAsync(pdf.Bytes);
        Assert.True(pages >= 3, $"expected the summary to spill onto a further page, got {pages} pages");
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyPeriod_GivesAValidEmptyExport()
    {
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal);
        var page = await legal.Session.GetPageAsync(ExportPath);
        var entity = Guid.Parse(page.QuerySelector("#export-entity option")!.GetAttribute("value")!);

        var csv = await DownloadAsync(legal, entity, -4000, -3990, "Csv");
        var lines = csv.Body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("reference,", lines[0], StringComparison.Ordinal);

        var json = await DownloadAsync(legal, entity, -4000, -3990, "Json");
        using var document = JsonDocument.Parse(json.Body);
        Assert.Equal(0, document.RootElement.GetProperty("cases").GetArrayLength());

        var pdf = await DownloadAsync(legal, entity, -4000, -3990, "Pdf");
        Assert.Equal(1, await PdfTools.PageCountAsync(pdf.Bytes));
        var text = Squash(await PdfTools.TextAsync(pdf.Bytes));
        Assert.Contains("Antall saker 0", text, StringComparison.Ordinal);
        Assert.Contains("Ingen saker ble avsluttet i perioden.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_GetsNotFound()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, "varsling");
        using var response = await handler.Session.Client.GetAsync(ExportPath);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var home = await handler.Session.Client.GetAsync("/nb/cases");
        Assert.DoesNotContain("nav-export", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed record Download(HttpResponseMessage Response, byte[] Bytes)
    {
        public string Body => Encoding.UTF8.GetString(Bytes);
    }

    /// <summary>pdftotext -layout keeps columns apart with runs of spaces and wraps values over lines; one space is enough to compare.</summary>
    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ");

    private async Task<Download> DownloadAsync(SignedInHandler legal, Guid entity, int fromDays, int toDays, string format, string path = ExportPath)
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await legal.Session.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Input.LegalEntity"] = entity.ToString(),
            ["Input.From"] = Day(fromDays),
            ["Input.To"] = Day(toDays),
            ["Input.Format"] = format,
        }, "#export-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return new Download(response, await response.Content.ReadAsByteArrayAsync());
    }
}
