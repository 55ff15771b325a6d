using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Backoffice.Tests.Cases;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Retention;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Legal;

/// <summary>The legal team's hold page: a hold set by reference pauses the purge until it is released, and both steps are audited.</summary>
public sealed class PuttingCasesOnLegalHold(CasesHost host) : IClassFixture<CasesHost>
{
    private const string HoldsPath = "/nb/legal/holds";
    private const string Reason = "Claim 2025-114 before Oslo tingrett";

    [Fact]
    public async Task AHoldByReference_PausesThePurge_UntilReleased()
    {
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal);
        var closed = await FileAndCloseAsync("Safety reports falsified");

        var set = await legal.Session.SubmitAsync(HoldsPath, new Dictionary<string, string>
        {
            ["Input.Reference"] = closed.Reference.ToLowerInvariant(),
            ["Input.Reason"] = Reason,
        }, "#hold-form");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var page = await legal.Session.GetPageAsync(HoldsPath);
        var row = page.QuerySelector($"#on-hold tr[data-case='{closed.Id}']");
        Assert.NotNull(row);
        Assert.Equal(Reason, row.QuerySelector(".hold-reason")!.TextContent.Trim());
        var onHold = await host.CaseAsync(closed.Id);
        Assert.True(onHold.OnLegalHold);
        Assert.Equal(legal.UserId, onHold.LegalHoldSetBy);
        var audit = Assert.Single(await host.AuditAsync(closed.Id), e => e.Action == AuditAction.LegalHoldSet);
        Assert.Equal(legal.UserId, audit.ActorId);
        Assert.DoesNotContain("tingrett", audit.Detail ?? "", StringComparison.Ordinal);

        // Past the purge date the hold keeps the case; released, the next run purges it.
        host.Clock.SetUtcNow(new DateTimeOffset(onHold.PurgeDue!.Value.AddDays(2), TimeOnly.MinValue, TimeSpan.Zero));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var purge = scope.ServiceProvider.GetRequiredService<RetentionPurge>();
            Assert.DoesNotContain(await purge.FindDueAsync(), c => c.CaseId == closed.Id);
            Assert.False(await purge.PurgeAsync(closed.Id));
        }

        Assert.Equal(CaseStatus.Closed, (await host.CaseAsync(closed.Id)).Status);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(closed.OrganisationId);
            await scope.ServiceProvider.GetRequiredService<LegalHolds>().ReleaseAsync(closed.Reference, legal.UserId);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<RetentionPurge>().PurgeAsync(closed.Id));
        }

        var actions = (await host.AuditAsync(closed.Id)).Select(e => e.Action).ToList();
        Assert.Equal([AuditAction.LegalHoldSet, AuditAction.LegalHoldReleased, AuditAction.CasePurged], actions.Where(a => a is AuditAction.LegalHoldSet or AuditAction.LegalHoldReleased or AuditAction.CasePurged));
    }

    [Fact]
    public async Task ReleaseFromThePage_AndRefusals_AreClearFormErrors()
    {
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Roles.Legal);
        var closed = await FileAndCloseAsync("Unsafe scaffolding");

        var noReason = await legal.Session.SubmitAsync(HoldsPath, new Dictionary<string, string>
        {
            ["Input.Reference"] = closed.Reference,
            ["Input.Reason"] = " ",
        }, "#hold-form");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("needs a reason", (await BackofficeSession.ParseAsync(noReason)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);

        var unknown = await legal.Session.SubmitAsync(HoldsPath, new Dictionary<string, string>
        {
            ["Input.Reference"] = "V-NOSUCHCASE",
            ["Input.Reason"] = Reason,
        }, "#hold-form");
        Assert.Contains("No case with that reference", (await BackofficeSession.ParseAsync(unknown)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False((await host.CaseAsync(closed.Id)).OnLegalHold);

        await legal.Session.SubmitAsync(HoldsPath, new Dictionary<string, string> { ["Input.Reference"] = closed.Reference, ["Input.Reason"] = Reason }, "#hold-form");
        var page = await legal.Session.GetPageAsync(HoldsPath);
        var release = await CasesHost.PostAsync(legal.Session, page, HoldsPath + "?handler=Release",
            new Dictionary<string, string> { ["Input.Reference"] = closed.Reference });
        Assert.Equal(HttpStatusCode.Redirect, release.StatusCode);
        Assert.False((await host.CaseAsync(closed.Id)).OnLegalHold);

        var again = await CasesHost.PostAsync(legal.Session, page, HoldsPath + "?handler=Release",
            new Dictionary<string, string> { ["Input.Reference"] = closed.Reference });
        Assert.Contains("is not on legal hold", (await BackofficeSession.ParseAsync(again)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOrganisationsCase_CannotBeHeld()
    {
        using var legal = await host.PersonAsync(CasesHost.Fjellberg, Roles.Legal);
        var closed = await FileAndCloseAsync("Not theirs");

        var response = await legal.Session.SubmitAsync(HoldsPath, new Dictionary<string, string>
        {
            ["Input.Reference"] = closed.Reference,
            ["Input.Reason"] = Reason,
        }, "#hold-form");

        Assert.Contains("No case with that reference", (await BackofficeSession.ParseAsync(response)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.False((await host.CaseAsync(closed.Id)).OnLegalHold);
    }

    private async Task<Case> FileAndCloseAsync(string what)
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, "varsling");
        var filed = await host.FileReportAsync(CasesHost.Nordlys, "varsling", what, new ReporterIdentity(null, null), "x"u8.ToArray(), "x.txt");
        var close = await handler.Session.SubmitAsync($"/nb/cases/{filed.CaseId}", new Dictionary<string, string>
        {
            ["Input.Outcome"] = nameof(CaseOutcome.Substantiated),
            ["Input.Text"] = "Closed for the hold test.",
        }, "#close-form");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        return await host.CaseAsync(filed.CaseId);
    }
}
