using System.Net;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Account;

/// <summary>Changing and resetting the password through the pages; the key pair survives both.</summary>
public sealed class Passwords(AccountsHost host) : IClassFixture<AccountsHost>
{
    private static string Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";

    [Fact]
    public async Task ChangePassword_ThenOnlyTheNewPasswordSignsIn()
    {
        using var session = host.Session();
        var account = await host.EnrolledAsync(session);

        var changed = await session.SubmitAsync("/nb/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = "another long private phrase",
            ["Input.ConfirmPassword"] = "another long private phrase",
        });

        Assert.Equal("/nb/Account/ChangePassword?done=True", Location(changed));
        using var old = host.Session();
        Assert.Equal(HttpStatusCode.OK, (await old.SubmitPasswordAsync(account.Email, account.Password)).StatusCode);
        using var fresh = host.Session();
        await fresh.LoginAsync(account with { Password = "another long private phrase" });
    }

    [Fact]
    public async Task ChangePassword_WithAWeakPassword_ShowsTheReason()
    {
        using var session = host.Session();
        var account = await host.EnrolledAsync(session);

        var refused = await session.SubmitAsync("/en/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = account.Password,
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least 12", (await BackofficeSession.ParseAsync(refused)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_WithTheRecoveryKey_SetsANewPasswordThatSignsIn()
    {
        using var first = host.Session();
        var account = await host.EnrolledAsync(first);
        using var session = host.Session();

        var reset = await session.SubmitAsync("/nb/Account/ForgotPassword", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.RecoveryKey"] = account.RecoveryKey.ToLowerInvariant(),
            ["Input.NewPassword"] = "recovered and long enough",
            ["Input.ConfirmPassword"] = "recovered and long enough",
        });

        Assert.Equal("/nb/Account/Login?reset=True", Location(reset));
        Assert.Equal(0, await host.KeySessionCountAsync(account.Email));
        await session.LoginAsync(account with { Password = "recovered and long enough" });
    }

    [Fact]
    public async Task ForgotPassword_WithAWrongKey_IsRefused_AndThePageExplainsTheWayWithoutKey()
    {
        using var first = host.Session();
        var account = await host.EnrolledAsync(first);
        using var session = host.Session(language: "en");

        var refused = await session.SubmitAsync("/en/Account/ForgotPassword", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.RecoveryKey"] = "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000",
            ["Input.NewPassword"] = "recovered and long enough",
            ["Input.ConfirmPassword"] = "recovered and long enough",
        });
        var html = await BackofficeSession.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(html.QuerySelector("#form-errors"));
        Assert.Contains("granted to you again", html.QuerySelector("#no-key")!.TextContent, StringComparison.Ordinal);
        await session.LoginAsync(account);
    }
}
