using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Benchmarks;

/// <summary>
/// <c>purge [--cases n]</c>: n due cases (default 100,000) over two organisations, each with an answers record,
/// three messages and one attachment of two chunks, all sealed with the real crypto (BulkCases). The database is
/// then copied with <c>CREATE DATABASE … TEMPLATE</c>, so both runs start from the same bytes:
/// <list type="bullet">
/// <item>the real purge: the Worker's <c>purge</c> verb as a child process, default logging, timed from start to
/// exit (start-up and finding the due cases included); peak memory is the child's VmHWM from /proc, sampled
/// every 50 ms;</item>
/// <item>the baseline on the copy: one transaction of set-based DELETEs of the same cases' keys, credentials and
/// case rows (the rest cascades) — the least work that removes the same rows, without the per-case transaction,
/// the eligibility check under a row lock, the purge record and the audit event.</item>
/// </list>
/// </summary>
public sealed class PurgeScenario : IScenario
{
    public string Name => "purge";

    public string Description => "Worker 'purge' on n due cases (--cases, default 100000) vs one set-based DELETE of a copy";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var total = Options.Int(args, "--cases", 100_000);
        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        var shape = new BulkShape(new DateTimeOffset(2019, 12, 2, 9, 0, 0, TimeSpan.Zero), Closed: true, Messages: 3, Attachments: 1,
            ChunksPerAttachment: 2, ChunkSize: 4096);
        var seedWatch = Stopwatch.StartNew();
        foreach (var (org, channel, count) in new[] { (DemoData.NordlysSlug, "varsling", total / 2), (DemoData.FjellbergSlug, "visselblasning", total - total / 2) })
        {
            var handler = await Handlers.AddRecipientAsync(connectionString, org, channel);
            for (var done = 0; done < count; done += 10_000)
            {
                await BulkCases.SeedAsync(connectionString, handler.OrganisationId, channel,
                    [new BulkRecipient(handler.UserId, handler.Key.PublicKey)], Math.Min(10_000, count - done), shape, ct: ct);
            }
        }

        var seeded = seedWatch.Elapsed;
        var rows = await ScalarAsync(connectionString,
            "SELECT (SELECT count(*) FROM case_key_grants) || ' keys, ' || (SELECT count(*) FROM case_records) || ' records, ' || " +
            "(SELECT count(*) FROM attachment_chunks) || ' chunks, ' || pg_size_pretty(pg_database_size(current_database()))");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {total} due cases in {seeded.TotalSeconds:0.0} s; rows: {rows}"));

        NpgsqlConnection.ClearAllPools();
        var copy = await CopyAsync(connectionString, ct);

        var (purgeTime, peakKb, exit, output) = await RunWorkerPurgeAsync(connectionString, ct);
        var left = await ScalarAsync(connectionString, "SELECT count(*)::text FROM cases");
        var records = await ScalarAsync(connectionString, "SELECT count(*)::text FROM purge_records");
        Console.WriteLine($"worker purge: exit {exit}; {output}; cases left {left}; purge records {records}");

        var baseline = await BaselineDeleteAsync(copy, ct);
        var baselineLeft = await ScalarAsync(copy, "SELECT count(*)::text FROM cases");

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"purge (Worker process): {total} cases in {purgeTime.TotalSeconds:0.0} s = {total / purgeTime.TotalSeconds:0} cases/s; peak memory (VmHWM) {peakKb / 1024.0:0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"baseline (set-based DELETE, one transaction): {total} cases in {baseline.TotalSeconds:0.0} s = {total / baseline.TotalSeconds:0} cases/s; cases left {baselineLeft}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio: the purge takes {purgeTime / baseline:0.0}× the baseline's time"));
        return exit == 0 && left == "0" && baselineLeft == "0" ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, long PeakKb, int Exit, string Output)> RunWorkerPurgeAsync(string connectionString, CancellationToken ct)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "Varsling.Worker.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(worker);
        info.ArgumentList.Add("purge");
        info.Environment["ConnectionStrings__Varsling"] = connectionString;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("The Worker did not start.");
        long lines = 0;
        string? last = null;
        var stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                lines++;
                last = line;
            }
        }, ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        long peak = 0;
        var statusPath = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(statusPath, ct))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        peak = Math.Max(peak, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (IOException)
            {
                // The process exited between the check and the read; the last sample stands.
            }

            await Task.Delay(50, ct);
        }

        await process.WaitForExitAsync(ct);
        watch.Stop();
        await stdout;
        var err = await stderr;
        return (watch.Elapsed, peak, process.ExitCode, $"{lines} log/output lines, last: {last}{(err.Length > 0 ? "; stderr: " + err.Trim() : "")}");
    }

    private static async Task<TimeSpan> BaselineDeleteAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        var watch = Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var sql in new[]
        {
            "CREATE TEMP TABLE due ON COMMIT DROP AS SELECT id FROM cases WHERE status = 'Closed' AND legal_hold_reason IS NULL AND purge_due <= current_date",
            "DELETE FROM case_key_grants WHERE case_id IN (SELECT id FROM due)",
            "DELETE FROM reporter_credentials WHERE case_id IN (SELECT id FROM due)",
            "DELETE FROM cases WHERE id IN (SELECT id FROM due)",
        })
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return watch.Elapsed;
    }

    /// <summary>A byte-for-byte copy of the database (no connection may be open to it while copying).</summary>
    private static async Task<string> CopyAsync(string connectionString, CancellationToken ct)
    {
        var source = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var name = source + "_copy";
        await using var conn = new NpgsqlConnection(PostgresServer.Shared.ConnectionString("postgres"));
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {source}", conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
        return PostgresServer.Shared.ConnectionString(name);
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return Convert.ToString(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}
