using System.Globalization;
using System.Net;
using Varsling.Backoffice.Tests.Cases;
using Varsling.Core.Accounts;
using Varsling.Core.Messaging;

namespace Varsling.Backoffice.Tests.Legal;

/// <summary>The statistics page over a small fixture of its own database: figures as hand-computed, small cells as "&lt;5".</summary>
public sealed class ReadingStatistics(CasesHost host) : IClassFixture<CasesHost>
{
    [Fact]
    public async Task LegalAndAdmin_SeeTheFigures_WithSmallCellsSuppressed()
    {
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal);
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin, language: "en");
        using var norwegian = await host.HandlerAsync(CasesHost.Nordlys, "varsling");
        using var swedish = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        // Six cases in the Norwegian channel (acknowledged automatically on receipt), one in the Swedish one.
        for (var i = 0; i < 6; i++)
        {
            await host.FileReportAsync(CasesHost.Nordlys, "varsling", $"Report {i}", new ReporterIdentity(null, null), "x"u8.ToArray(), "x.txt");
        }

        await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Report 7", new ReporterIdentity(null, null), "x"u8.ToArray(), "x.txt");
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var query = string.Create(CultureInfo.InvariantCulture, $"?from={today.AddDays(-5):yyyy-MM-dd}&to={today.AddDays(5):yyyy-MM-dd}");

        foreach (var (person, path) in new[] { (legal, "/nb/statistics"), (admin, "/en/statistics") })
        {
            var page = await person.Session.GetPageAsync(path + query);

            Assert.Equal("7", page.QuerySelector("#total")!.TextContent.Trim());
            // Swedish channel: 1 is suppressed; the Norwegian 6 is then suppressed too, or 1 = 7 − 6 could be worked out.
            var channels = page.QuerySelectorAll("#by-channel tbody td").Select(td => td.TextContent.Trim()).ToList();
            Assert.Equal(["<5", "<5"], channels);
            Assert.Equal(["7"], page.QuerySelectorAll("#by-month tbody td").Select(td => td.TextContent.Trim()));
            Assert.Equal(["7"], page.QuerySelectorAll("#by-category tbody td").Select(td => td.TextContent.Trim()));
            Assert.Equal("0", page.QuerySelector("#median-ack")!.TextContent.Trim());
            Assert.Equal("100 %", page.QuerySelector("#share-ack")!.TextContent.Trim());
            Assert.Equal("<5", page.QuerySelector("#median-feedback")!.TextContent.Trim());
            Assert.Equal("<5", page.QuerySelector("#share-feedback")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Handler_GetsNotFound()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, "varsling");
        using var response = await handler.Session.Client.GetAsync("/nb/statistics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
