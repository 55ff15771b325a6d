using Microsoft.Extensions.Time.Testing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Core.Organisations;
using Varsling.Core.Retention;
using Varsling.Testing;

namespace Varsling.Core.Tests.Retention;

/// <summary>
/// The purge runs on a fake clock against a real database. Cases are closed on Wed 30 Apr 2025 in Oslo, so with
/// the default 24 months they are due on Fri 30 Apr 2027 — from 2027-04-29T22:00Z (midnight, Oslo summer time).
/// </summary>
public sealed class RetentionPurgeTests
{
    private static readonly DateTimeOffset s_closed = new(2025, 4, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_dueStartsUtc = new(2027, 4, 29, 22, 0, 0, TimeSpan.Zero);

    private sealed record World(string ConnectionString, Guid OrganisationId, Guid OtherOrganisationId);

    private static async Task<World> NewWorldAsync()
    {
        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        await using (var db = TestDb.Create(connectionString))
        {
            await new DemoData(db, TimeProvider.System).SeedAsync();
        }

        await using var read = TestDb.Create(connectionString);
        var orgs = await read.Organisations.ToDictionaryAsync(o => o.Slug, o => o.Id);
        return new World(connectionString, orgs[DemoData.NordlysSlug], orgs[DemoData.FjellbergSlug]);
    }

    /// <summary>Files a case in the organisation's first Norwegian (or only) channel and closes it at <paramref name="closedAt"/>.</summary>
    private static async Task<Case> ClosedCaseAsync(World world, Guid organisationId, DateTimeOffset closedAt, string reference)
    {
        await using var db = TestDb.Create(world.ConnectionString, organisationId);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
        var channel = await db.Channels.Include(c => c.LegalEntity).Include(c => c.Categories).OrderByDescending(c => c.LegalEntity!.JurisdictionCode == "NO").FirstAsync();
        var clock = CaseClockContexts.For(organisation, channel.LegalEntity!, channel);
        var c = Case.Receive(Guid.NewGuid(), organisationId, channel.LegalEntityId, channel.Id, channel.Categories.FirstOrDefault()?.Id,
            reference, closedAt.AddDays(-30), clock);
        c.Acknowledge(closedAt.AddDays(-29), clock);
        c.Close(closedAt, CaseOutcome.NotSubstantiated, clock);
        db.Cases.Add(c);
        await db.SaveChangesAsync();
        return c;
    }

    private static RetentionPurge Purge(World world, DateTimeOffset now, out Core.Data.VarslingDbContext db, ILogger<RetentionPurge>? logger = null)
    {
        db = TestDb.Create(world.ConnectionString);
        var clock = new FakeTimeProvider(now);
        return new RetentionPurge(db, new AuditLog(db, clock), clock, logger ?? NullLogger<RetentionPurge>.Instance);
    }

    private static async Task<bool> CaseExistsAsync(World world, Guid caseId)
    {
        await using var db = TestDb.Create(world.ConnectionString);
        return await db.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == caseId);
    }

    [Fact]
    public async Task Purge_OneMinuteBeforeThePurgeDateBeginsLocally_PurgesNothing()
    {
        var world = await NewWorldAsync();
        var c = await ClosedCaseAsync(world, world.OrganisationId, s_closed, "P-EARLY");
        Assert.Equal(new DateOnly(2027, 4, 30), c.PurgeDue);

        var purge = Purge(world, s_dueStartsUtc.AddMinutes(-1), out var db);
        await using var _ = db;

        Assert.Empty(await purge.FindDueAsync());
        Assert.Equal(new PurgeRun(0, 0), await purge.RunAsync());
        Assert.True(await CaseExistsAsync(world, c.Id));
    }

    [Fact]
    public async Task Purge_OnThePurgeDate_DeletesTheCaseAndLeavesAContentFreeRecord()
    {
        var world = await NewWorldAsync();
        var c = await ClosedCaseAsync(world, world.OrganisationId, s_closed, "P-DUE");

        var purge = Purge(world, s_dueStartsUtc, out var db);
        await using var _ = db;
        var due = Assert.Single(await purge.FindDueAsync());
        Assert.Equal("P-DUE", due.Reference);
        Assert.Equal(new DateOnly(2025, 4, 30), due.ClosedOn);
        Assert.Equal(24, due.RetentionMonths);

        Assert.Equal(new PurgeRun(1, 0), await purge.RunAsync());

        Assert.False(await CaseExistsAsync(world, c.Id));
        await using var read = TestDb.Create(world.ConnectionString, world.OrganisationId);
        var record = await read.PurgeRecords.SingleAsync();
        Assert.Equal("P-DUE", record.CaseReference);
        Assert.Equal(new DateOnly(2025, 3, 1), record.ReceivedMonth);
        Assert.Equal(new DateOnly(2025, 4, 1), record.ClosedMonth);
        Assert.Equal(new DateOnly(2027, 4, 30), record.PurgeDue);
        Assert.Equal(s_dueStartsUtc, record.PurgedAt);
        Assert.NotNull(record.CategoryName);
        Assert.Equal(CaseOutcome.NotSubstantiated, record.Outcome);
    }

