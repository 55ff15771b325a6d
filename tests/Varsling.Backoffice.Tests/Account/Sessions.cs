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
