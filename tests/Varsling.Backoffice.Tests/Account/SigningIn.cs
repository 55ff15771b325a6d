using System.Net;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Audit;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Account;

/// <summary>Sign-in over HTTP: password, then TOTP or a recovery code; enrolment forced at first login; lockout.</summary>
public sealed class SigningIn(AccountsHost host) : IClassFixture<AccountsHost>
{
    private static string Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";

    [Fact]
    public async Task ProtectedPage_Anonymous_RedirectsToLoginWithReturnUrl()
    {
        using var session = host.Session();

        var response = await session.Client.GetAsync("/en/Account/ChangePassword");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/Account/Login?ReturnUrl=%2Fen%2FAccount%2FChangePassword", Location(response));
    }

    [Fact]
    public async Task FirstLogin_GoesToEnrolment_AndNothingElseIsOpenUntilItIsDone()
    {
        var (email, initial, _) = await host.CreateUserAsync();
        using var session = host.Session();

        var login = await session.SubmitPasswordAsync(email, initial);
        var protectedPage = await session.Client.GetAsync("/nb/Account/ChangePassword");
        var codePage = await session.Client.GetAsync("/nb/Account/LoginCode");
        var enrol = await session.GetPageAsync("/nb/Account/Enrol");

        Assert.Equal("/nb/Account/Enrol", Location(login));
        Assert.StartsWith("/nb/Account/Login", Location(protectedPage), StringComparison.Ordinal);
        Assert.StartsWith("/nb/Account/Login", Location(codePage), StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", enrol.QuerySelector("#totp-qr")?.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{4}( [A-Z2-7]{4})+$", enrol.QuerySelector("#totp-key")?.TextContent ?? "");
    }

    [Fact]
    public async Task Enrolment_ShowsRecoveryKeyAndCodesOnce_AndSignsIn()
    {
        using var session = host.Session();

        var account = await host.EnrolledAsync(session);
        var home = await session.GetPageAsync("/nb/");
        var again = await session.Client.GetAsync("/nb/Account/Enrol");

        Assert.Matches("^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$", account.RecoveryKey);
        Assert.Equal(10, account.RecoveryCodes.Count);
        Assert.NotNull(home.QuerySelector("form[action$='/Account/Logout']"));
        Assert.StartsWith("/nb/Account/Login", Location(again), StringComparison.Ordinal);
        Assert.Equal(1, await host.KeySessionCountAsync(account.Email));
    }

    [Fact]
    public async Task Enrolment_WithAWrongCode_IsRefusedAndCanBeRetried()
    {
        var (email, initial, _) = await host.CreateUserAsync();
        using var session = host.Session();
        await session.SubmitPasswordAsync(email, initial);
        var page = await session.GetPageAsync("/nb/Account/Enrol");
        var secret = page.QuerySelector("#totp-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var wrong = BackofficeSession.TotpCode(secret, host.Clock.GetUtcNow().AddMinutes(-5));

        var refused = await session.SubmitAsync(page, "/nb/Account/Enrol", new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "a long and private passphrase",
            ["Input.ConfirmPassword"] = "a long and private passphrase",
            ["Input.Code"] = wrong,
        });
        var html = await BackofficeSession.ParseAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(html.QuerySelector("#form-errors"));
        Assert.Null(html.QuerySelector("#recovery-key"));
        Assert.Equal(secret, html.QuerySelector("#totp-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_WithTotp_SignsInAndSetsAHardenedCookie()
    {
        using var first = host.Session();
        var account = await host.EnrolledAsync(first);
        using var session = host.Session();

        await session.SubmitPasswordAsync(account.Email, account.Password);
        var response = await session.SubmitCodeAsync(BackofficeSession.TotpCode(account.TotpSecret, host.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/nb/", Location(response));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vb.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/nb/Account/ChangePassword")).StatusCode);
    }

    [Fact]
    public async Task Login_WithAWrongTotpCode_IsRefused()
    {
        using var first = host.Session();
        var account = await host.EnrolledAsync(first);
        using var session = host.Session();
        var right = BackofficeSession.TotpCode(account.TotpSecret, host.Clock.GetUtcNow());

        await session.SubmitPasswordAsync(account.Email, account.Password);
        var response = await session.SubmitCodeAsync(right == "123456" ? "654321" : "123456");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await BackofficeSession.ParseAsync(response)).QuerySelector("#form-errors"));
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("vb.auth=", StringComparison.Ordinal)));
        Assert.StartsWith("/nb/Account/Login", Location(await session.Client.GetAsync("/nb/Account/ChangePassword")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryLoginAttempt_IsAudited_WithoutTheAddressPasswordOrCode()
    {
        using var first = host.Session();
        var account = await host.EnrolledAsync(first);
        using var session = host.Session();
        var right = BackofficeSession.TotpCode(account.TotpSecret, host.Clock.GetUtcNow());
        var wrong = right == "123456" ? "654321" : "123456";

        await session.SubmitPasswordAsync(account.Email, "not the password at all");
        await session.SubmitPasswordAsync(account.Email, account.Password);
        await session.SubmitCodeAsync(wrong);
        await session.SubmitCodeAsync(right);

        await using var db = TestDb.Create(host.ConnectionString);
        var userId = await db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync();
        var events = await db.AuditEvents.IgnoreQueryFilters().Where(e => e.ActorId == userId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [
                (AuditAction.LoginSucceeded, "enrolment, new key pair"),
                (AuditAction.LoginFailed, "password refused"),
                (AuditAction.LoginFailed, "second factor refused"),
                (AuditAction.LoginSucceeded, "totp"),
            ],
            events.Select(e => (e.Action, e.Detail ?? "")));
        Assert.All(events, e =>
        {
            Assert.Null(e.CaseId);
            Assert.DoesNotContain(account.Email, e.Detail ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(right, e.Detail ?? "", StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Login_AfterFiveWrongPasswords_IsLockedEvenWithTheRightOne()
    {
        using var first = host.Session();
        var account = await host.EnrolledAsync(first);
        using var session = host.Session(language: "en");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.SubmitPasswordAsync(account.Email, "not the password " + i)).StatusCode);
        }

        var right = await session.SubmitPasswordAsync(account.Email, account.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", (await BackofficeSession.ParseAsync(right)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithARecoveryCode_WorksOnce()
    {
        using var first = host.Session();
        var account = await host.EnrolledAsync(first);
        var code = account.RecoveryCodes[3];

        using var once = host.Session();
        await once.SubmitPasswordAsync(account.Email, account.Password);
        var accepted = await once.SubmitCodeAsync(code.ToLowerInvariant());
        using var twice = host.Session();
        await twice.SubmitPasswordAsync(account.Email, account.Password);
        var refused = await twice.SubmitCodeAsync(code);

        Assert.Equal("/nb/", Location(accepted));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await BackofficeSession.ParseAsync(refused)).QuerySelector("#form-errors"));
    }

    [Fact]
    public async Task Login_ReturnsToTheRequestedLocalPageOnly()
    {
        using var first = host.Session();
        var account = await host.EnrolledAsync(first);
        using var session = host.Session();

        await session.SubmitAsync("/nb/Account/Login?ReturnUrl=%2Fnb%2FAccount%2FChangePassword", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        var local = await session.SubmitCodeAsync(BackofficeSession.TotpCode(account.TotpSecret, host.Clock.GetUtcNow()));
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        using var other = host.Session();
        await other.SubmitAsync("/nb/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        var external = await other.SubmitCodeAsync(BackofficeSession.TotpCode(account.TotpSecret, host.Clock.GetUtcNow()));

        Assert.Equal("/nb/Account/ChangePassword", Location(local));
        Assert.Equal("/nb/", Location(external));
    }
}
