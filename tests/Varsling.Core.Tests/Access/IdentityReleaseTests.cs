using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Access;
using Varsling.Core.Audit;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Tests.Access;

/// <summary>Custodian identity release: the identity key reaches an ordinary handler only when a custodian wraps it to them.</summary>
public sealed class IdentityReleaseTests(AccessHarness harness) : IClassFixture<AccessHarness>
{
    private async Task<(Guid Channel, Person Custodian, Person Handler)> CustodianChannelAsync()
    {
        var channel = await harness.NewChannelAsync();
        var admin = await harness.EnrolAsync(Varsling.Core.Accounts.Roles.Admin);
        var custodian = await harness.EnrolAsync(channelId: channel);
        var handler = await harness.EnrolAsync(channelId: channel);
        await harness.InScope(sp => sp.GetRequiredService<IdentityRelease>().ConfigureChannelAsync(admin.UserId, channel, true, [custodian.UserId]));
        return (channel, custodian, handler);
    }

    [Fact]
    public async Task FilePlain_OnACustodianChannel_WrapsTheIdentityKeyToCustodiansOnly()
    {
        var (channel, custodian, handler) = await CustodianChannelAsync();

        var caseId = await harness.FileAsync(channel, "Custodian held");

        Assert.Equal([CaseKeyKind.Shared, CaseKeyKind.Identity, CaseKeyKind.Internal, CaseKeyKind.Summary], await harness.KindsAsync(caseId, custodian.UserId));
        Assert.Equal([CaseKeyKind.Shared, CaseKeyKind.Internal, CaseKeyKind.Summary], await harness.KindsAsync(caseId, handler.UserId));
        using var key = await harness.KeyAsync(handler);
        var view = await harness.OpenAsync(caseId, handler.UserId, key);
        Assert.Equal("Custodian held", view.Answers!.What);
        Assert.Null(view.Identity);
    }

    [Fact]
    public async Task FileSealed_WithTheIdentityKeyWrappedToANonCustodian_IsRefused()
    {
        var (channel, _, _) = await CustodianChannelAsync();
        await using var db = harness.Context();
        var slug = await db.Channels.Where(c => c.Id == channel).Select(c => c.Slug).SingleAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => harness.InScope(async sp =>
        {
            var intake = sp.GetRequiredService<ReportIntake>();
            var target = await intake.GetChannelAsync(DemoData.NordlysSlug, slug);
            var caseId = Guid.NewGuid();
            var caseKey = CaseKeys.Generate();
            using var reporter = X25519KeyPair.Generate();
            // Every recipient gets all four keys, as a browser ignoring the custodian rule would wrap them.
            var keys = target.Recipients.SelectMany(r => ReportIntake.HandlerKinds.Select(k => new SealedKey(r.UserId, k, CaseKeys.Wrap(caseKey, r.PublicKey, caseId, k))))
                .Append(new SealedKey(null, CaseKeyKind.Shared, CaseKeys.Wrap(caseKey, reporter.PublicKey, caseId, CaseKeyKind.Shared))).ToList();
            var answersId = Guid.NewGuid();
            await intake.FileSealedAsync(target, new SealedReport(caseId, null, answersId, Records.Seal(caseKey, caseId, answersId, RecordKind.Answers, "{}"u8),
                null, null, keys, new byte[32], PrivateKeyWrap.WrapWithKey(reporter, new byte[32]), []));
        }));

