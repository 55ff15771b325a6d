extern alias backoffice;

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;
using Varsling.Testing;
using BackofficeProgram = backoffice::Program;

namespace Varsling.Intake.Tests;

/// <summary>A host of either kind that runs against a database another host shares.</summary>
public sealed class SharedDatabaseHost<TProgram>(string connectionString) : WebHostFixture<TProgram> where TProgram : class
{
    protected override Task<string> DatabaseAsync() => Task.FromResult(connectionString);
}

/// <summary>The intake site and the back office on real Kestrel, over one migrated database with the demo organisations.</summary>
public sealed class BothHosts : IAsyncLifetime
{
    public SharedDatabaseHost<Program> Intake { get; private set; } = null!;

    public SharedDatabaseHost<BackofficeProgram> Backoffice { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        await using (var db = TestDb.Create(connectionString))
        {
            await new DemoData(db, TimeProvider.System).SeedAsync();
        }

        Intake = new SharedDatabaseHost<Program>(connectionString);
        Backoffice = new SharedDatabaseHost<BackofficeProgram>(connectionString);
        await Intake.InitializeAsync();
        await Backoffice.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Backoffice.DisposeAsync();
        await Intake.DisposeAsync();
    }
}

/// <summary>
/// Issue 5's done-means, in headless Chromium: an administrator creates a handler and puts them on a channel; the
/// handler signs in with the initial password and enrols; the administrator adds a question to the channel's form;
/// two reporters file and answer it (JavaScript on: sealed in the browser; off: sealed by the server); the handler
/// works one case through acknowledgement, a message, the reporter's reply, feedback and closing. Every step is
/// checked on the page the person sees.
/// </summary>
public sealed class AdministeredJourney(BothHosts hosts) : IClassFixture<BothHosts>, IAsyncLifetime
{
    private const string Channel = "Visselblåsarkanal Sverige";
    private const string Question = "Which site is it about?";

