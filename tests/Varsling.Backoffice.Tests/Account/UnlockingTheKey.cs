using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Account;

/// <summary>What a page gets from <see cref="BackofficeAuth.UnlockKeyAsync"/>: the person's own key pair, and only with the cookie's session key.</summary>
public sealed class UnlockingTheKey(AccountsHost host) : IClassFixture<AccountsHost>
{
    private async Task<SignedInUser> EnrolAsync(IServiceProvider services)
    {
        var (email, initial, userId) = await host.CreateUserAsync();
        var accounts = services.GetRequiredService<AccountService>();
        var attempt = await accounts.CheckPasswordAsync(email, initial);
        var start = await accounts.BeginEnrolmentAsync(userId);
        var result = await accounts.CompleteEnrolmentAsync(userId, attempt.Session, "a long and private passphrase",
            BackofficeSession.TotpCode(start.AuthenticatorKey, host.Clock.GetUtcNow()));
        return result.User;
    }

    [Fact]
    public async Task UnlockKeyAsync_WithTheCookiesClaims_YieldsThePersonsKeyPair()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = await EnrolAsync(scope.ServiceProvider);
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = BackofficeAuth.SignedIn(user, host.Clock.GetUtcNow()) };

        using var pair = await context.UnlockKeyAsync();

        var stored = await scope.ServiceProvider.GetRequiredService<VarslingDbContext>().UserKeys.SingleAsync(k => k.UserId == user.UserId);
        Assert.Equal(stored.PublicKey, pair.PublicKey);
    }

    [Fact]
    public async Task UnlockKeyAsync_WithAnotherSessionKey_IsRefused()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var user = await EnrolAsync(scope.ServiceProvider);
        var forged = user with { Session = user.Session with { Key = new byte[32] } };
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = BackofficeAuth.SignedIn(forged, host.Clock.GetUtcNow()) };

        await Assert.ThrowsAsync<KeySessionUnavailableException>(() => context.UnlockKeyAsync());
    }

    [Fact]
    public async Task UnlockKeyAsync_WithoutASession_IsRefused()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = new ClaimsPrincipal(new ClaimsIdentity()) };

        await Assert.ThrowsAsync<KeySessionUnavailableException>(() => context.UnlockKeyAsync());
    }
}
