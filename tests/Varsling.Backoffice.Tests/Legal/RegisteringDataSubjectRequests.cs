using System.Globalization;
using System.Net;
using Varsling.Backoffice.Tests.Cases;
using Varsling.Core.Accounts;

namespace Varsling.Backoffice.Tests.Legal;

/// <summary>The register of data-subject requests, worked through its page: register, extend, complete, and a refused late extension.</summary>
public sealed class RegisteringDataSubjectRequests(CasesHost host) : IClassFixture<CasesHost>
{
    private const string PagePath = "/nb/privacy/requests";

    [Fact]
    public async Task RegisterExtendComplete_ThroughThePage()
    {
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal);
        var id = await RegisterAsync(legal, 0);
        var row = $"tr[data-request='{id}']";
        Assert.Contains("Åpen", (await legal.Session.GetPageAsync(PagePath)).QuerySelector(row + " .request-status")!.TextContent, StringComparison.Ordinal);

        var extend = await legal.Session.SubmitAsync(await legal.Session.GetPageAsync(PagePath), PagePath,
            new Dictionary<string, string> { ["Input.Reason"] = "Many archived documents to review." }, row + " .extend-form");
        Assert.Equal(HttpStatusCode.Redirect, extend.StatusCode);
        var extended = await legal.Session.GetPageAsync(PagePath);
        Assert.Contains("Forlenget", extended.QuerySelector(row + " .request-status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(extended.QuerySelector(row + " .extend-form"));

        var complete = await legal.Session.SubmitAsync(extended, PagePath,
            new Dictionary<string, string> { ["Input.Outcome"] = "Granted" }, row + " .complete-form");
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        var completed = await legal.Session.GetPageAsync(PagePath);
        var status = completed.QuerySelector(row + " .request-status")!.TextContent;
        Assert.Contains("Besvart", status, StringComparison.Ordinal);
        Assert.Contains("Innvilget", status, StringComparison.Ordinal);
        Assert.Null(completed.QuerySelector(row + " .complete-form"));
    }

    [Fact]
    public async Task Extension_AfterTheFirstMonth_IsRefusedWithAFormError()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin);
        var id = await RegisterAsync(admin, -40);
        var row = $"tr[data-request='{id}']";

        var extend = await admin.Session.SubmitAsync(await admin.Session.GetPageAsync(PagePath), PagePath,
            new Dictionary<string, string> { ["Input.Reason"] = "Too late to extend." }, row + " .extend-form");

        Assert.Equal(HttpStatusCode.OK, extend.StatusCode);
        var page = await Testing.BackofficeSession.ParseAsync(extend);
        Assert.Contains("can no longer be extended", page.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Åpen", page.QuerySelector(row + " .request-status")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_GetsNotFound()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, "varsling");
        using var response = await handler.Session.Client.GetAsync(PagePath);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Registers an access request received <paramref name="daysAgo"/> days from today and returns its id from the list.</summary>
    private async Task<Guid> RegisterAsync(SignedInHandler person, int daysAgo)
    {
        var page = await person.Session.GetPageAsync(PagePath);
        var before = page.QuerySelectorAll("tr[data-request]").Select(r => r.GetAttribute("data-request")).ToHashSet();
        var entity = page.QuerySelector("#register-entity option")!.GetAttribute("value")!;
        var received = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var response = await person.Session.SubmitAsync(page, PagePath, new Dictionary<string, string>
        {
            ["Input.LegalEntity"] = entity,
            ["Input.Right"] = "Access",
            ["Input.Received"] = received,
        }, "#register-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await person.Session.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.NotNull(after.QuerySelector("#done"));
        return Guid.Parse(after.QuerySelectorAll("tr[data-request]").Select(r => r.GetAttribute("data-request")!).Single(r => !before.Contains(r)));
    }
}
