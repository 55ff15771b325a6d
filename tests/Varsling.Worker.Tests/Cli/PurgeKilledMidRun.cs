using System.Diagnostics;
using Npgsql;
using Varsling.Core.Organisations;
using Varsling.Testing;
using Xunit.Abstractions;

namespace Varsling.Worker.Tests.Cli;

/// <summary>
/// The Worker process is killed with SIGKILL while <c>purge</c> runs: every case is then either whole or gone with
/// its purge record and audit event, never half-deleted; the next <c>purge</c> finishes the job and the audit chain
/// still verifies.
/// </summary>
public sealed class PurgeKilledMidRun(ITestOutputHelper output)
{
    private const int MessagesPerCase = 3;
    private const int ChunksPerAttachment = 2;

    // Closed 30 Jan 2020 → due 30 Jan 2022 with the default 24 months: due today in every jurisdiction.
    private static readonly BulkShape s_shape = new(new DateTimeOffset(2019, 12, 31, 9, 0, 0, TimeSpan.Zero), Closed: true,
        Messages: MessagesPerCase, Attachments: 1, ChunksPerAttachment: ChunksPerAttachment, ChunkSize: 2048);

    private sealed record Seeded(string ConnectionString, IReadOnlyList<Guid> Cases, Dictionary<Guid, string> References,
        Dictionary<Guid, Guid> AttachmentToCase);

    [Fact]
    public async Task PurgeKilledWithSigkill_LeavesEveryCaseWholeOrGone_AndTheNextRunFinishes()
    {
        // On a loaded machine the run may finish before the poll sees it start; then try again with more cases.
        var perOrganisation = 600;
        for (var attempt = 1; ; attempt++)
        {
            var watch = Stopwatch.StartNew();
            var world = await SeedAsync(perOrganisation);
            output.WriteLine($"attempt {attempt}: seeded {world.Cases.Count} cases in {watch.Elapsed}");
            var purgedAtKill = await KillMidRunAsync(world);
            output.WriteLine($"attempt {attempt}: killed with {purgedAtKill?.ToString() ?? "none"} purged at {watch.Elapsed}");
            if (purgedAtKill is { } n && n > 0 && n < world.Cases.Count)
            {
                await AssertWholeOrGoneAsync(world, expectSomeOfEach: true);

                var again = await WorkerProcess.RunAsync(world.ConnectionString, TimeSpan.FromMinutes(5), "purge");
                output.WriteLine($"second run finished at {watch.Elapsed}");
                Assert.True(again.Code == 0, again.Err);
                Assert.Contains($"Purged {world.Cases.Count - n} case(s)", again.Out, StringComparison.Ordinal);
                await AssertWholeOrGoneAsync(world, expectSomeOfEach: false);
                Assert.Equal(0, await ScalarAsync(world, "SELECT count(*) FROM cases WHERE id = ANY(@ids)"));
                Assert.Equal(world.Cases.Count, await ScalarAsync(world, "SELECT count(*) FROM purge_records WHERE case_reference = ANY(@refs)"));

                var verify = await WorkerProcess.RunAsync(world.ConnectionString, TimeSpan.FromMinutes(2), "audit-verify");
                Assert.True(verify.Code == 0, verify.Out + verify.Err);
                Assert.StartsWith("OK: ", verify.Out, StringComparison.Ordinal);
                return;
            }

            Assert.True(attempt < 3, $"The kill never landed mid-run in {attempt} attempts (last: {purgedAtKill?.ToString() ?? "not started"} of {world.Cases.Count}).");
            perOrganisation *= 2;
        }
    }

