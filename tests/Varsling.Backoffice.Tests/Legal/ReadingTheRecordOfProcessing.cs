using System.Net;
using System.Text.RegularExpressions;
using Varsling.Backoffice.Tests.Cases;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Legal;

/// <summary>The record of processing page: legal and admin read it in both languages and download it as an audited PDF; handlers get 404.</summary>
public sealed class ReadingTheRecordOfProcessing(CasesHost host) : IClassFixture<CasesHost>
{
    [Fact]
    public async Task Legal_ReadsTheRecordInNorwegian_AndDownloadsItAsAnAuditedPdf()
    {
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal);

        var page = await legal.Session.GetPageAsync("/nb/privacy/record");
        Assert.Equal("Protokoll over behandlingsaktiviteter – varslingskanalen", page.QuerySelector("h1")!.TextContent);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Nordlys Energi ASA", text, StringComparison.Ordinal);
        Assert.Contains("Personvernombud, personvernombud@nordlys.example", text, StringComparison.Ordinal);
        Assert.Contains("HPKE", text, StringComparison.Ordinal);
        Assert.Contains("2019/1937", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#nav-record"));

        var response = await legal.Session.SubmitAsync("/nb/privacy/record", new Dictionary<string, string>(), "#record-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var pdf = Regex.Replace(await PdfTools.TextAsync(await response.Content.ReadAsByteArrayAsync()), @"\s+", " ");
        Assert.Contains("Behandlingsansvarlig Nordlys Energi ASA", pdf, StringComparison.Ordinal);
        Assert.Contains("Overføringer ingen", pdf, StringComparison.Ordinal);

        var audit = await host.AuditByAsync(legal.UserId);
        var export = Assert.Single(audit, e => e.Action == AuditAction.ExportCreated);
        Assert.Equal("Pdf record-of-processing", export.Detail);
    }

    [Fact]
    public async Task Admin_ReadsTheRecordInEnglish()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin, language: "en");

        var page = await admin.Session.GetPageAsync("/en/privacy/record");

        Assert.Equal("Record of processing activities – whistleblowing channel", page.QuerySelector("h1")!.TextContent);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Transfers to third countries", text, StringComparison.Ordinal);
        Assert.Contains("Technical and organisational security measures", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_GetsNotFound()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, "varsling");

        using var response = await handler.Session.Client.GetAsync("/nb/privacy/record");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var home = await handler.Session.Client.GetAsync("/nb/cases");
        Assert.DoesNotContain("nav-record", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
