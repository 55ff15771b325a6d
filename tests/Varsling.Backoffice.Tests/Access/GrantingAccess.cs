using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Backoffice.Tests.Cases;
using Varsling.Core.Access;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Access;

/// <summary>The access page, custodian identity release and the escrow page, over HTTP.</summary>
public sealed class GrantingAccess(CasesHost host) : IClassFixture<CasesHost>
{
    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    [Fact]
    public async Task AccessPage_AHandlerAddedLaterOpensTheCaseOnlyAfterAnotherHandlerGrantsIt()
    {
        using var first = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Filed before the newcomer",
            new ReporterIdentity("Ola", null), "x"u8.ToArray(), "x.txt");
        using var late = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "en");
        var casePath = late.Session.PathOf("cases/" + filed.CaseId);

        Assert.Equal(HttpStatusCode.NotFound, (await late.Session.Client.GetAsync(casePath)).StatusCode);
        var access = await first.Session.GetPageAsync("/nb/access");
        var person = access.QuerySelector($"article[data-person='{late.UserId}']");
        Assert.NotNull(person);
        Assert.NotNull(person.QuerySelector($"li[data-case='{filed.CaseId}']"));

        var grant = await first.Session.SubmitAsync(access, "/nb/access", Fields(), $"article[data-person='{late.UserId}'] form");

        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        var done = await first.Session.GetPageAsync(grant.Headers.Location!.OriginalString);
        Assert.NotNull(done.QuerySelector("#done"));
        Assert.Null(done.QuerySelector($"article[data-person='{late.UserId}']"));
        var page = await late.Session.GetPageAsync(casePath);
        Assert.Equal("Filed before the newcomer", page.QuerySelector("#answer-what")!.TextContent);
        Assert.Contains(await host.AuditAsync(filed.CaseId), e => e.Action == AuditAction.AccessGranted && e.ActorId == first.UserId);
    }

    [Fact]
    public async Task AccessPage_GrantingSomeoneWithNothingPending_ShowsAFormErrorNotAServerError()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, null, "en");
        var page = await handler.Session.GetPageAsync("/en/access");

        var response = await CasesHost.PostAsync(handler.Session, page, "/en/access?handler=Grant", Fields(("Input.UserId", Guid.NewGuid().ToString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await BackofficeSession.ParseAsync(response)).QuerySelector("#form-errors");
        Assert.Contains("no pending access", errors!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentityRelease_TheHandlerSeesTheIdentityOnlyAfterTheCustodianApproves()
    {
        const string channel = "varsling";
        using var custodian = await host.HandlerAsync(CasesHost.Nordlys, channel);
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, channel, "en");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var orgId = await host.OrganisationIdAsync(CasesHost.Nordlys);
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(orgId);
            var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
            var channelId = await db.Channels.Where(c => c.Slug == channel).Select(c => c.Id).SingleAsync();
            var members = await db.ChannelRecipients.Where(r => r.ChannelId == channelId).Select(r => r.UserId).ToListAsync();
            var admin = await db.Users.Select(u => u.Id).FirstAsync();
            // Every earlier member is a custodian too, so only this test's handler lacks the identity key.
            await scope.ServiceProvider.GetRequiredService<IdentityRelease>()
                .ConfigureChannelAsync(admin, channelId, true, members.Where(m => m != handler.UserId).ToList());
        }

        var filed = await host.FileReportAsync(CasesHost.Nordlys, channel, "Who saw it?", new ReporterIdentity("Kari Varsler", null), "y"u8.ToArray(), "y.txt");
        var casePath = handler.Session.PathOf("cases/" + filed.CaseId);

        var before = await handler.Session.GetPageAsync(casePath);
        Assert.Null(before.QuerySelector("#identity-name"));
        Assert.NotNull(before.QuerySelector("#identity-held"));
        var request = await handler.Session.SubmitAsync(casePath + "/identity", Fields(("Input.Reason", "To ask about the permits.")), "#request-form");
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        Assert.Null((await handler.Session.GetPageAsync(casePath)).QuerySelector("#identity-name"));

        var access = await custodian.Session.GetPageAsync("/nb/access");
        var pending = access.QuerySelectorAll("article.release-request").Single(a => a.QuerySelector("p.reason")!.TextContent == "To ask about the permits.");
        var approve = await custodian.Session.SubmitAsync(access, "/nb/access", Fields(),
            $"article[data-request='{pending.GetAttribute("data-request")}'] form[action*='Approve']");

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal("Kari Varsler", (await handler.Session.GetPageAsync(casePath)).QuerySelector("#identity-name")!.TextContent);
        var actions = (await host.AuditAsync(filed.CaseId)).Select(e => e.Action).ToList();
        Assert.Contains(AuditAction.IdentityReleaseRequested, actions);
        Assert.Contains(AuditAction.IdentityReleased, actions);
    }

    [Fact]
    public async Task CustodiansPage_AnAdminNamesACustodianAndTheRuleIsSaved()
    {
        using var member = await host.HandlerAsync(CasesHost.Nordlys, "varsling");
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin, language: "en");
        var page = await admin.Session.GetPageAsync("/en/admin/custodians");
        var section = page.QuerySelectorAll("section.channel-custodians").Single(x => x.QuerySelector($"input[value='{member.UserId}']") is not null);
        var channelId = section.GetAttribute("data-channel")!;
        var token = page.QuerySelector($"input[name='{BackofficeSession.AntiforgeryField}']")!.GetAttribute("value")!;

        var empty = await admin.Session.Client.PostAsync("/en/admin/custodians?handler=Save", new FormUrlEncodedContent(
            [new(BackofficeSession.AntiforgeryField, token), new("Input.ChannelId", channelId), new("Input.HeldByCustodians", "true")]));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("at least one custodian", (await BackofficeSession.ParseAsync(empty)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);

        var saved = await admin.Session.Client.PostAsync("/en/admin/custodians?handler=Save", new FormUrlEncodedContent(
            [new(BackofficeSession.AntiforgeryField, token), new("Input.ChannelId", channelId), new("Input.HeldByCustodians", "true"),
                new("Input.Custodians", member.UserId.ToString())]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.Session.GetPageAsync("/en/admin/custodians");
        var form = after.QuerySelector($"section[data-channel='{channelId}']")!;
        Assert.True(form.QuerySelector("input[name='Input.HeldByCustodians']")!.HasAttribute("checked"));
        Assert.True(form.QuerySelector($"input[value='{member.UserId}']")!.HasAttribute("checked"));
        var audit = await host.AuditByAsync(admin.UserId);
        Assert.Contains(audit, e => e.Action == AuditAction.SettingsChanged && e.Detail!.Contains("identity custodians on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EscrowPage_ShowsTheEscrowKeyOnceAndRecoversAKeyOnlyWithIt()
    {
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Roles.Admin, language: "en");
        var s = admin.Session;

        var on = await s.SubmitAsync("/en/admin/escrow", Fields(), "#turn-on");
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Contains("no-store", on.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var escrowKey = (await BackofficeSession.ParseAsync(on)).QuerySelector("#escrow-key-value")!.TextContent;
        Assert.True(RecoveryKey.TryParse(escrowKey, out _));
        Assert.Null((await s.GetPageAsync("/en/admin/escrow")).QuerySelector("#escrow-key-value"));

        using var handler = await host.HandlerAsync(CasesHost.Nordlys, null);
        var wrongKey = RecoveryKey.Format(RecoveryKey.Generate());
        var wrong = await s.SubmitAsync("/en/admin/escrow", Fields(("Input.UserId", handler.UserId.ToString()), ("Input.EscrowKey", wrongKey)), "#recover-form");
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The escrow recovery key is not right.", wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, wrongPage, StringComparison.Ordinal);

        var right = await s.SubmitAsync("/en/admin/escrow", Fields(("Input.UserId", handler.UserId.ToString()), ("Input.EscrowKey", escrowKey)), "#recover-form");
        var oneTime = (await BackofficeSession.ParseAsync(right)).QuerySelector("#recovery-key-value")!.TextContent;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().ResetWithRecoveryKeyAsync(handler.Account.Email, oneTime, "a recovered long passphrase");
        }

        var signIn = await host.Session().SubmitPasswordAsync(handler.Account.Email, "a recovered long passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("LoginCode", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(escrowKey, host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(oneTime, host.Logs.AllText, StringComparison.Ordinal);

        var off = await s.SubmitAsync("/en/admin/escrow", Fields(), "#turn-off");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.NotNull((await s.GetPageAsync("/en/admin/escrow")).QuerySelector("#turn-on"));
    }
}