    /// <summary>Starts <c>purge</c>, kills it once some but not all cases are purged, and returns how many were purged then.</summary>
    private static async Task<long?> KillMidRunAsync(Seeded world)
    {
        using var worker = WorkerProcess.Start(world.ConnectionString, "purge");
        var output = worker.StandardOutput.ReadToEndAsync();
        var errors = worker.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        try
        {
            while (watch.Elapsed < TimeSpan.FromMinutes(3))
            {
                var purged = await ScalarAsync(world, "SELECT count(*) FROM purge_records");
                if (purged > 0 && purged < world.Cases.Count)
                {
                    worker.Kill(); // SIGKILL: no finally blocks, no disposal, no graceful rollback by the client
                    await worker.WaitForExitAsync();
                    if (worker.ExitCode != 137) // 128 + SIGKILL
                    {
                        // It finished on its own between the poll and the kill: no kill landed, so try again.
                        Assert.True(worker.ExitCode == 0, await errors);
                        return world.Cases.Count;
                    }

                    return await ScalarAsync(world, "SELECT count(*) FROM purge_records");
                }

                if (worker.HasExited)
                {
                    Assert.True(worker.ExitCode == 0, await errors);
                    return purged;
                }

                await Task.Delay(15);
            }

            throw new TimeoutException("The purge neither progressed nor finished within three minutes.");
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill();
            }

            await worker.WaitForExitAsync();
            _ = await output;
        }
    }

    private static async Task<Seeded> SeedAsync(int perOrganisation)
    {
        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        var cases = new List<Guid>();
        foreach (var (org, channel) in new[] { (DemoData.NordlysSlug, "varsling"), (DemoData.FjellbergSlug, "visselblasning") })
        {
            var handler = await Handlers.AddRecipientAsync(connectionString, org, channel);
            cases.AddRange(await BulkCases.SeedAsync(connectionString, handler.OrganisationId, channel,
                [new BulkRecipient(handler.UserId, handler.Key.PublicKey)], perOrganisation, s_shape));
        }

        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var references = new Dictionary<Guid, string>();
        await using (var cmd = new NpgsqlCommand("SELECT id, reference FROM cases WHERE id = ANY(@ids)", conn))
        {
            cmd.Parameters.AddWithValue("ids", cases.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                references[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        var attachments = new Dictionary<Guid, Guid>();
        await using (var cmd = new NpgsqlCommand("SELECT id, case_id FROM attachments WHERE case_id = ANY(@ids)", conn))
        {
            cmd.Parameters.AddWithValue("ids", cases.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                attachments[reader.GetGuid(0)] = reader.GetGuid(1);
            }
        }

        Assert.Equal(cases.Count, references.Count);
        Assert.Equal(cases.Count, attachments.Count);
        return new Seeded(connectionString, cases, references, attachments);
    }

    /// <summary>
    /// Whole: the case row, its 5 wrapped keys (4 kinds for the handler, 1 for the reporter), its records, its
    /// attachment with all chunks and its credential, and no purge record or purge audit event. Gone: none of those
    /// rows, and both the purge record and the CasePurged audit event.
    /// </summary>
    private static async Task AssertWholeOrGoneAsync(Seeded world, bool expectSomeOfEach)
    {
        var present = await CountsAsync(world, "SELECT id, 1 FROM cases WHERE id = ANY(@ids)");
        var grants = await CountsAsync(world, "SELECT case_id, count(*) FROM case_key_grants WHERE case_id = ANY(@ids) GROUP BY case_id");
        var records = await CountsAsync(world, "SELECT case_id, count(*) FROM case_records WHERE case_id = ANY(@ids) GROUP BY case_id");
        var attachments = await CountsAsync(world, "SELECT case_id, count(*) FROM attachments WHERE case_id = ANY(@ids) GROUP BY case_id");
        var credentials = await CountsAsync(world, "SELECT case_id, 1 FROM reporter_credentials WHERE case_id = ANY(@ids)");
        var audited = await CountsAsync(world, "SELECT case_id, count(*) FROM audit_events WHERE action = 'CasePurged' AND case_id = ANY(@ids) GROUP BY case_id");
        var chunksByAttachment = await CountsAsync(world, "SELECT attachment_id, count(*) FROM attachment_chunks WHERE attachment_id = ANY(@aids) GROUP BY attachment_id");
        var chunks = world.AttachmentToCase.Where(a => chunksByAttachment.ContainsKey(a.Key))
            .GroupBy(a => a.Value).ToDictionary(g => g.Key, g => g.Sum(a => chunksByAttachment[a.Key]));
        var purgeRecords = new HashSet<string>(StringComparer.Ordinal);
        await using (var conn = new NpgsqlConnection(world.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT case_reference FROM purge_records WHERE case_reference = ANY(@refs)", conn);
            cmd.Parameters.AddWithValue("refs", world.References.Values.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                purgeRecords.Add(reader.GetString(0));
            }
        }

        long Get(Dictionary<Guid, long> counts, Guid id) => counts.GetValueOrDefault(id);
        int whole = 0, gone = 0;
        foreach (var id in world.Cases)
        {
            var state = (Case: Get(present, id), Grants: Get(grants, id), Records: Get(records, id), Attachments: Get(attachments, id),
                Chunks: Get(chunks, id), Credential: Get(credentials, id), Audit: Get(audited, id), PurgeRecord: purgeRecords.Contains(world.References[id]));
            if (state == (1, 5, 1 + MessagesPerCase, 1, ChunksPerAttachment, 1, 0, false))
            {
                whole++;
            }
            else if (state == (0, 0, 0, 0, 0, 0, 1, true))
            {
                gone++;
            }
            else
            {
                Assert.Fail($"Case {world.References[id]} is half-purged: {state}");
            }
        }

        if (expectSomeOfEach)
        {
            Assert.True(whole > 0 && gone > 0, $"whole {whole}, gone {gone}");
        }
    }

    private static async Task<Dictionary<Guid, long>> CountsAsync(Seeded world, string sql)
    {
        await using var conn = new NpgsqlConnection(world.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("ids", world.Cases.ToArray());
        cmd.Parameters.AddWithValue("aids", world.AttachmentToCase.Keys.ToArray());
        var counts = new Dictionary<Guid, long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<long> ScalarAsync(Seeded world, string sql)
    {
        await using var conn = new NpgsqlConnection(world.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("ids", world.Cases.ToArray());
        cmd.Parameters.AddWithValue("refs", world.References.Values.ToArray());
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
