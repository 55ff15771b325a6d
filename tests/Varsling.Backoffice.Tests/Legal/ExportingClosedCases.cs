using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Varsling.Backoffice.Tests.Cases;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;

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

        var audit = await host.AuditByAsync(legal.UserId);
        var exports = audit.Where(e => e.Action == AuditAction.ExportCreated).ToList();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.DoesNotContain("Supplier", e.Detail ?? "", StringComparison.Ordinal));
        Assert.StartsWith("Csv ", exports[0].Detail, StringComparison.Ordinal);
        Assert.StartsWith("Json ", exports[1].Detail, StringComparison.Ordinal);
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

    private sealed record Download(HttpResponseMessage Response, string Body);

    private async Task<Download> DownloadAsync(SignedInHandler legal, Guid entity, int fromDays, int toDays, string format)
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await legal.Session.SubmitAsync(ExportPath, new Dictionary<string, string>
        {
            ["Input.LegalEntity"] = entity.ToString(),
            ["Input.From"] = Day(fromDays),
            ["Input.To"] = Day(toDays),
            ["Input.Format"] = format,
        }, "#export-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return new Download(response, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }
}
