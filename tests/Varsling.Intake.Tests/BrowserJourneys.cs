using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Intake.Tests;

/// <summary>
/// The reporter's whole journey in headless Chromium (Debian's, driven by Playwright), with JavaScript on and off:
/// file a report with an attachment, get the code, log in, read the handler's reply, answer it, log out. Every
/// request must stay on the site's origin, every page must pass axe-core's WCAG 2.1 A/AA rules, and the cookies
/// set along the way must be exactly those of the cookie statement.
/// </summary>
public sealed class BrowserJourneys(IntakeHost host) : IClassFixture<IntakeHost>, IAsyncLifetime
{
    private static readonly string[] s_chromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "varsling-chromium-" + Guid.NewGuid().ToString("N")[..12]);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _checker = null!;
    private TestHandler _handler = null!;
    private bool _javaScript;

    public async Task InitializeAsync()
    {
        _handler = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, "varsling");
        Directory.CreateDirectory(_profile);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("VARSLING_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = s_chromiumArgs,
            Env = new Dictionary<string, string> { ["TMPDIR"] = _profile, ["HOME"] = _profile },
        });
        _checker = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() });
    }

    public async Task DisposeAsync()
    {
        await _checker.DisposeAsync();
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reporter_FilesReadsAnswersAndLogsOut(bool javaScript)
    {
        _javaScript = javaScript;
        var marker = $"browser-marker-{(javaScript ? "js" : "nojs")}-{Guid.NewGuid():N}";
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            BaseURL = host.BaseAddress.ToString(),
            AcceptDownloads = false,
        });
        var page = await context.NewPageAsync();
        var origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        var foreign = new List<string>();
        var cookies = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/en/nordlys");
        await CheckAccessibilityAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Varslingskanal Norge" }).ClickAsync();
        await Assertions.Expect(page.Locator("#path-notice")).ToContainTextAsync(javaScript ? "JavaScript is on" : "JavaScript is off");
        await CheckAccessibilityAsync(page);

        await page.GetByLabel("What happened?").FillAsync($"Safety checks are signed without being done. {marker}");
        await page.GetByLabel("When did it happen?").FillAsync("Every Friday since January");
        await page.Locator("#Input_CategoryId").SelectOptionAsync(new SelectOptionValue { Label = "HMS og sikkerhet" });
        var attachment = new FilePayload { Name = "checklist.txt", MimeType = "text/plain", Buffer = "Checklist signed but not done."u8.ToArray() };
        if (javaScript)
        {
            await page.Locator("#js-file-input").SetInputFilesAsync(attachment);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review and submit" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);
        if (!javaScript)
        {
            await page.Locator("#files").SetInputFilesAsync(attachment);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the report" }).ClickAsync();
        var codeLocator = page.Locator(".receipt-code:visible");
        await Assertions.Expect(codeLocator).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$"), new() { Timeout = 60_000 });
        var code = await codeLocator.InnerTextAsync();
        await CheckAccessibilityAsync(page);
        Assert.DoesNotContain(code, page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/en/nordlys/mailbox");
        await CheckAccessibilityAsync(page);
        await page.GetByLabel("Receipt code").FillAsync(code.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your case", Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#entries")).ToContainTextAsync(marker);
        await Assertions.Expect(page.Locator("#entries")).ToContainTextAsync("checklist.txt");

        await IntakeForms.HandlerRepliesAsync(host.ConnectionString, _handler, marker, "Thank you. Who signs the checklists?");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#entries")).ToContainTextAsync("Thank you. Who signs the checklists?");
        await CheckAccessibilityAsync(page);

        await page.GetByLabel("Message", new() { Exact = true }).FillAsync($"The shift leader. reply-{marker}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#entries")).ToContainTextAsync($"reply-{marker}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are logged out" })).ToBeVisibleAsync();
        await CheckAccessibilityAsync(page);
        Assert.Empty(await context.CookiesAsync());

        foreach (var path in new[] { "/en/nordlys/privacy", "/en/nordlys/cookies", "/nb/nordlys/privacy", "/nb/nordlys/cookies", "/nb/nordlys" })
        {
            await page.GotoAsync(path);
            await CheckAccessibilityAsync(page);
        }

        foreach (var response in responses)
        {
            // Set-Cookie is only in the raw header list; Playwright leaves it out of the plain Headers view.
            foreach (var line in await response.HeaderValuesAsync("set-cookie"))
            {
                cookies.Add(line.Split('=')[0].Trim());
            }
        }

        Assert.Empty(foreign);
        Assert.Empty(problems);
        Assert.Equal(CookieStatement.Cookies.Select(c => c.Name).Order(StringComparer.Ordinal), cookies.Order(StringComparer.Ordinal));
        var statement = await page.GotoAsync("/en/nordlys/cookies");
        var listed = await page.Locator("code.cookie-name").AllInnerTextsAsync();
        Assert.Equal(cookies.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.NotNull(statement);

        await using var db = _handler.Context(host.ConnectionString);
        var reply = (await new HandlerMessages(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<HandlerMessages>.Instance)
            .ReadAsync(await FindCaseAsync(db, marker), _handler.UserId, _handler.Key)).Last();
        Assert.Equal(EntryAuthor.Reporter, reply.Author);
        Assert.Equal($"The shift leader. reply-{marker}", reply.Message!.Text);
    }

    /// <summary>
    /// A browser whose WebCrypto lacks X25519 (Tor Browser 14, Firefox before 130, …), simulated by making
    /// <c>generateKey</c> and <c>importKey</c> reject X25519 before any module runs: the report page says why in one
    /// sentence and files through the plain form, which the server encrypts; the mailbox does the same.
    /// </summary>
    [Fact]
    public async Task Reporter_WithoutWebCryptoX25519_FilesThroughThePlainFormAndIsToldWhy()
    {
        var marker = $"browser-marker-nox25519-{Guid.NewGuid():N}";
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = true,
            BaseURL = host.BaseAddress.ToString(),
            AcceptDownloads = false,
        });
        await context.AddInitScriptAsync("""
            (() => {
              const subtle = globalThis.crypto && globalThis.crypto.subtle;
              if (!subtle) return;
              const isX = (a) => a === 'X25519' || (a && typeof a === 'object' && a.name === 'X25519');
              const generateKey = subtle.generateKey.bind(subtle);
              const importKey = subtle.importKey.bind(subtle);
              subtle.generateKey = (algorithm, ...rest) => isX(algorithm)
                ? Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError')) : generateKey(algorithm, ...rest);
              subtle.importKey = (format, data, algorithm, ...rest) => isX(algorithm)
                ? Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError')) : importKey(format, data, algorithm, ...rest);
            })();
            """);
        var page = await context.NewPageAsync();
        var apiCalls = new List<string>();
        var problems = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/", StringComparison.Ordinal))
            {
                apiCalls.Add(request.Url);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync("/en/nordlys");
        await page.GetByRole(AriaRole.Link, new() { Name = "Varslingskanal Norge" }).ClickAsync();
        await Assertions.Expect(page.Locator("#path-notice")).ToHaveTextAsync(
            "Your browser lacks the encryption this site uses (X25519 in WebCrypto), so your report is sent with the plain form and encrypted on our server the moment it arrives, before anything is stored.");
        Assert.True(await page.Locator("#js-files").IsHiddenAsync());
        await CheckAccessibilityAsync(page);

        await page.GetByLabel("What happened?").FillAsync($"Invoices are approved by the person who sends them. {marker}");
        await page.Locator("#Input_CategoryId").SelectOptionAsync(new SelectOptionValue { Label = "HMS og sikkerhet" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review and submit" })).ToBeVisibleAsync();
        await page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "checklist.txt", MimeType = "text/plain", Buffer = "Checklist signed but not done."u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the report" }).ClickAsync();
        var codeLocator = page.Locator(".receipt-code:visible");
        await Assertions.Expect(codeLocator).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$"), new() { Timeout = 60_000 });
        var code = await codeLocator.InnerTextAsync();

        await page.GotoAsync("/en/nordlys/mailbox");
        await Assertions.Expect(page.Locator("#path-notice")).ToContainTextAsync("Your browser lacks the encryption this site uses");
        await page.GetByLabel("Receipt code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your case", Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#entries")).ToContainTextAsync(marker);

        // Nothing went through the JavaScript path's API, and the handler reads the server-sealed case.
        Assert.Empty(apiCalls);
        Assert.Empty(problems);
        await using var db = _handler.Context(host.ConnectionString);
        await FindCaseAsync(db, marker);
    }

    private async Task<Guid> FindCaseAsync(Core.Data.VarslingDbContext db, string marker)
    {
        var messages = new HandlerMessages(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<HandlerMessages>.Instance);
        foreach (var caseId in await db.CaseKeyGrants.Where(k => k.UserId == _handler.UserId).Select(k => k.CaseId).Distinct().ToListAsync())
        {
            if ((await messages.ReadAsync(caseId, _handler.UserId, _handler.Key)).Any(e => e.Answers?.What.Contains(marker, StringComparison.Ordinal) == true))
            {
                using var output = new MemoryStream();
                var file = (await messages.ReadAsync(caseId, _handler.UserId, _handler.Key)).First(e => e.Answers is not null).Answers!.Files.Single();
                await messages.ReadFileAsync(caseId, file.Id, _handler.UserId, _handler.Key, output);
                Assert.Equal("Checklist signed but not done."u8.ToArray(), output.ToArray());
                return caseId;
            }
        }

        throw new Xunit.Sdk.XunitException("No case with the marker.");
    }

    private static readonly Lazy<string> s_axe = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "node_modules", "axe-core", "axe.min.js")));

    /// <summary>
    /// Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page and fails on any violation. axe is evaluated through
    /// the DevTools protocol rather than added as a script tag, because the site's CSP rightly refuses inline scripts.
    /// A page without JavaScript cannot run axe at all, so its DOM as rendered is replayed at the same URL (with the
    /// same styles, and the site's own scripts held back) in a checker page that can.
    /// </summary>
    private async Task CheckAccessibilityAsync(IPage page)
    {
        if (_javaScript)
        {
            await RunAxeAsync(page);
            return;
        }

        var html = await page.ContentAsync();
        var url = page.Url;
        var checker = await _checker.NewPageAsync();
        await checker.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType == "document")
            {
                await route.FulfillAsync(new RouteFulfillOptions { Body = html, ContentType = "text/html; charset=utf-8" });
            }
            else if (route.Request.ResourceType == "script")
            {
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await checker.GotoAsync(url);
        await RunAxeAsync(checker);
        await checker.CloseAsync();
    }

    private static async Task RunAxeAsync(IPage page)
    {
        await page.EvaluateAsync(s_axe.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(violations.GetArrayLength() == 0, $"{page.Url}: {violations}");
    }
}
