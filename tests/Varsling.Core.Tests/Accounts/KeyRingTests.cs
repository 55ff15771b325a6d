using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Crypto;

namespace Varsling.Core.Tests.Accounts;

/// <summary>The split-key session: the cookie's key and the row together open the private key; either alone does not.</summary>
public sealed class KeyRingTests(AccountsHarness harness) : IClassFixture<AccountsHarness>
{
    private async Task<(EnrolledUser User, byte[] PublicKey)> EnrolAsync()
    {
        var user = await harness.CreateEnrolledUserAsync($"k{Guid.NewGuid():N}@example.org", "a long enough passphrase");
        await using var db = harness.Database.Context(harness.OrganisationId);
        var key = await db.UserKeys.SingleAsync(k => k.UserId == user.UserId);
        return (user, key.PublicKey);
    }

    [Fact]
    public async Task UnlockAsync_WithTheSessionKeyFromTheCookie_YieldsThePersonsKeyPair()
    {
        var (user, publicKey) = await EnrolAsync();
        await using var scope = harness.Scope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(harness.OrganisationId);

        using var pair = await scope.ServiceProvider.GetRequiredService<KeyRing>().UnlockAsync(user.UserId, user.Session.Id, user.Session.Key);

        Assert.Equal(publicKey, pair.PublicKey);
    }

    [Fact]
    public async Task SessionRow_Alone_DoesNotOpenWithoutTheSessionKey()
    {
        var (user, _) = await EnrolAsync();
        await using var db = harness.Database.Context(harness.OrganisationId);
        var row = await db.KeySessions.SingleAsync(s => s.Id == user.Session.Id);

        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithKey(row.Blob, new byte[32]));
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(row.Blob, user.Password));
        Assert.DoesNotContain(user.Session.Key, await db.KeySessions.Select(s => s.Blob).ToListAsync());
        using var opened = PrivateKeyWrap.UnwrapWithKey(row.Blob, user.Session.Key);
        Assert.Equal(X25519KeyPair.PublicKeyLength, opened.PublicKey.Length);
    }

    [Fact]
    public async Task UnlockAsync_WithAnotherKey_IsRefused()
    {
        var (user, _) = await EnrolAsync();
        await using var scope = harness.Scope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(harness.OrganisationId);
        var ring = scope.ServiceProvider.GetRequiredService<KeyRing>();

        await Assert.ThrowsAsync<KeySessionUnavailableException>(() => ring.UnlockAsync(user.UserId, user.Session.Id, new byte[32]));
        await Assert.ThrowsAsync<KeySessionUnavailableException>(() => ring.UnlockAsync(Guid.NewGuid(), user.Session.Id, user.Session.Key));
    }

    [Fact]
    public async Task UnlockAsync_OutsideTheOrganisationScope_FindsNoSession()
    {
        var (user, _) = await EnrolAsync();
        await using var scope = harness.Scope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(Guid.NewGuid());

        await Assert.ThrowsAsync<KeySessionUnavailableException>(() =>
            scope.ServiceProvider.GetRequiredService<KeyRing>().UnlockAsync(user.UserId, user.Session.Id, user.Session.Key));
    }

    [Fact]
    public async Task UnlockAsync_AfterTheIdleTimeout_IsRefusedAndDeletesTheRow()
    {
        var (user, _) = await EnrolAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(31));
        await using var scope = harness.Scope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(harness.OrganisationId);

        await Assert.ThrowsAsync<KeySessionUnavailableException>(() =>
            scope.ServiceProvider.GetRequiredService<KeyRing>().UnlockAsync(user.UserId, user.Session.Id, user.Session.Key));

        await using var db = harness.Database.Context(harness.OrganisationId);
        Assert.False(await db.KeySessions.AnyAsync(s => s.Id == user.Session.Id));
    }

    [Fact]
    public async Task UnlockAsync_WhenUsed_SlidesTheExpiryButNeverPastTheAbsoluteLifetime()
    {
        var (user, _) = await EnrolAsync();
        await using var scope = harness.Scope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(harness.OrganisationId);
        var ring = scope.ServiceProvider.GetRequiredService<KeyRing>();

        // Each use comes within the 30-minute idle timeout; 29 uses reach 9 h 40 min after sign-in.
        for (var i = 0; i < 29; i++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(20));
            (await ring.UnlockAsync(user.UserId, user.Session.Id, user.Session.Key)).Dispose();
        }

        // Still within the idle timeout, but past the 10-hour cap.
        harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await Assert.ThrowsAsync<KeySessionUnavailableException>(() => ring.UnlockAsync(user.UserId, user.Session.Id, user.Session.Key));
    }

    [Fact]
    public async Task EndAsync_DeletesTheRow_SoTheCookieKeyOpensNothing()
    {
        var (user, _) = await EnrolAsync();
        await using var scope = harness.Scope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(harness.OrganisationId);
        var ring = scope.ServiceProvider.GetRequiredService<KeyRing>();

        await ring.EndAsync(user.UserId, user.Session.Id);

        Assert.False(await ring.IsActiveAsync(user.UserId, user.Session.Id));
        await Assert.ThrowsAsync<KeySessionUnavailableException>(() => ring.UnlockAsync(user.UserId, user.Session.Id, user.Session.Key));
    }

    [Fact]
    public async Task DeleteExpiredAsync_WithoutAScope_DeletesExpiredSessionsOfEveryOrganisationOnly()
    {
        var (expired, _) = await EnrolAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(20));
        var (live, _) = await EnrolAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(15));
        await using var scope = harness.Scope();

        var deleted = await scope.ServiceProvider.GetRequiredService<KeyRing>().DeleteExpiredAsync();

        await using var db = harness.Database.Context(harness.OrganisationId);
        Assert.True(deleted >= 1);
        Assert.False(await db.KeySessions.AnyAsync(s => s.Id == expired.Session.Id));
        Assert.True(await db.KeySessions.AnyAsync(s => s.Id == live.Session.Id));
    }
}
