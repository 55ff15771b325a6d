using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Access;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Crypto;

namespace Varsling.Core.Tests.Access;

/// <summary>Escrow: keys join it whenever they are unlocked, and the escrow recovery key alone lets an admin recover a key or re-grant.</summary>
public sealed class EscrowTests(AccessHarness harness) : IClassFixture<AccessHarness>
{
    /// <summary>Escrow turned on anew by a fresh admin (the tests share one organisation); returns the admin and the escrow recovery key.</summary>
    private async Task<(Person Admin, string EscrowKey)> FreshEscrowAsync()
    {
        var admin = await harness.EnrolAsync(Roles.Admin);
        using var key = await harness.KeyAsync(admin);
        var escrowKey = await harness.InScope(async sp =>
        {
            var escrow = sp.GetRequiredService<Escrow>();
            if ((await escrow.StatusAsync()).On)
            {
                await escrow.TurnOffAsync(admin.UserId);
            }

            return await escrow.TurnOnAsync(admin.UserId, key);
        });
        return (admin, escrowKey);
    }

    [Fact]
    public async Task TurnOn_ShowsAnEscrowRecoveryKeyAndSealsEveryKeyAtEnrolmentAndSignIn()
    {
        var before = await harness.EnrolAsync();
        var (admin, escrowKey) = await FreshEscrowAsync();
        var after = await harness.EnrolAsync();

        Assert.True(RecoveryKey.TryParse(escrowKey, out _));
        Assert.NotNull((await harness.UserKeyAsync(admin.UserId)).EscrowWrap);
        Assert.NotNull((await harness.UserKeyAsync(after.UserId)).EscrowWrap);
        Assert.Null((await harness.UserKeyAsync(before.UserId)).EscrowWrap);

        await harness.InScope(sp => sp.GetRequiredService<AccountService>().CheckPasswordAsync(before.Email, before.Password));

        var wrap = (await harness.UserKeyAsync(before.UserId)).EscrowWrap!;
        Assert.Equal((await harness.UserKeyAsync(before.UserId)).PublicKey, EscrowWrap.ReadPublicKey(wrap));
        Assert.Contains(await harness.AuditAsync(), e => e.Action == AuditAction.EscrowEnabled && e.ActorId == admin.UserId);
    }

    [Fact]
    public async Task RecoverKey_GivesAOneTimeRecoveryKeyThatResetsThePasswordAndKeepsTheCases()
    {
        var (admin, escrowKey) = await FreshEscrowAsync();
        var channel = await harness.NewChannelAsync();
        var handler = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "Lost everything");
        var publicKey = (await harness.UserKeyAsync(handler.UserId)).PublicKey;

        var oneTime = await harness.InScope(sp => sp.GetRequiredService<Escrow>().RecoverKeyAsync(admin.UserId, escrowKey, handler.UserId));
        await harness.InScope(sp => sp.GetRequiredService<AccountService>().ResetWithRecoveryKeyAsync(handler.Email, oneTime, "a recovered long passphrase"));