        Assert.Contains("identity only to its custodians", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_RefusedThenApproved_TheHandlerSeesTheIdentityOnlyAfterApproval()
    {
        var (channel, custodian, handler) = await CustodianChannelAsync();
        var caseId = await harness.FileAsync(channel, "Who reported this?", "Kari Varsler");
        using var handlerKey = await harness.KeyAsync(handler);
        using var custodianKey = await harness.KeyAsync(custodian);
        var release = (IServiceProvider sp) => sp.GetRequiredService<IdentityRelease>();

        var state = await harness.InScope(sp => release(sp).StateAsync(caseId, handler.UserId));
        Assert.True(state.HeldByCustodians);
        Assert.False(state.HasIdentityKey);
        var first = await harness.InScope(sp => release(sp).RequestAsync(caseId, handler.UserId, handlerKey, "Need to interview them about the permits."));
        await Assert.ThrowsAsync<RuleViolationException>(() => harness.InScope(sp => release(sp).RequestAsync(caseId, handler.UserId, handlerKey, "Again")));
        var pending = await harness.InScope(sp => release(sp).PendingAsync(custodian.UserId, custodianKey));
        Assert.Equal("Need to interview them about the permits.", Assert.Single(pending, p => p.Id == first).Reason);
        await Assert.ThrowsAsync<NotFoundException>(() => harness.InScope(sp => release(sp).ApproveAsync(first, handler.UserId, handlerKey)));

        await harness.InScope(sp => release(sp).RefuseAsync(first, custodian.UserId));

        Assert.DoesNotContain(CaseKeyKind.Identity, await harness.KindsAsync(caseId, handler.UserId));
        Assert.Null((await harness.OpenAsync(caseId, handler.UserId, handlerKey)).Identity);
        Assert.Equal(ReleaseStatus.Refused, (await harness.InScope(sp => release(sp).StateAsync(caseId, handler.UserId))).Request);

        var second = await harness.InScope(sp => release(sp).RequestAsync(caseId, handler.UserId, handlerKey, "The police asked for a contact."));
        await harness.InScope(sp => release(sp).ApproveAsync(second, custodian.UserId, custodianKey));

        Assert.Contains(CaseKeyKind.Identity, await harness.KindsAsync(caseId, handler.UserId));
        Assert.Equal("Kari Varsler", (await harness.OpenAsync(caseId, handler.UserId, handlerKey)).Identity!.Name);
        var actions = (await harness.AuditAsync(caseId)).Select(e => e.Action).ToList();
        Assert.Equal(2, actions.Count(a => a == AuditAction.IdentityReleaseRequested));
        Assert.Single(actions, AuditAction.IdentityReleaseRefused);
        Assert.Single(actions, AuditAction.IdentityReleased);
        Assert.All(await harness.AuditAsync(caseId), e => Assert.DoesNotContain("police", e.Detail ?? "", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Grant_AMemberNamedCustodianAfterFiling_IsPendingAndGetsTheIdentityKeyFromACustodian()
    {
        var (channel, custodian, handler) = await CustodianChannelAsync();
        var caseId = await harness.FileAsync(channel, "Before the second custodian");
        var admin = await harness.EnrolAsync(Varsling.Core.Accounts.Roles.Admin);
        await harness.InScope(sp => sp.GetRequiredService<IdentityRelease>().ConfigureChannelAsync(admin.UserId, channel, true, [custodian.UserId, handler.UserId]));
        using var custodianKey = await harness.KeyAsync(custodian);
        using var handlerKey = await harness.KeyAsync(handler);

        var pending = await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().PendingAsync(custodian.UserId));
        Assert.Contains(pending, p => p.UserId == handler.UserId && p.Cases.Any(c => c.CaseId == caseId));
        await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().GrantAsync(custodian.UserId, custodianKey, handler.UserId));

        Assert.Contains(CaseKeyKind.Identity, await harness.KindsAsync(caseId, handler.UserId));
        Assert.Equal("Ola Nordmann", (await harness.OpenAsync(caseId, handler.UserId, handlerKey)).Identity!.Name);
    }

    [Fact]
    public async Task Grant_ToALateNonCustodianMember_WithholdsTheIdentityKey()
    {
        var (channel, custodian, _) = await CustodianChannelAsync();
        var caseId = await harness.FileAsync(channel, "Late member on a custodian channel");
        var late = await harness.EnrolAsync(channelId: channel);
        using var custodianKey = await harness.KeyAsync(custodian);

        await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().GrantAsync(custodian.UserId, custodianKey, late.UserId));

        Assert.Equal([CaseKeyKind.Shared, CaseKeyKind.Internal, CaseKeyKind.Summary], await harness.KindsAsync(caseId, late.UserId));
    }
}
