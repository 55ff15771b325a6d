using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Exports;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Benchmarks;

/// <summary>
/// The legal team's closed-case export as PDF against the CSV export of the same cases. Seeds N closed cases (1,000
/// by default) through the Core domain and services, each closed through CaseWork with a sealed closing summary
/// whose key is wrapped to a legal-team member; then exports them as the legal page does (gather with
/// the summaries decrypted, audit, write) several times per format. Reports the median wall time and the peak memory
/// above the pre-export level (managed heap and working set, sampled on a background timer during the export).
/// </summary>
public sealed class ExportPdfScenario : IScenario
{
    public string Name => "export-pdf";

    public string Description => "legal export of N closed cases as PDF vs CSV (time, peak memory); options: --cases N --runs N";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var cases = 1000;
        var runs = 3;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--cases" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    cases = n;
                    i++;
                    break;
                case "--runs" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 0:
                    runs = r;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"export-pdf: unknown or bad option '{args[i]}'");
                    return 2;
            }
        }

        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        var start = new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var services = CoreServices.Build(connectionString, clock);

        var seeding = Stopwatch.StartNew();
        var seeded = await SeedAsync(services, connectionString, clock, cases, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {cases} closed cases with sealed summaries in {seeding.Elapsed.TotalSeconds:0.0} s"));

        var from = DateOnly.FromDateTime(start.UtcDateTime);
        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);
        ExportFormat[] formats = [ExportFormat.Csv, ExportFormat.Pdf];
        var results = formats.ToDictionary(f => f, _ => new List<Measurement>());
        foreach (var format in formats)
        {
            // One warm-up run per format (JIT, connection pool).
            await MeasureAsync(services, seeded, format, from, to, cases, ct);
        }

        // Interleaved, so drift on a shared machine (and the audit log growing by one row per export) hits both alike.
        for (var run = 0; run < runs; run++)
        {
            foreach (var format in formats)
            {
                results[format].Add(await MeasureAsync(services, seeded, format, from, to, cases, ct));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export of {cases} closed cases, median of {runs} runs (peaks: highest run)"));
        Console.WriteLine("format   wall s   gather s   write s      bytes   peak managed MB   peak working set MB");
        foreach (var (format, list) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format,-6} {Median(list, m => m.Wall.TotalSeconds),8:0.000} {Median(list, m => (m.Wall - m.Write).TotalSeconds),10:0.000} {Median(list, m => m.Write.TotalSeconds),9:0.000} {list[0].Bytes,10} {list.Max(m => m.PeakManaged) / 1048576.0,17:0.0} {list.Max(m => m.PeakWorkingSet) / 1048576.0,21:0.0}"));
        }

        var pdf = results[ExportFormat.Pdf];
        var csv = results[ExportFormat.Csv];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio PDF/CSV: wall {Median(pdf, m => m.Wall.TotalSeconds) / Median(csv, m => m.Wall.TotalSeconds):0.00}x, " +
            $"write {Median(pdf, m => m.Write.TotalSeconds) / Median(csv, m => m.Write.TotalSeconds):0.00}x, " +
            $"peak managed {Ratio(pdf.Max(m => m.PeakManaged), csv.Max(m => m.PeakManaged))}, " +
            $"peak working set {Ratio(pdf.Max(m => m.PeakWorkingSet), csv.Max(m => m.PeakWorkingSet))}, size {pdf[0].Bytes / (double)csv[0].Bytes:0.00}x"));
        return 0;
    }

    private sealed record Seeded(Guid OrganisationId, Guid LegalEntityId, Guid LegalUserId, X25519KeyPair LegalKey);

    private sealed record Measurement(TimeSpan Wall, TimeSpan Write, long Bytes, long PeakManaged, long PeakWorkingSet);

    private static async Task<Seeded> SeedAsync(ServiceProvider services, string connectionString, FakeTimeProvider clock, int count, CancellationToken ct)
    {
        var handler = await Handlers.AddRecipientAsync(connectionString, DemoData.NordlysSlug, "varsling");
        var legalKey = X25519KeyPair.Generate();
        Guid legalUserId;
        Guid legalEntityId;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(handler.OrganisationId);
            legalUserId = (await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateUserAsync(DemoData.NordlysSlug, "legal-bench@example.org", "Legal Benchmark", Roles.Legal, ct)).UserId;
            var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
            var wrap = PrivateKeyWrap.WrapWithKey(legalKey, new byte[32]);
            db.UserKeys.Add(new UserKey(legalUserId, handler.OrganisationId, legalKey.PublicKey, wrap, wrap, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            legalEntityId = await db.Channels.Where(c => c.Slug == "varsling").Select(c => c.LegalEntityId).SingleAsync(ct);
        }

        // Cases are received, acknowledged and given feedback through the domain model, with a real summary key
        // wrapped to the handler as the intake does; the intake itself is skipped because its receipt-code derivation
        // is deliberately slow and the export never reads the report. Closing goes through CaseWork, so each summary is
        // sealed and its key wrapped to the legal team exactly as in production.
        var outcomes = Enum.GetValues<CaseOutcome>();
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(handler.OrganisationId);
            var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == handler.OrganisationId, ct);
            var channel = await db.Channels.Include(c => c.LegalEntity).SingleAsync(c => c.Slug == "varsling", ct);
            var categories = await db.Categories.Where(c => c.ChannelId == channel.Id).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(ct);
            var context = CaseClockContexts.For(organisation, channel.LegalEntity!, channel);
            var received = clock.GetUtcNow();
            var c = Case.Receive(Guid.NewGuid(), handler.OrganisationId, channel.LegalEntityId, channel.Id, categories[i % categories.Count],
                "B-" + i.ToString("D5", CultureInfo.InvariantCulture), received, context);
            c.Acknowledge(received.AddHours(1), context);
            c.GiveFeedback(received.AddHours(2));
            db.Cases.Add(c);
            // CaseWork finds a case only for a holder of its shared key, and seals the summary under the summary key.
            foreach (var kind in new[] { CaseKeyKind.Shared, CaseKeyKind.Summary })
            {
                var caseKey = CaseKeys.Generate();
                db.CaseKeyGrants.Add(new CaseKeyGrant(Guid.NewGuid(), handler.OrganisationId, c.Id, KeyHolder.Handler, handler.UserId, kind,
                    CaseKeys.Wrap(caseKey, handler.Key.PublicKey, c.Id, kind)));
                CryptographicOperations.ZeroMemory(caseKey);
            }
            await db.SaveChangesAsync(ct);

            clock.Advance(TimeSpan.FromHours(3));
            await scope.ServiceProvider.GetRequiredService<CaseWork>().CloseAsync(c.Id, handler.UserId, handler.Key, outcomes[i % outcomes.Length], Summary(i), ct: ct);
            clock.Advance(TimeSpan.FromHours(3));
        }

        return new Seeded(handler.OrganisationId, legalEntityId, legalUserId, legalKey);
    }

    /// <summary>A closing summary of a realistic length (about 600 characters, Norwegian letters included).</summary>
    private static string Summary(int i) =>
        "Sak " + i.ToString(CultureInfo.InvariantCulture) + ": Undersøkelsen viste at fakturaer fra én leverandør ble godkjent uten andre signatur i perioden. " +
        "Økonomiavdelingen har innført tofaktorgodkjenning for alle betalinger over 50 000 kroner, og leverandøravtalen er sagt opp. " +
        "Beløpet som ble utbetalt for mye, er krevd tilbake; 80 prosent er allerede betalt. Ledelsen og revisor er orientert, " +
        "og rutinen for attestasjon er oppdatert og gjennomgått med alle som godkjenner fakturaer. Varsleren har fått tilbakemelding " +
        "om at forholdet er fulgt opp, og saken avsluttes med dette.";

    private static async Task<Measurement> MeasureAsync(ServiceProvider services, Seeded seeded, ExportFormat format, DateOnly from, DateOnly to,
        int expected, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseManaged = GC.GetTotalMemory(forceFullCollection: false);
        var baseWorkingSet = process.WorkingSet64;
        long peakManaged = baseManaged;
        long peakWorkingSet = baseWorkingSet;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                Interlocked.Exchange(ref peakManaged, Math.Max(Interlocked.Read(ref peakManaged), GC.GetTotalMemory(false)));
                Interlocked.Exchange(ref peakWorkingSet, Math.Max(Interlocked.Read(ref peakWorkingSet), self.WorkingSet64));
                try
                {
                    await Task.Delay(2, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }, CancellationToken.None);

        var wall = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(seeded.OrganisationId);
        var data = await scope.ServiceProvider.GetRequiredService<LegalExports>()
            .CreateAsync(seeded.LegalUserId, seeded.LegalKey, seeded.LegalEntityId, from, to, format, ct);
        var write = Stopwatch.StartNew();
        var output = new CountingStream();
        await LegalExports.WriteAsync(data, format, DocumentLanguage.Norwegian, output, ct);
        write.Stop();
        wall.Stop();
        await sampling.CancelAsync();
        await sampler;

        if (data.Cases.Count != expected || data.Cases.Any(c => string.IsNullOrEmpty(c.ClosingSummary)))
        {
            throw new InvalidOperationException($"Expected {expected} cases with summaries, got {data.Cases.Count}.");
        }

        return new Measurement(wall.Elapsed, write.Elapsed, output.Length, peakManaged - baseManaged, peakWorkingSet - baseWorkingSet);
    }

    private static double Median(List<Measurement> list, Func<Measurement, double> value)
    {
        var sorted = list.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ratio(long a, long b) => b <= 0
        ? "n/a (baseline did not rise above its start)"
        : string.Create(CultureInfo.InvariantCulture, $"{a / (double)b:0.00}x");

    /// <summary>A write-only sink that counts bytes, so the measurement is of producing the export, not of storing it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
