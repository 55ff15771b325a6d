extern alias backoffice;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Benchmarks;

/// <summary>
/// <c>backoffice [--cases n] [--requests n]</c>: the back office on real Kestrel (WebHostFixture, logging at
/// Warning) over n open cases (default 100,000) split between two organisations, seeded with BulkCases. A handler
/// is created, enrolled and signed in as the tests do; half the cases (one organisation) are sealed to them, so the
/// inbox lists all of those. One more case of theirs has 50 messages and 5 attachments, all genuine, so its page
/// decrypts every entry. Each page is requested sequentially, 3 warm-up requests then n measured ones (default 30);
/// the time is the client's round trip on loopback including reading the whole body (the host sends no
/// Server-Timing header). Baseline: <c>/healthz</c> in the same run.
/// </summary>
public sealed class BackofficeScenario : IScenario
{
    public string Name => "backoffice";

    public string Description => "inbox and a 50-message case page over n cases (--cases, default 100000) vs /healthz, p50/p95";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var total = Options.Int(args, "--cases", 100_000);
        var requests = Options.Int(args, "--requests", 30);
        // WebApplicationFactory finds the host's content root through this setting when no test manifest is present.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VARSLING_BACKOFFICE", FindBackofficeProject());
        var host = new BenchHost();
        await host.InitializeAsync();
        try
        {
            await using (var db = TestDb.Create(host.ConnectionString))
            {
                await new DemoData(db, host.Clock).SeedAsync(ct);
            }

            var email = $"bench{Guid.NewGuid():N}@example.org";
            CreatedUser created;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                    .CreateUserAsync(DemoData.NordlysSlug, email, "Bench Handler", Roles.Handler, ct);
            }

            using var session = new BackofficeSession(new HttpClient(new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = true,
                CookieContainer = new CookieContainer(),
            })
            { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) }, host.Clock, "en");
            await session.EnrolAsync(email, created.InitialPassword, "a long and private passphrase");
            Guid orgId;
            byte[] publicKey;
            await using (var db = TestDb.Create(host.ConnectionString))
            {
                orgId = await db.Organisations.Where(o => o.Slug == DemoData.NordlysSlug).Select(o => o.Id).SingleAsync(ct);
                publicKey = await db.UserKeys.IgnoreQueryFilters().Where(k => k.UserId == created.UserId).Select(k => k.PublicKey).SingleAsync(ct);
            }

            var me = new BulkRecipient(created.UserId, publicKey);
            var other = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.FjellbergSlug, "visselblasning");
            var received = host.Clock.GetUtcNow().AddDays(-20);
            var shape = new BulkShape(received, Closed: false, Messages: 3, Attachments: 1, ChunksPerAttachment: 2, ChunkSize: 4096, Acknowledged: true);
            var watch = Stopwatch.StartNew();
            var mine = total / 2;
            for (var done = 0; done < mine; done += 10_000)
            {
                await BulkCases.SeedAsync(host.ConnectionString, orgId, "varsling", [me], Math.Min(10_000, mine - done), shape, ct: ct);
            }

            for (var done = 0; done < total - mine; done += 10_000)
            {
                await BulkCases.SeedAsync(host.ConnectionString, other.OrganisationId, "visselblasning",
                    [new BulkRecipient(other.UserId, other.Key.PublicKey)], Math.Min(10_000, total - mine - done), shape, ct: ct);
            }

            var heavy = (await BulkCases.SeedAsync(host.ConnectionString, orgId, "varsling", [me], 1,
                shape with { Messages = 50, Attachments = 5 }, templates: 1, ct: ct))[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seeded {total + 1} cases in {watch.Elapsed.TotalSeconds:0.0} s; the handler holds keys for {mine + 1} of them"));

            // The case page must really decrypt the thread: every handler message's text appears in it.
            var opened = await session.Client.GetStringAsync($"/en/cases/{heavy}", ct);
            var shown = opened.Split("Could you tell us roughly").Length - 1;
            if (shown != 25)
            {
                throw new InvalidOperationException($"The case page shows {shown} of the 25 handler messages; it did not decrypt the thread.");
            }

            var health = await MeasureAsync(session.Client, "/healthz", requests, ct);
            var inbox = await MeasureAsync(session.Client, "/en/cases", requests, ct);
            var casePage = await MeasureAsync(session.Client, $"/en/cases/{heavy}", requests, ct);

            Console.WriteLine();
            foreach (var (name, m) in new[] { ("/healthz (baseline)", health), ("inbox /en/cases", inbox), ("case page (50 messages, 5 files)", casePage) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-36} p50 {m.P50,9:0.0} ms  p95 {m.P95,9:0.0} ms  body {m.Bytes / 1024.0,9:0} KiB  ratio p50 to healthz {m.P50 / health.P50,8:0}×"));
            }

            return 0;
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static string FindBackofficeProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Varsling.Backoffice");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Varsling.Backoffice not found above the benchmark's folder.");
    }

    private sealed record Measured(double P50, double P95, long Bytes);

    private static async Task<Measured> MeasureAsync(HttpClient client, string path, int requests, CancellationToken ct)
    {
        long bytes = 0;
        var times = new List<double>();
        for (var i = 0; i < requests + 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
            }

            bytes = body.Length;
            if (i >= 3)
            {
                times.Add(elapsed);
            }
        }

        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return new Measured(At(0.50), At(0.95), bytes);
    }

    /// <summary>The back-office host of the tests, with logging at Warning so the measurement is not of the trace logger.</summary>
    private sealed class BenchHost : WebHostFixture<backoffice::Program>
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            foreach (var key in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore" })
            {
                builder.UseSetting($"Logging:LogLevel:{key}", "Warning");
            }

            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
