using System.Net;
using Varsling.Core.Messaging;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Cases;

/// <summary>The reported-person page, worked through as a handler: linked from the case, a refused deferral, a deferral, then informed.</summary>
public sealed class InformingTheReportedPerson(CasesHost host) : IClassFixture<CasesHost>
{
    [Fact]
    public async Task DeferThenInform_ThroughThePageLinkedFromTheCase()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel, language: "en");
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Bribes for permits",
            new ReporterIdentity(null, null), "evidence"u8.ToArray(), "evidence.txt");
        var path = $"/en/cases/{filed.CaseId}/reported-person";
        var casePage = await handler.Session.GetPageAsync($"/en/cases/{filed.CaseId}");
        Assert.Equal(path, casePage.QuerySelector("#reported-person-link")!.GetAttribute("href"));

        var page = await handler.Session.GetPageAsync(path);
        Assert.Equal("Pending", page.QuerySelector("#notice-state")!.GetAttribute("data-state"));
        Assert.Contains("2025-04-10", page.QuerySelector("#notice-due")!.TextContent, StringComparison.Ordinal); // received 10 Mar 2025

        var refused = await handler.Session.SubmitAsync(page, path,
            new Dictionary<string, string> { ["Input.Ground"] = "ImpairsInvestigation", ["Input.ReviewOn"] = "2025-03-01" }, "#defer-form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must be after today (2025-03-10)", (await BackofficeSession.ParseAsync(refused)).QuerySelector("#form-errors")!.TextContent,
            StringComparison.Ordinal);

        var deferred = await handler.Session.SubmitAsync(await handler.Session.GetPageAsync(path), path,
            new Dictionary<string, string> { ["Input.Ground"] = "NationalRestriction", ["Input.ReviewOn"] = "2025-04-30" }, "#defer-form");
        Assert.Equal(HttpStatusCode.Redirect, deferred.StatusCode);
        page = await handler.Session.GetPageAsync(path);
        Assert.Equal("Deferred", page.QuerySelector("#notice-state")!.GetAttribute("data-state"));
        Assert.Contains("personopplysningsloven § 16", page.QuerySelector("#notice-state")!.TextContent, StringComparison.Ordinal);

        var informed = await handler.Session.SubmitAsync(page, path, new Dictionary<string, string> { ["Input.InformedOn"] = "2025-03-10" }, "#informed-form");
        Assert.Equal(HttpStatusCode.Redirect, informed.StatusCode);
        page = await handler.Session.GetPageAsync(path);
        Assert.Equal("Informed", page.QuerySelector("#notice-state")!.GetAttribute("data-state"));
        Assert.Contains("within the deadline", page.QuerySelector("#notice-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#informed-form"));
        Assert.Equal(2, page.QuerySelectorAll("#notice-history tbody tr").Length);

        var audit = await host.AuditAsync(filed.CaseId);
        Assert.Equal(["deferred NationalRestriction review 2025-04-30", "informed 2025-03-10"],
            audit.Where(e => e.Action == Core.Audit.AuditAction.ReportedPersonNoticeRecorded).Select(e => e.Detail));
    }
}
