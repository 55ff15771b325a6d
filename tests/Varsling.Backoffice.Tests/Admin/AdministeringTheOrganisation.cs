using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Varsling.Backoffice.Tests.Cases;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Admin;

/// <summary>
/// The administration pages worked through their forms over HTTP: the happy path of each, and the refusals an
/// administrator can run into (bad input and stale forms answer with a form error, never a 500; other roles get 404).
/// </summary>
public sealed class AdministeringTheOrganisation(CasesHost host) : IClassFixture<CasesHost>
{
    private const string People = "/nb/admin/people";
    private const string Channels = "/nb/admin/channels";
    private const string Entities = "/nb/admin/entities";
    private const string Settings = "/nb/admin/settings";
    private const string Audit = "/nb/admin/audit";

    /// <summary>Posts fields (a name may repeat, as checkboxes do) with the page's antiforgery token.</summary>
    private static Task<HttpResponseMessage> PostAsync(BackofficeSession session, IHtmlDocument page, string target, params (string Name, string Value)[] fields)
    {
        var token = page.QuerySelector($"input[name='{BackofficeSession.AntiforgeryField}']")!.GetAttribute("value")!;
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new(BackofficeSession.AntiforgeryField, token));
        return session.Client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    private static async Task<string> FormErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await BackofficeSession.ParseAsync(response)).QuerySelector("#form-errors")?.TextContent.Trim()
            ?? throw new Xunit.Sdk.XunitException("No form error on the page.");
    }

    private static string Value(IHtmlDocument page, string selector) => page.QuerySelector(selector)!.GetAttribute("value")!;

    [Fact]
    public async Task CreatingAPerson_ShowsThePasswordOnce_AndTheyCanEnrolWithIt()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin);
        var email = $"ny{Guid.NewGuid():N}@example.org";
        var page = await admin.Session.GetPageAsync(People);

        var created = await PostAsync(admin.Session, page, People + "?handler=Create",
            ("Input.Name", "Nina Ny"), ("Input.Email", email), ("Input.Role", Roles.Handler));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.CacheControl?.NoStore);
        var shown = await BackofficeSession.ParseAsync(created);
        var password = shown.QuerySelector("#initial-password")!.TextContent.Trim();
        Assert.Equal(email, shown.QuerySelector("#handover-email")!.TextContent.Trim());
        Assert.DoesNotContain(password, host.Logs.AllText, StringComparison.Ordinal);
        var again = await admin.Session.GetPageAsync(People);
        Assert.Null(again.QuerySelector("#initial-password"));
        var row = again.QuerySelectorAll("tr[data-person]").Single(r => r.QuerySelector(".person-email")!.TextContent == email);
        Assert.Contains("Ikke innrullert", row.QuerySelector(".person-status")!.TextContent, StringComparison.Ordinal);

        using var newcomer = host.Session();
        var enrolled = await newcomer.EnrolAsync(email, password, "the newcomer's own passphrase");
        Assert.Equal(email, enrolled.Email);
        var afterwards = (await admin.Session.GetPageAsync(People)).QuerySelectorAll("tr[data-person]")
            .Single(r => r.QuerySelector(".person-email")!.TextContent == email);
        Assert.StartsWith("Innrullert", afterwards.QuerySelector(".person-status")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingAPerson_WithBadInput_AnswersWithFormErrors()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin);
        var page = await admin.Session.GetPageAsync(People);

        Assert.Contains("e-postadresse", await FormErrorAsync(await PostAsync(admin.Session, page, People + "?handler=Create",
            ("Input.Name", "X"), ("Input.Email", ""), ("Input.Role", Roles.Handler))), StringComparison.Ordinal);
        Assert.Contains("not valid", await FormErrorAsync(await PostAsync(admin.Session, page, People + "?handler=Create",
            ("Input.Name", "X"), ("Input.Email", "not-an-address"), ("Input.Role", Roles.Handler))), StringComparison.Ordinal);
        Assert.Contains("Unknown role", await FormErrorAsync(await PostAsync(admin.Session, page, People + "?handler=Create",
            ("Input.Name", "X"), ("Input.Email", "x@example.org"), ("Input.Role", "root"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RolesChannelsDeactivationAndReset_ThroughThePeoplePage()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin);
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, null);
        var row = $"tr[data-person='{handler.UserId}']";
        var page = await admin.Session.GetPageAsync(People);
        var version = Value(page, row + " .roles-form input[name='Input.Version']");
        var channel = page.QuerySelector(row + " .add-channel-form option")!;
        Assert.NotNull(page.QuerySelector("#grant-notice"));

        var added = await PostAsync(admin.Session, page, People + "?handler=AddChannel", ("Input.Id", handler.UserId.ToString()),
            ("Input.ChannelId", channel.GetAttribute("value")!));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        page = await admin.Session.GetPageAsync(added.Headers.Location!.OriginalString);
        Assert.Contains(channel.TextContent, page.QuerySelector(row + " .person-channels ul")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#done"));

        var roles = await PostAsync(admin.Session, page, People + "?handler=Roles", ("Input.Id", handler.UserId.ToString()),
            ("Input.Version", version), ("Input.Roles", Roles.Handler), ("Input.Roles", Roles.Legal));
        Assert.Equal(HttpStatusCode.Redirect, roles.StatusCode);
        // The same form again carries the version it was rendered with, which is now stale.
        Assert.Contains("changed", await FormErrorAsync(await PostAsync(admin.Session, page, People + "?handler=Roles",
            ("Input.Id", handler.UserId.ToString()), ("Input.Version", version), ("Input.Roles", Roles.Admin))), StringComparison.Ordinal);
        page = await admin.Session.GetPageAsync(People);
        Assert.Equal("Juridisk avdeling, Saksbehandler", page.QuerySelector(row + " .person-roles")!.TextContent);
        // The role change ended the handler's session; the new roles apply from the next sign-in.
        Assert.Equal(HttpStatusCode.Redirect, (await handler.Session.Client.GetAsync("/nb/cases")).StatusCode);

        var deactivated = await admin.Session.SubmitAsync(page, People, new Dictionary<string, string>(), row + " .deactivate-form");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        page = await admin.Session.GetPageAsync(People);
        Assert.NotNull(page.QuerySelector(row + " .person-deactivated"));
        using (var again = host.Session())
        {
            var login = await again.SubmitPasswordAsync(handler.Account.Email, handler.Account.Password);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Null(page.QuerySelector(row + " .reset-form"));
        }

        var reactivated = await admin.Session.SubmitAsync(page, People, new Dictionary<string, string>(), row + " .reactivate-form");
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        page = await admin.Session.GetPageAsync(People);
        var reset = await admin.Session.SubmitAsync(page, People, new Dictionary<string, string>(), row + " .reset-form");
        var shown = await BackofficeSession.ParseAsync(reset);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var password = shown.QuerySelector("#initial-password")!.TextContent.Trim();
        using var fresh = host.Session();
        var enrol = await fresh.SubmitPasswordAsync(handler.Account.Email, password);
        Assert.EndsWith("/Account/Enrol", enrol.Headers.Location!.OriginalString, StringComparison.Ordinal);

        AuditAction[] steps = [AuditAction.ChannelMemberAdded, AuditAction.UserRolesChanged, AuditAction.UserDisabled, AuditAction.UserReactivated, AuditAction.UserReset];
        var audited = (await host.AuditByAsync(admin.UserId)).Where(e => steps.Contains(e.Action)).ToList();
        Assert.Equal(steps, audited.Select(e => e.Action));
        Assert.All(audited, e => Assert.Contains(handler.UserId.ToString(), e.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Membership_ForAPersonWhoIsNoHandler_IsAFormError()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin);
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal);
        var page = await admin.Session.GetPageAsync(People);
        Assert.Null(page.QuerySelector($"tr[data-person='{legal.UserId}'] .add-channel-form"));
        var channel = page.QuerySelector(".add-channel-form option")!.GetAttribute("value")!;

        var error = await FormErrorAsync(await PostAsync(admin.Session, page, People + "?handler=AddChannel",
            ("Input.Id", legal.UserId.ToString()), ("Input.ChannelId", channel)));

        Assert.Contains("Only case handlers", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channels_CreateWithCategoriesAndQuestions_AndRefuseBadSlugsAndStaleForms()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin);
        var page = await admin.Session.GetPageAsync(Channels);
        var entity = page.QuerySelector("#create-form select[name='Input.LegalEntity'] option")!.GetAttribute("value")!;
        var slug = "k" + Guid.NewGuid().ToString("N")[..8];

        Assert.Contains("URL name", await FormErrorAsync(await PostAsync(admin.Session, page, Channels + "?handler=Create",
            ("Input.Name", "Dårlig"), ("Input.Slug", "Not OK"), ("Input.Kind", "Internal"), ("Input.LegalEntity", entity))), StringComparison.Ordinal);
        var created = await PostAsync(admin.Session, page, Channels + "?handler=Create",
            ("Input.Name", "Ny kanal"), ("Input.Slug", slug), ("Input.Kind", "External"), ("Input.LegalEntity", entity), ("Input.IsOpen", "true"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        page = await admin.Session.GetPageAsync(Channels);
        var id = page.QuerySelectorAll("section.channel").Select(s => s.GetAttribute("data-channel")!).Single(i => Value(page, $"#slug-{i}") == slug);
        var version = Value(page, $"section[data-channel='{id}'] .channel-form input[name='Input.Version']");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin.Session, page, Channels + "?handler=AddCategory", ("Input.Id", id), ("Input.Text", "Korrupsjon"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin.Session, page, Channels + "?handler=AddQuestion", ("Input.Id", id),
            ("Input.Text", "Hvilken avdeling gjelder det?"), ("Input.Required", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin.Session, page, Channels + "?handler=Update", ("Input.Id", id), ("Input.Version", version),
            ("Input.Name", "Ny kanal 2"), ("Input.Slug", slug), ("Input.Kind", "Internal"), ("Input.LegalEntity", entity), ("Input.IsOpen", "true"))).StatusCode);
        Assert.Contains("changed", await FormErrorAsync(await PostAsync(admin.Session, page, Channels + "?handler=Update", ("Input.Id", id), ("Input.Version", version),
            ("Input.Name", "For sent"), ("Input.Slug", slug), ("Input.Kind", "Internal"), ("Input.LegalEntity", entity))), StringComparison.Ordinal);

        page = await admin.Session.GetPageAsync(Channels);
        var shown = page.QuerySelector($"section[data-channel='{id}']")!;
        Assert.StartsWith("Ny kanal 2", shown.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Korrupsjon", Value(page, $"section[data-channel='{id}'] .rename-category-form input[name='Input.Text']"));
        Assert.Equal("Hvilken avdeling gjelder det?", Value(page, $"section[data-channel='{id}'] .change-question-form input[name='Input.Text']"));
        Assert.NotNull(shown.QuerySelector(".change-question-form input[name='Input.Required'][checked]"));
    }

    [Fact]
    public async Task Entities_CreateAndRefuseUnknownJurisdictionsAndBadRetention()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin);
        var page = await admin.Session.GetPageAsync(Entities);
        var name = "Nordlys Danmark " + Guid.NewGuid().ToString("N")[..6];

        Assert.Contains("Unknown jurisdiction", await FormErrorAsync(await PostAsync(admin.Session, page, Entities + "?handler=Create",
            ("Input.Name", name), ("Input.Jurisdiction", "US"))), StringComparison.Ordinal);
        Assert.Contains("Retention", await FormErrorAsync(await PostAsync(admin.Session, page, Entities + "?handler=Create",
            ("Input.Name", name), ("Input.Jurisdiction", "DK"), ("Input.RetentionMonths", "500"))), StringComparison.Ordinal);
        await FormErrorAsync(await PostAsync(admin.Session, page, Entities + "?handler=Create",
            ("Input.Name", name), ("Input.Jurisdiction", "DK"), ("Input.RetentionMonths", "many")));
        var created = await PostAsync(admin.Session, page, Entities + "?handler=Create", ("Input.Name", name), ("Input.Jurisdiction", "DK"), ("Input.RetentionMonths", "36"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        page = await admin.Session.GetPageAsync(Entities);
        var section = page.QuerySelectorAll("section.entity").Single(s => s.QuerySelector("h2")!.TextContent.StartsWith(name, StringComparison.Ordinal));
        Assert.Equal("36", section.QuerySelector("input[name='Input.RetentionMonths']")!.GetAttribute("value"));
        Assert.Equal("DK", section.QuerySelector("select[name='Input.Jurisdiction'] option[selected]")!.TextContent);
    }

    [Fact]
    public async Task Settings_SaveReminderOffsets_AndRefuseBadOnes()
    {
        using var admin = await host.PersonAsync(CasesHost.Fjellberg, Roles.Admin);
        var page = await admin.Session.GetPageAsync(Settings);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Fjellberg Bygg AB",
            ["Input.RetentionMonths"] = "30",
            ["Input.ControllerName"] = "Fjellberg Bygg AB",
            ["Input.ControllerContact"] = "Box 101, 411 01 Göteborg",
            ["Input.ReminderOffsetDays"] = "-3, 0, 2",
            ["Input.PurgeNoticeDays"] = "21",
        };

        Assert.Contains("hele tall", await FormErrorAsync(await admin.Session.SubmitAsync(page, Settings,
            new Dictionary<string, string>(fields) { ["Input.ReminderOffsetDays"] = "soon" }, "#settings-form")), StringComparison.Ordinal);
        Assert.Contains("reminder days", await FormErrorAsync(await admin.Session.SubmitAsync(page, Settings,
            new Dictionary<string, string>(fields) { ["Input.ReminderOffsetDays"] = "-100" }, "#settings-form")), StringComparison.Ordinal);
        var saved = await admin.Session.SubmitAsync(page, Settings, fields, "#settings-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("changed", await FormErrorAsync(await admin.Session.SubmitAsync(page, Settings, fields, "#settings-form")), StringComparison.Ordinal);

        page = await admin.Session.GetPageAsync(Settings);
        Assert.Equal("-3, 0, 2", Value(page, "#settings-offsets"));
        Assert.Equal("21", Value(page, "#settings-purge"));
        Assert.Equal("30", Value(page, "#settings-retention"));
        await using var db = TestDb.Create(host.ConnectionString);
        var org = await db.Organisations.SingleAsync(o => o.Id == admin.OrganisationId);
        Assert.Equal([-3, 0, 2], org.ReminderOffsetDays!);
    }

    [Fact]
    public async Task AuditLog_ShowsTheChainAndEvents_AndRecordsEachView()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin);
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Audit page case",
            new Core.Messaging.ReporterIdentity(null, null), "x"u8.ToArray(), "x.txt");
        var reference = (await host.CaseAsync(filed.CaseId)).Reference;
        await handler.Session.GetPageAsync($"/nb/cases/{filed.CaseId}");

        var page = await admin.Session.GetPageAsync(Audit);

        Assert.Equal("true", page.QuerySelector("#chain")!.GetAttribute("data-intact"));
        var viewed = page.QuerySelectorAll("#events tr[data-action='CaseViewed']").Single(r => r.QuerySelector(".event-case")!.TextContent == reference);
        Assert.Equal("Kari Handler", viewed.QuerySelector(".event-actor")!.TextContent);
        var byCase = await admin.Session.GetPageAsync($"{Audit}?case={reference.ToLowerInvariant()}");
        Assert.All(byCase.QuerySelectorAll("#events tbody tr .event-case"), c => Assert.Equal(reference, c.TextContent));
        Assert.NotEmpty(byCase.QuerySelectorAll("#events tbody tr"));
        var views = await admin.Session.GetPageAsync($"{Audit}?action=AuditLogViewed&actor={admin.UserId}");
        Assert.Equal(2, views.QuerySelectorAll("#events tbody tr").Length);
        Assert.All(views.QuerySelectorAll("#events tbody tr .event-actor"), c => Assert.Equal("Kari Handler", c.TextContent));
        var bad = await admin.Session.Client.GetAsync($"{Audit}?from=2025-03-10&to=2025-03-01");
        Assert.Contains("after the last", await FormErrorAsync(bad), StringComparison.Ordinal);
        Assert.Equal(3, (await host.AuditByAsync(admin.UserId)).Count(e => e.Action == AuditAction.AuditLogViewed));
    }

    [Theory]
    [InlineData(Roles.Handler)]
    [InlineData(Roles.Legal)]
    public async Task EveryAdministrationPage_IsNotFound_ForOtherRoles(string role)
    {
        using var person = await host.PersonAsync(CasesHost.Nordlys, role);
        foreach (var path in new[] { People, Channels, Entities, Settings, Audit })
        {
            using var response = await person.Session.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var home = await person.Session.GetPageAsync("/nb/");
        Assert.Null(home.QuerySelector("#nav-people"));
    }
}