    [Fact]
    public async Task Purge_LeavesOpenCasesAndOtherCasesAlone()
    {
        var world = await NewWorldAsync();
        var due = await ClosedCaseAsync(world, world.OrganisationId, s_closed, "P-1");
        var later = await ClosedCaseAsync(world, world.OtherOrganisationId, s_closed.AddDays(1), "P-2");
        var open = await ClosedCaseAsync(world, world.OtherOrganisationId, s_closed, "P-3");
        await using (var db = TestDb.Create(world.ConnectionString, world.OtherOrganisationId))
        {
            var reopened = await db.Cases.SingleAsync(c => c.Id == open.Id);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == world.OtherOrganisationId);
            var channel = await db.Channels.Include(x => x.LegalEntity).SingleAsync(x => x.Id == reopened.ChannelId);
            reopened.Reopen(s_closed.AddDays(10), CaseClockContexts.For(organisation, channel.LegalEntity!, channel));
            await db.SaveChangesAsync();
        }

        var purge = Purge(world, s_dueStartsUtc.AddHours(12), out var purgeDb);
        await using var _ = purgeDb;
        await purge.RunAsync();

        Assert.False(await CaseExistsAsync(world, due.Id));
        Assert.True(await CaseExistsAsync(world, later.Id));
        Assert.True(await CaseExistsAsync(world, open.Id));
    }

    [Fact]
    public async Task LegalHold_PausesThePurge_AndReleasingItLetsTheNextRunPurge()
    {
        var world = await NewWorldAsync();
        var c = await ClosedCaseAsync(world, world.OrganisationId, s_closed, "P-HOLD");
        await using (var db = TestDb.Create(world.ConnectionString, world.OrganisationId))
        {
            (await db.Cases.SingleAsync(x => x.Id == c.Id)).SetLegalHold("Oslo tingrett, sak 25-123456TVI-OTIR/01", Guid.NewGuid(), s_closed.AddDays(100));
            await db.SaveChangesAsync();
        }

        var purge = Purge(world, s_dueStartsUtc.AddDays(30), out var purgeDb);
        await using var _ = purgeDb;
        Assert.Equal(new PurgeRun(0, 0), await purge.RunAsync());
        Assert.False(await purge.PurgeAsync(c.Id));
        Assert.True(await CaseExistsAsync(world, c.Id));

        await using (var db = TestDb.Create(world.ConnectionString, world.OrganisationId))
        {
            (await db.Cases.SingleAsync(x => x.Id == c.Id)).ReleaseLegalHold();
            await db.SaveChangesAsync();
        }

        Assert.Equal(new PurgeRun(1, 0), await purge.RunAsync());
        Assert.False(await CaseExistsAsync(world, c.Id));
    }

    [Fact]
    public async Task Retention_SetOnTheLegalEntity_OverridesTheOrganisations()
    {
        var world = await NewWorldAsync();
        await using (var db = TestDb.Create(world.ConnectionString, world.OrganisationId))
        {
            var entity = await db.LegalEntities.SingleAsync(e => e.JurisdictionCode == "NO");
            entity.SetRetention(6);
            await db.SaveChangesAsync();
        }

        var c = await ClosedCaseAsync(world, world.OrganisationId, s_closed, "P-SHORT");

        Assert.Equal(new DateOnly(2025, 10, 30), c.PurgeDue);
    }

    [Fact]
    public async Task Run_AbortedBetweenCases_LeavesEveryCaseWholeOrGone_AndTheNextRunFinishes()
    {
        var world = await NewWorldAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await ClosedCaseAsync(world, world.OrganisationId, s_closed, $"P-ABORT-{i}")).Id);
        }

        using var abort = new CancellationTokenSource();
        var purge = Purge(world, s_dueStartsUtc, out var db, new CancelAfterFirstPurge(abort));
        await using var _ = db;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => purge.RunAsync(ct: abort.Token));

        var remaining = new List<Guid>();
        foreach (var id in ids)
        {
            if (await CaseExistsAsync(world, id))
            {
                remaining.Add(id);
            }
        }

        Assert.Equal(3, remaining.Count);
        await using (var read = TestDb.Create(world.ConnectionString, world.OrganisationId))
        {
            Assert.Equal(1, await read.PurgeRecords.CountAsync());
            // A remaining case is whole: still closed, with its deadlines and purge date.
            Assert.All(await read.Cases.Where(c => remaining.Contains(c.Id)).ToListAsync(), c =>
            {
                Assert.Equal(CaseStatus.Closed, c.Status);
                Assert.NotNull(c.PurgeDue);
            });
        }

        var next = Purge(world, s_dueStartsUtc, out var db2);
        await using var __ = db2;
        Assert.Equal(new PurgeRun(3, 0), await next.RunAsync());
        await using var final = TestDb.Create(world.ConnectionString, world.OrganisationId);
        Assert.Equal(4, await final.PurgeRecords.CountAsync());
    }

    [Fact]
    public async Task AfterPurge_ADataDumpHoldsNoRowOfTheCase_OnlyTheAuditTrailAndThePurgeRecord()
    {
        var world = await NewWorldAsync();
        var c = await ClosedCaseAsync(world, world.OrganisationId, s_closed, "P-DUMP");
        var database = new NpgsqlConnectionStringBuilder(world.ConnectionString).Database!;
        // The audit trail keeps the case id on purpose (content-free accountability); every other table must not.
        string Dump() => PostgresServer.Shared.RunClient("pg_dump", "--data-only", "--exclude-table-data=audit_events", database);
        Assert.Contains(c.Id.ToString(), Dump(), StringComparison.Ordinal);

        var purge = Purge(world, s_dueStartsUtc, out var db);
        await using var _ = db;
        await purge.RunAsync();

        Assert.DoesNotContain(c.Id.ToString(), Dump(), StringComparison.Ordinal);
        await using var read = TestDb.Create(world.ConnectionString);
        var purged = await read.AuditEvents.SingleAsync(e => e.CaseId == c.Id);
        Assert.Equal(AuditAction.CasePurged, purged.Action);
        Assert.Equal(AuditActorKind.System, purged.ActorKind);
        Assert.True((await new AuditVerifier(read).VerifyAsync()).FirstBrokenEventId is null);
    }

    [Fact]
    public async Task AfterPurge_AFiledReportLeavesNoKeyCredentialRecordOrFileChunkInTheDump()
    {
        var world = await NewWorldAsync();
        var handler = await Handlers.AddRecipientAsync(world.ConnectionString, DemoData.NordlysSlug, "varsling");
        var filedAt = new FakeTimeProvider(s_closed.AddDays(-40));
        Guid caseId;
        await using (var services = CoreServices.Build(world.ConnectionString, filedAt))
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(world.OrganisationId);
            var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "varsling");
            var file = await Uploads.StageAsync(scope.ServiceProvider, Encoding.UTF8.GetBytes("Ledger page 12, rows 4 to 9."), "ledger.txt");
            var report = new PlainReport(null, new ReportAnswers("Purge canary report", "May", "Oslo", "Someone", "Saw it", [file.Mention]),
                new ReporterIdentity("Purge Canary", "canary@example.org"), [file]);
            caseId = (await intake.FilePlainAsync(channel, report)).CaseId;
        }

        await using (var db = handler.Context(world.ConnectionString))
        {
            await new HandlerMessages(db, filedAt, NullLogger<HandlerMessages>.Instance).PostAsync(caseId, handler.UserId, handler.Key, "A question.");
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == c.OrganisationId);
            var channel = await db.Channels.Include(x => x.LegalEntity).SingleAsync(x => x.Id == c.ChannelId);
            c.Close(s_closed, CaseOutcome.InsufficientInformation, CaseClockContexts.For(organisation, channel.LegalEntity!, channel));
            await db.SaveChangesAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(world.ConnectionString).Database!;
        string Dump() => PostgresServer.Shared.RunClient("pg_dump", "--data-only", "--exclude-table-data=audit_events", database);
        // pg_dump writes bytea as hex: each wrapped key, lookup hash and file chunk must vanish with the case.
        var traces = new List<string> { caseId.ToString() };
        await using (var read = TestDb.Create(world.ConnectionString))
        {
            var blobs = new List<byte[]>();
            blobs.AddRange(await read.CaseKeyGrants.IgnoreQueryFilters().Where(g => g.CaseId == caseId).Select(g => g.WrappedKey).ToListAsync());
            blobs.AddRange(await read.ReporterCredentials.IgnoreQueryFilters().Where(r => r.CaseId == caseId).Select(r => r.LookupHash).ToListAsync());
            blobs.AddRange(await read.AttachmentChunks.IgnoreQueryFilters().Select(a => a.Data).ToListAsync());
            traces.AddRange(blobs.Select(b => Convert.ToHexString(b).ToLowerInvariant()));
        }

        var before = Dump();
        Assert.True(traces.Count >= 5, $"expected the case id, key grants, a credential and file chunks; got {traces.Count} traces");
        Assert.All(traces, t => Assert.Contains(t, before, StringComparison.Ordinal));

        var purge = Purge(world, s_dueStartsUtc, out var purgeDb);
        await using var _ = purgeDb;
        Assert.Equal(new PurgeRun(1, 0), await purge.RunAsync());

        var after = Dump();
        Assert.All(traces, t => Assert.DoesNotContain(t, after, StringComparison.Ordinal));
        await using var check = TestDb.Create(world.ConnectionString);
        Assert.Equal(1, await check.PurgeRecords.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await check.CaseRecords.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await check.Attachments.IgnoreQueryFilters().CountAsync());
    }

    /// <summary>Cancels the run as soon as the first case has been purged: an abort between two cases.</summary>
    private sealed class CancelAfterFirstPurge(CancellationTokenSource abort) : ILogger<RetentionPurge>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 6001)
            {
                abort.Cancel();
            }
        }
    }
}