        Assert.NotEqual(handler.RecoveryKey, oneTime);
        using var key = await harness.KeyByPasswordAsync(handler.UserId, "a recovered long passphrase");
        Assert.Equal(publicKey, key.PublicKey);
        Assert.Equal("Lost everything", (await harness.OpenAsync(caseId, handler.UserId, key)).Answers!.What);
        var recovered = Assert.Single(await harness.AuditAsync(), e => e.Action == AuditAction.KeyRecovered && e.ActorId == admin.UserId
            && e.Detail!.Contains(handler.UserId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(oneTime, recovered.Detail, StringComparison.Ordinal);
        // The old recovery key no longer opens anything.
        await Assert.ThrowsAsync<RuleViolationException>(() => harness.InScope(sp =>
            sp.GetRequiredService<AccountService>().ResetWithRecoveryKeyAsync(handler.Email, handler.RecoveryKey, "yet another passphrase here")));
    }

    [Fact]
    public async Task RecoverKeyAndRegrant_WithAWrongEscrowKey_AreRefusedClearlyAndChangeNothing()
    {
        var (admin, _) = await FreshEscrowAsync();
        var handler = await harness.EnrolAsync();
        var wrong = RecoveryKey.Format(RecoveryKey.Generate());
        var before = (await harness.UserKeyAsync(handler.UserId)).RecoveryWrap;

        var recover = await Assert.ThrowsAsync<RuleViolationException>(() =>
            harness.InScope(sp => sp.GetRequiredService<Escrow>().RecoverKeyAsync(admin.UserId, wrong, handler.UserId)));
        var malformed = await Assert.ThrowsAsync<RuleViolationException>(() =>
            harness.InScope(sp => sp.GetRequiredService<Escrow>().RecoverKeyAsync(admin.UserId, "not a key", handler.UserId)));

        Assert.Equal("The escrow recovery key is not right.", recover.Message);
        Assert.Equal(recover.Message, malformed.Message);
        Assert.Equal(before, (await harness.UserKeyAsync(handler.UserId)).RecoveryWrap);
        Assert.DoesNotContain(await harness.AuditAsync(), e => e.Action == AuditAction.KeyRecovered && e.Detail!.Contains(handler.UserId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Regrant_AfterAnOperatorReset_GrantsThePendingCasesThroughAHoldersEscrowedKey()
    {
        var (admin, escrowKey) = await FreshEscrowAsync();
        var channel = await harness.NewChannelAsync();
        await harness.EnrolAsync(channelId: channel);
        var leaver = await harness.EnrolAsync(channelId: channel);
        var caseId = await harness.FileAsync(channel, "Re-granted through escrow");
        var reset = await harness.InScope(sp => sp.GetRequiredService<AccountService>().ResetAccountAsync(leaver.Email));
        var again = await harness.CompleteEnrolmentAsync(leaver.UserId, leaver.Email, reset.InitialPassword);
        using var newKey = await harness.KeyAsync(again);
        await Assert.ThrowsAsync<NotFoundException>(() => harness.OpenAsync(caseId, leaver.UserId, newKey));

        var wrong = await Assert.ThrowsAsync<RuleViolationException>(() => harness.InScope(sp =>
            sp.GetRequiredService<Escrow>().RegrantAsync(admin.UserId, RecoveryKey.Format(RecoveryKey.Generate()), leaver.UserId)));
        Assert.Equal("The escrow recovery key is not right.", wrong.Message);
        Assert.Empty(await harness.KindsAsync(caseId, leaver.UserId));

        var pending = await harness.InScope(sp => sp.GetRequiredService<Escrow>().PendingAsync());
        Assert.Contains(pending, p => p.UserId == leaver.UserId && p.Cases.Any(c => c.CaseId == caseId));
        var granted = await harness.InScope(sp => sp.GetRequiredService<Escrow>().RegrantAsync(admin.UserId, escrowKey, leaver.UserId));

        Assert.True(granted >= 1);
        Assert.Equal("Re-granted through escrow", (await harness.OpenAsync(caseId, leaver.UserId, newKey)).Answers!.What);
        var audit = Assert.Single(await harness.AuditAsync(caseId), e => e.Action == AuditAction.AccessGranted);
        Assert.Equal(admin.UserId, audit.ActorId);
        Assert.EndsWith("via escrow", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnOff_DeletesTheEscrowKeyAndEveryEscrowWrap()
    {
        var (admin, escrowKey) = await FreshEscrowAsync();
        var handler = await harness.EnrolAsync();

        await harness.InScope(sp => sp.GetRequiredService<Escrow>().TurnOffAsync(admin.UserId));

        Assert.Null((await harness.UserKeyAsync(handler.UserId)).EscrowWrap);
        Assert.Null((await harness.UserKeyAsync(admin.UserId)).EscrowWrap);
        var status = await harness.InScope(sp => sp.GetRequiredService<Escrow>().StatusAsync());
        Assert.False(status.On);
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            harness.InScope(sp => sp.GetRequiredService<Escrow>().RecoverKeyAsync(admin.UserId, escrowKey, handler.UserId)));
        Assert.Equal("This person's key is not in escrow: they have not signed in since escrow was turned on.", refused.Message);
    }
}
