using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Access;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Crypto;

namespace Varsling.Core.Tests.Access;

/// <summary>Keys follow the person through password change and recovery; late members and legal users gain access only through a grant.</summary>
public sealed class GrantingTests(AccessHarness harness) : IClassFixture<AccessHarness>
{
    [Fact]
    public async Task ChangePassword_TheNewPasswordStillOpensEveryCase()
    {
        var channel = await harness.NewChannelAsync();
        var handler = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "Password change");

        await harness.InScope(sp => sp.GetRequiredService<AccountService>()
            .ChangePasswordAsync(handler.UserId, handler.Session, handler.Password, "another long private passphrase"));

        using var key = await harness.KeyByPasswordAsync(handler.UserId, "another long private passphrase");
        var view = await harness.OpenAsync(caseId, handler.UserId, key);
        Assert.Equal("Password change", view.Answers!.What);
        Assert.Equal("Ola Nordmann", view.Identity!.Name);
    }

    [Fact]
    public async Task ResetWithRecoveryKey_TheSameKeyPairStillOpensEveryCase()
    {
        var channel = await harness.NewChannelAsync();
        var handler = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "Forgot password");
        var before = (await harness.UserKeyAsync(handler.UserId)).PublicKey;

        await harness.InScope(sp => sp.GetRequiredService<AccountService>()
            .ResetWithRecoveryKeyAsync(handler.Email, handler.RecoveryKey, "a freshly chosen passphrase"));

        using var key = await harness.KeyByPasswordAsync(handler.UserId, "a freshly chosen passphrase");
        Assert.Equal(before, key.PublicKey);
        Assert.Equal("Forgot password", (await harness.OpenAsync(caseId, handler.UserId, key)).Answers!.What);
    }

    [Fact]
    public async Task Grant_AHandlerAddedAfterTheCaseWasFiled_CanOpenItOnlyAfterAGrant()
    {
        var channel = await harness.NewChannelAsync();
        var first = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "Filed before the newcomer");
        var late = await harness.EnrolAsync(channelId: channel);
        using var lateKey = await harness.KeyAsync(late);
        using var firstKey = await harness.KeyAsync(first);

        await Assert.ThrowsAsync<NotFoundException>(() => harness.OpenAsync(caseId, late.UserId, lateKey));
        var pending = await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().PendingAsync(first.UserId));
        var person = Assert.Single(pending, p => p.UserId == late.UserId);
        Assert.Equal([(caseId, PendingReason.ChannelMember)], person.Cases.Select(c => (c.CaseId, c.Reason)));

        var granted = await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().GrantAsync(first.UserId, firstKey, late.UserId));

        Assert.Equal(1, granted);
        var view = await harness.OpenAsync(caseId, late.UserId, lateKey);
        Assert.Equal("Filed before the newcomer", view.Answers!.What);
        Assert.Equal("Ola Nordmann", view.Identity!.Name);
        Assert.Equal([CaseKeyKind.Shared, CaseKeyKind.Identity, CaseKeyKind.Internal, CaseKeyKind.Summary], await harness.KindsAsync(caseId, late.UserId));
        var audit = Assert.Single(await harness.AuditAsync(caseId), e => e.Action == AuditAction.AccessGranted);
        Assert.Equal(first.UserId, audit.ActorId);
        Assert.DoesNotContain(await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().PendingAsync(first.UserId)), p => p.UserId == late.UserId);
    }

    [Fact]
    public async Task Pending_NeverOffersACaseBackToSomeoneWhoRecusedFromIt()
    {
        var channel = await harness.NewChannelAsync();
        var first = await harness.EnrolAsync(channelId: channel);
        var second = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "A conflict of interest");
        using var secondKey = await harness.KeyAsync(second);

        await harness.InScope(async sp =>
        {
            await sp.GetRequiredService<CaseAccess>().RecuseAsync(caseId, second.UserId, secondKey, "My brother is named in the report.");
            return true;
        });

        Assert.Empty(await harness.KindsAsync(caseId, second.UserId));
        var pending = await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().PendingAsync(first.UserId));
        Assert.DoesNotContain(pending, p => p.UserId == second.UserId);
    }

    [Fact]
    public async Task Grant_WithAKeyThatIsNotTheGrantersOwn_GrantsNothing()
    {
        var channel = await harness.NewChannelAsync();
        var first = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "The server alone cannot grant");
        var late = await harness.EnrolAsync(channelId: channel);
        using var forged = X25519KeyPair.Generate();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            harness.InScope(sp => sp.GetRequiredService<AccessGrants>().GrantAsync(first.UserId, forged, late.UserId)));

        Assert.Contains("does not open", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await harness.KindsAsync(caseId, late.UserId));
    }

    [Fact]
    public async Task Grant_ByAHandlerWhoCannotOpenTheCase_IsRefused()
    {
        var channel = await harness.NewChannelAsync();
        await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "Not the outsider's to give");
        var outsider = await harness.EnrolAsync();
        var late = await harness.EnrolAsync(channelId: channel);
        using var outsiderKey = await harness.KeyAsync(outsider);

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            harness.InScope(sp => sp.GetRequiredService<AccessGrants>().GrantAsync(outsider.UserId, outsiderKey, late.UserId)));
        Assert.Empty(await harness.KindsAsync(caseId, late.UserId));
    }

    [Fact]
    public async Task Grant_ALegalUserEnrolledAfterClosure_GetsOnlyTheSummaryKey()
    {
        var channel = await harness.NewChannelAsync();
        var handler = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "Closed before legal joined");
        using var handlerKey = await harness.KeyAsync(handler);
        await harness.InScope(sp => sp.GetRequiredService<CaseWork>().AcknowledgeAsync(caseId, handler.UserId));
        await harness.InScope(sp => sp.GetRequiredService<CaseWork>().CloseAsync(caseId, handler.UserId, handlerKey, CaseOutcome.Substantiated, "Dealt with."));
        var legal = await harness.EnrolAsync(Roles.Legal);

        var pending = await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().PendingAsync(handler.UserId));
        var person = Assert.Single(pending, p => p.UserId == legal.UserId);
        Assert.Contains(person.Cases, c => c.CaseId == caseId && c.Reason == PendingReason.LegalSummary);
        await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().GrantAsync(handler.UserId, handlerKey, legal.UserId));

        Assert.Equal([CaseKeyKind.Summary], await harness.KindsAsync(caseId, legal.UserId));
    }

    [Fact]
    public async Task ResetAccount_DeletesTheOldGrantsSoTheReEnrolledPersonIsPendingAgain()
    {
        var channel = await harness.NewChannelAsync();
        var first = await harness.EnrolAsync(channelId: channel);
        var second = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "Before the reset");

        var reset = await harness.InScope(sp => sp.GetRequiredService<AccountService>().ResetAccountAsync(second.Email));
        Assert.Empty(await harness.KindsAsync(caseId, second.UserId));
        Assert.Contains(await harness.AuditAsync(), e => e.Action == AuditAction.AccessRevoked && e.Detail!.Contains(second.UserId.ToString(), StringComparison.Ordinal));
        var again = await harness.CompleteEnrolmentAsync(second.UserId, second.Email, reset.InitialPassword);
        using var firstKey = await harness.KeyAsync(first);
        using var newKey = await harness.KeyAsync(again);

        await harness.InScope(sp => sp.GetRequiredService<AccessGrants>().GrantAsync(first.UserId, firstKey, second.UserId));

        Assert.Equal("Before the reset", (await harness.OpenAsync(caseId, second.UserId, newKey)).Answers!.What);
    }
}
