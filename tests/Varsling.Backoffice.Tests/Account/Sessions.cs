using System.Net;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Account;

/// <summary>The signed-in session: logout and expiry end it on the server, not only in the browser.</summary>
public sealed class Sessions(AccountsHost host) : IClassFixture<AccountsHost>
{
    private static string Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";

    [Fact]
    public async Task Logout_DeletesTheKeySessionRow_AndACopiedCookieNoLongerWorks()
    {
        var jar = new CookieContainer();
        using var session = host.Session(jar);
        var account = await host.EnrolledAsync(session);
        var copied = jar.GetCookies(host.BaseAddress)["vb.auth"]!.Value;
        Assert.Equal(1, await host.KeySessionCountAsync(account.Email));

        var logout = await session.LogoutAsync();

        Assert.Equal("/nb/Account/Login", Location(logout));
        Assert.Equal(0, await host.KeySessionCountAsync(account.Email));
        var replayJar = new CookieContainer();
        replayJar.Add(host.BaseAddress, new Cookie("vb.auth", copied));
        using var replay = host.Session(replayJar);
        Assert.StartsWith("/nb/Account/Login", Location(await replay.Client.GetAsync("/nb/Account/ChangePassword")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_IdleForLongerThanTheTimeout_RequiresLoginAgain()
    {
        using var session = host.Session();
        await host.EnrolledAsync(session);

        host.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.StartsWith("/nb/Account/Login", Location(await session.Client.GetAsync("/nb/Account/ChangePassword")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_InSteadyUse_EndsAtTheAbsoluteCapAndDeletesTheRow()
    {
        using var session = host.Session();
        var account = await host.EnrolledAsync(session);

        // 29 requests 20 minutes apart reach 9 h 40 min after sign-in (the enrolment helper already moved 30 s).
        for (var i = 0; i < 29; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/nb/Account/ChangePassword")).StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(20));
        var after = await session.Client.GetAsync("/nb/Account/ChangePassword");

        Assert.StartsWith("/nb/Account/Login", Location(after), StringComparison.Ordinal);
        Assert.Equal(0, await host.KeySessionCountAsync(account.Email));
    }
}

/// <summary>Passwords, TOTP keys, recovery secrets and session keys never reach the logs, even at Trace level.</summary>
public sealed class AccountSecretsStayOutOfLogs(AccountsHost host) : IClassFixture<AccountsHost>
{
    [Fact]
    public async Task EnrolLoginChangeAndLogout_LogNoSecret()
    {
        var (email, initial, _) = await host.CreateUserAsync();
        var jar = new CookieContainer();
        using var session = host.Session(jar);
        var account = await session.EnrolAsync(email, initial, "a long and private passphrase");
        await session.LogoutAsync();
        await session.LoginAsync(account);
        var cookie = jar.GetCookies(host.BaseAddress)["vb.auth"]!.Value;
        await session.SubmitAsync("/nb/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = "another long private phrase",
            ["Input.ConfirmPassword"] = "another long private phrase",
        });
        await session.LogoutAsync();

        var logs = host.Logs.AllText;
        Assert.Contains("signed in", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { initial, account.Password, "another long private phrase", account.TotpSecret, account.RecoveryKey, cookie }
            .Concat(account.RecoveryCodes))
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }
}