    private static readonly string[] s_chromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "varsling-chromium-" + Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_profile);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("VARSLING_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = s_chromiumArgs,
            Env = new Dictionary<string, string> { ["TMPDIR"] = _profile, ["HOME"] = _profile },
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing files; a leftover temp folder is harmless.
        }
    }

    private Task<IBrowserContext> ContextAsync(Uri baseAddress, bool javaScript = true) =>
        _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), JavaScriptEnabled = javaScript, AcceptDownloads = false });

    /// <summary>The current TOTP code by the back office's clock; the clock then moves on a step, as each code is accepted once.</summary>
    private string NextCode(string base32Key)
    {
        var clock = hosts.Backoffice.Clock;
        var code = Totp.Code(Totp.DecodeKey(base32Key.Replace(" ", "", StringComparison.Ordinal)), Totp.StepAt(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        return code;
    }

    /// <summary>An administrator of Nordlys, created and enrolled through Core as an operator would; returns e-mail, password and TOTP key.</summary>
    private async Task<(string Email, string Password, string TotpKey)> SeedAdminAsync()
    {
        var email = $"admin{Guid.NewGuid():N}@example.org";
        const string password = "the administrator's own passphrase";
        await using var scope = hosts.Backoffice.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var created = await accounts.CreateUserAsync(DemoData.NordlysSlug, email, "Astrid Admin", Roles.Admin);
        var attempt = await accounts.CheckPasswordAsync(email, created.InitialPassword);
        var start = await accounts.BeginEnrolmentAsync(created.UserId);
        await accounts.CompleteEnrolmentAsync(created.UserId, attempt.Session, password, NextCode(start.AuthenticatorKey));
        return (email, password, start.AuthenticatorKey);
    }

    private async Task SignInAsync(IPage page, string email, string password, string totpKey)
    {
        await page.GotoAsync("/en/Account/Login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/LoginCode"));
        await page.FillAsync("#code", NextCode(totpKey));
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator("#logout")).ToBeVisibleAsync();
    }

    /// <summary>Files a report on the Swedish channel and returns the receipt code the page shows.</summary>
    private static async Task<string> FileReportAsync(IPage page, string what, bool javaScript)
    {
        await page.GotoAsync("/en/nordlys");
        await page.GetByRole(AriaRole.Link, new() { Name = Channel }).ClickAsync();
        await Assertions.Expect(page.Locator("#path-notice")).ToContainTextAsync(javaScript ? "JavaScript is on" : "JavaScript is off");
        await page.GetByLabel("What happened?").FillAsync(what);
        await page.GetByLabel(Question).FillAsync("Site " + what[^6..]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review and submit" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(what);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the report" }).ClickAsync();
        var codeLocator = page.Locator(".receipt-code:visible");
        await Assertions.Expect(codeLocator).ToHaveTextAsync(new Regex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$"), new() { Timeout = 60_000 });
        return await codeLocator.InnerTextAsync();
    }

    [Fact]
    public async Task AdministratorHandlerAndReporters_FromAccountToClosedCase()
    {
        // The administrator signs in and creates a handler, then makes them a member of the channel.
        var admin = await SeedAdminAsync();
        await using var adminContext = await ContextAsync(hosts.Backoffice.BaseAddress);
        var adminPage = await adminContext.NewPageAsync();
        await SignInAsync(adminPage, admin.Email, admin.Password, admin.TotpKey);
        await adminPage.ClickAsync("#nav-people");
        await Assertions.Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToBeVisibleAsync();
        var handlerEmail = $"handler{Guid.NewGuid():N}@example.org";
        await adminPage.FillAsync("#create-name", "Henrik Handler");
        await adminPage.FillAsync("#create-email", handlerEmail);
        await adminPage.SelectOptionAsync("#create-role", Roles.Handler);
        await adminPage.ClickAsync("#create-form button[type=submit]");
        await Assertions.Expect(adminPage.Locator("#handover-email")).ToHaveTextAsync(handlerEmail);
        var initialPassword = (await adminPage.Locator("#initial-password").InnerTextAsync()).Trim();
        Assert.DoesNotContain(initialPassword, adminPage.Url, StringComparison.Ordinal);

        var row = adminPage.Locator("tr[data-person]", new() { Has = adminPage.Locator(".person-email", new() { HasTextString = handlerEmail }) });
        await row.Locator(".add-channel-form select").SelectOptionAsync(new SelectOptionValue { Label = Channel });
        await row.Locator(".add-channel-form button").ClickAsync();
        await Assertions.Expect(adminPage.Locator("#done")).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".person-channels ul")).ToContainTextAsync(Channel);
        await Assertions.Expect(adminPage.Locator("#grant-notice")).ToContainTextAsync("Existing cases reach them only when");

        // The channel's report form gets a question of its own, required.
        await adminPage.ClickAsync("#nav-channels");
        var section = adminPage.Locator("section.channel", new() { Has = adminPage.Locator("h2", new() { HasTextString = Channel }) });
        await section.Locator(".add-question-form input[name='Input.Text']").FillAsync(Question);
        await section.Locator(".add-question-form input[name='Input.Required']").CheckAsync();
        await section.Locator(".add-question-form button").ClickAsync();
        await Assertions.Expect(adminPage.Locator("#done")).ToBeVisibleAsync();
        await Assertions.Expect(section.Locator(".change-question-form input[name='Input.Text']")).ToHaveValueAsync(Question);

        // The handler signs in with the initial password and enrols: new password, TOTP from the manual key, recovery key saved.
        await using var handlerContext = await ContextAsync(hosts.Backoffice.BaseAddress);
        var handlerPage = await handlerContext.NewPageAsync();
        await handlerPage.GotoAsync("/en/Account/Login");
        await handlerPage.FillAsync("#email", handlerEmail);
        await handlerPage.FillAsync("#password", initialPassword);
        await handlerPage.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(handlerPage).ToHaveURLAsync(new Regex("/Account/Enrol"));
        var totpKey = (await handlerPage.Locator("#totp-key").InnerTextAsync()).Trim();
        await handlerPage.FillAsync("#new-password", "the handler's own passphrase");
        await handlerPage.FillAsync("#confirm-password", "the handler's own passphrase");
        await handlerPage.FillAsync("#code", NextCode(totpKey));
        await handlerPage.ClickAsync("main form button[type=submit]");
        var recoveryKey = (await handlerPage.Locator("#recovery-key").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]+(-[0-9A-Z]+)+$", recoveryKey);
        await Assertions.Expect(handlerPage.Locator("#recovery-codes li")).ToHaveCountAsync(AccountService.RecoveryCodeCount);

        // Two reporters file: one with JavaScript (sealed in the browser), one without.
        var withJs = $"Invoices are split to stay under the approval limit. js-{Guid.NewGuid():N}";
        var withoutJs = $"Safety rounds are signed but not walked. nojs-{Guid.NewGuid():N}";
        await using var jsReporter = await ContextAsync(hosts.Intake.BaseAddress);
        var jsPage = await jsReporter.NewPageAsync();
        var jsCode = await FileReportAsync(jsPage, withJs, javaScript: true);
        await using var plainReporter = await ContextAsync(hosts.Intake.BaseAddress, javaScript: false);
        var plainPage = await plainReporter.NewPageAsync();
        var plainCode = await FileReportAsync(plainPage, withoutJs, javaScript: false);
        Assert.NotEqual(jsCode, plainCode);

        // The handler sees both cases and opens one.
        await handlerPage.GotoAsync("/en/cases");
        await Assertions.Expect(handlerPage.Locator("tr[data-case]")).ToHaveCountAsync(2);
        await handlerPage.Locator("tr[data-case] a").First.ClickAsync();
        await Assertions.Expect(handlerPage.Locator("#case-status")).ToHaveAttributeAsync("data-status", "Received");
        var what = await handlerPage.Locator("#answer-what").InnerTextAsync();
        Assert.True(what == withJs || what == withoutJs, what);
        var (reporterPage, code) = what == withJs ? (jsPage, jsCode) : (plainPage, plainCode);
        await Assertions.Expect(handlerPage.Locator(".extra-question")).ToHaveTextAsync(Question);
        await Assertions.Expect(handlerPage.Locator(".extra-answer")).ToHaveTextAsync("Site " + what[^6..]);

        await handlerPage.ClickAsync("#acknowledge-form button");
        await Assertions.Expect(handlerPage.Locator("#case-status")).ToHaveAttributeAsync("data-status", "Acknowledged");
        await handlerPage.FillAsync("#message-text", "Thank you. Which department books the invoices?");
        await handlerPage.ClickAsync("#message-form button");
        await Assertions.Expect(handlerPage.Locator("#thread")).ToContainTextAsync("Which department books the invoices?");

        // The reporter logs in with the receipt code, reads the message and replies.
        await reporterPage.GotoAsync("/en/nordlys/mailbox");
        await reporterPage.GetByLabel("Receipt code").FillAsync(code);
        await reporterPage.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(reporterPage.GetByRole(AriaRole.Heading, new() { Name = "Your case", Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(reporterPage.Locator("#entries")).ToContainTextAsync("Which department books the invoices?");
        await reporterPage.GetByLabel("Message", new() { Exact = true }).FillAsync("Purchasing, on the second floor.");
        await reporterPage.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(reporterPage.Locator("#entries")).ToContainTextAsync("Purchasing, on the second floor.");

        // The handler sees the reply, gives feedback and closes the case with an outcome and a summary.
        await handlerPage.ReloadAsync();
        await Assertions.Expect(handlerPage.Locator("#thread")).ToContainTextAsync("Purchasing, on the second floor.");
        await handlerPage.FillAsync("#feedback-text", "We have looked into the invoices and changed the approval routine.");
        await handlerPage.ClickAsync("#feedback-form button");
        await Assertions.Expect(handlerPage.Locator("#done")).ToBeVisibleAsync();
        await handlerPage.SelectOptionAsync("#close-outcome", "Substantiated");
        await handlerPage.FillAsync("#close-summary", "Split invoices confirmed; approval routine changed.");
        await handlerPage.ClickAsync("#close-form button");
        await Assertions.Expect(handlerPage.Locator("#case-status")).ToHaveAttributeAsync("data-status", "Closed");
        await Assertions.Expect(handlerPage.Locator("#case-outcome")).ToHaveAttributeAsync("data-outcome", "Substantiated");

        // The reporter sees the feedback; the administrator's audit log shows the handler's work, by name.
        await reporterPage.ReloadAsync();
        await Assertions.Expect(reporterPage.Locator("#entries")).ToContainTextAsync("changed the approval routine");
        await adminPage.ClickAsync("#nav-audit");
        await Assertions.Expect(adminPage.Locator("#chain")).ToHaveAttributeAsync("data-intact", "true");
        await Assertions.Expect(adminPage.Locator("#events tr[data-action='CaseTransitioned'] .event-actor").First).ToHaveTextAsync("Henrik Handler");
        await Assertions.Expect(adminPage.Locator("#events tr[data-action='ChannelMemberAdded'] .event-actor")).ToHaveTextAsync("Astrid Admin");
    }
}
