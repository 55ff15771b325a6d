using Microsoft.Extensions.Time.Testing;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Varsling.Core.Audit;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Core.Tests.Audit;

/// <summary>
/// The audit log on real PostgreSQL: appends form one linear hash chain, the database refuses changes, and the
/// verifier finds the first row a superuser tampered with. Each test has its own database, because the chain is global.
/// </summary>
public sealed class AuditLogTests
{
    private static readonly DateTimeOffset s_start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(s_start);

    private static async Task<string> NewDatabaseAsync() => await PostgresServer.Shared.CreateMigratedDatabaseAsync();

    private async Task<List<AuditEvent>> AppendAsync(string connectionString, int count)
    {
        var appended = new List<AuditEvent>();
        var org = Guid.NewGuid();
        for (var i = 0; i < count; i++)
        {
            await using var db = TestDb.Create(connectionString);
            _clock.Advance(TimeSpan.FromSeconds(1.2345678));
            appended.Add(await new AuditLog(db, _clock).AppendAsync(
                new AuditEntry(org, AuditActor.User(Guid.NewGuid()), AuditAction.CaseViewed, Guid.NewGuid(), $"view {i}")));
        }

        return appended;
    }

    private static async Task<AuditChainReport> VerifyAsync(string connectionString)
    {
        await using var db = TestDb.Create(connectionString);
        return await new AuditVerifier(db).VerifyAsync();
    }

    private static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task AppendAsync_ThenVerify_ChainIsLinkedAndIntact()
    {
        var cs = await NewDatabaseAsync();
        await using (var db = TestDb.Create(cs))
        {
            await new AuditLog(db, _clock).AppendAsync(new AuditEntry(null, AuditActor.System, AuditAction.SettingsChanged, Detail: "migrate"));
            await new AuditLog(db, _clock).AppendAsync(new AuditEntry(Guid.NewGuid(), AuditActor.Reporter, AuditAction.ReportSubmitted, Guid.NewGuid()));
        }

        var appended = await AppendAsync(cs, 3);

        await using var read = TestDb.Create(cs);
        var rows = await read.AuditEvents.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(5, rows.Count);
        Assert.Equal(new byte[AuditChain.HashLength], rows[0].PrevHash);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].Hash, rows[i].PrevHash);
            Assert.True(rows[i].Id > rows[i - 1].Id);
        }

        Assert.Equal(AuditActorKind.System, rows[0].ActorKind);
        Assert.Null(rows[0].OrganisationId);
        Assert.Equal(AuditActorKind.Reporter, rows[1].ActorKind);
        Assert.Null(rows[1].ActorId);
        Assert.Equal(appended[^1].Hash, rows[^1].Hash);
        Assert.Equal(appended[^1].OccurredAt, rows[^1].OccurredAt);
        Assert.Equal(TimeSpan.Zero, rows[^1].OccurredAt.Offset);

        var report = await VerifyAsync(cs);
        Assert.True(report.IsIntact);
        Assert.Equal(5, report.EventsVerified);
        Assert.Null(report.Break);
        Assert.Equal(rows[^1].Hash, report.LastHash);
    }

    [Fact]
    public async Task Verify_EmptyLog_IsIntactWithZeroEvents()
    {
        var report = await VerifyAsync(await NewDatabaseAsync());

        Assert.True(report.IsIntact);
        Assert.Equal(0, report.EventsVerified);
        Assert.Equal(new byte[AuditChain.HashLength], report.LastHash);
    }

    [Theory]
    [InlineData("UPDATE audit_events SET detail = 'changed'", "UPDATE")]
    [InlineData("UPDATE audit_events SET detail = 'changed' WHERE false", "UPDATE")]
    [InlineData("DELETE FROM audit_events WHERE id = (SELECT min(id) FROM audit_events)", "DELETE")]
    [InlineData("DELETE FROM audit_events", "DELETE")]
    [InlineData("TRUNCATE audit_events", "TRUNCATE")]
    public async Task ChangingAuditRows_WithSql_IsRefusedByTheDatabase(string sql, string operation)
    {
        var cs = await NewDatabaseAsync();
        await AppendAsync(cs, 2);

        var e = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(cs, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        Assert.Contains($"append-only: {operation} refused", e.MessageText, StringComparison.Ordinal);
        await using var db = TestDb.Create(cs);
        Assert.Equal(["view 0", "view 1"], await db.AuditEvents.OrderBy(r => r.Id).Select(r => r.Detail!).ToListAsync());
        Assert.True((await VerifyAsync(cs)).IsIntact);
    }

    [Fact]
    public async Task Verify_AfterASuperuserEditsADetail_ReportsThatRow()
    {
        var cs = await NewDatabaseAsync();
        var appended = await AppendAsync(cs, 5);

        await AuditTampering.RunAsync(cs, $"UPDATE audit_events SET detail = 'view 9' WHERE id = {appended[2].Id}");

        var report = await VerifyAsync(cs);
        Assert.False(report.IsIntact);
        Assert.Equal(appended[2].Id, report.FirstBrokenEventId);
        Assert.Equal(AuditBreak.HashMismatch, report.Break);
        Assert.Equal(2, report.EventsVerified);
    }

    [Fact]
    public async Task Verify_AfterASuperuserEditsATimestampAndRecomputesNothing_ReportsThatRow()
    {
        var cs = await NewDatabaseAsync();
        var appended = await AppendAsync(cs, 3);

        await AuditTampering.RunAsync(cs, $"UPDATE audit_events SET occurred_at = occurred_at - interval '1 microsecond' WHERE id = {appended[0].Id}");

        var report = await VerifyAsync(cs);
        Assert.Equal(appended[0].Id, report.FirstBrokenEventId);
        Assert.Equal(AuditBreak.HashMismatch, report.Break);
    }

    [Fact]
    public async Task Verify_AfterASuperuserDeletesAMiddleRow_ReportsTheRowAfterIt()
    {
        var cs = await NewDatabaseAsync();
        var appended = await AppendAsync(cs, 5);

        await AuditTampering.RunAsync(cs, $"DELETE FROM audit_events WHERE id = {appended[1].Id}");

        var report = await VerifyAsync(cs);
        Assert.Equal(appended[2].Id, report.FirstBrokenEventId);
        Assert.Equal(AuditBreak.ChainMismatch, report.Break);
        Assert.Equal(1, report.EventsVerified);
        Assert.Equal(appended[0].Hash, report.LastHash);
    }

    [Fact]
    public async Task Verify_AfterASuperuserRewritesARowWithAValidLookingHash_ReportsTheRowAfterIt()
    {
        var cs = await NewDatabaseAsync();
        var appended = await AppendAsync(cs, 3);
        var forged = appended[1];
        var hash = AuditChain.ComputeHash(forged.Id, forged.OrganisationId, forged.OccurredAt, "User", forged.ActorId, "CaseViewed",
            forged.CaseId, "nothing to see", forged.PrevHash);

        await AuditTampering.RunAsync(cs,
            $"UPDATE audit_events SET detail = 'nothing to see', hash = '\\x{Convert.ToHexString(hash)}' WHERE id = {forged.Id}");

        var report = await VerifyAsync(cs);
        Assert.Equal(appended[2].Id, report.FirstBrokenEventId);
        Assert.Equal(AuditBreak.ChainMismatch, report.Break);
    }

    [Fact]
    public async Task Verify_AfterASuperuserWritesAnUnknownAction_ReportsThatRow()
    {
        var cs = await NewDatabaseAsync();
        var appended = await AppendAsync(cs, 2);

        await AuditTampering.RunAsync(cs, $"UPDATE audit_events SET action = 'Nothing' WHERE id = {appended[1].Id}");

        var report = await VerifyAsync(cs);
        Assert.Equal(appended[1].Id, report.FirstBrokenEventId);
        Assert.Equal(AuditBreak.HashMismatch, report.Break);
    }

    [Fact]
    public async Task AppendAsync_TwentyConcurrentTransactions_KeepTheChainLinear()
    {
        var cs = await NewDatabaseAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var db = TestDb.Create(cs);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await start.Task;
            await new AuditLog(db, TimeProvider.System).AppendAsync(new AuditEntry(null, AuditActor.System, AuditAction.CaseViewed, Detail: $"task {i}"));
            await transaction.CommitAsync();
        })).ToList();
        start.SetResult();
        await Task.WhenAll(tasks);

        var report = await VerifyAsync(cs);
        Assert.True(report.IsIntact, $"broken at {report.FirstBrokenEventId} ({report.Break})");
        Assert.Equal(20, report.EventsVerified);
        await using var read = TestDb.Create(cs);
        Assert.Equal(20, await read.AuditEvents.Select(e => e.Detail).Distinct().CountAsync());
    }

    [Fact]
    public async Task AppendAsync_InsideATransactionThatRollsBack_LeavesNoRow_AndTheChainGoesOn()
    {
        var cs = await NewDatabaseAsync();
        await AppendAsync(cs, 1);

        await using (var db = TestDb.Create(cs))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Organisations.Add(new Organisation(Guid.NewGuid(), "rolled-back", "Rolled Back AS", _clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await new AuditLog(db, _clock).AppendAsync(new AuditEntry(null, AuditActor.System, AuditAction.SettingsChanged, Detail: "rolled back"));
            await transaction.RollbackAsync();
        }

        await AppendAsync(cs, 1);

        await using var read = TestDb.Create(cs);
        Assert.Equal(["view 0", "view 0"], await read.AuditEvents.OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync());
        Assert.False(await read.Organisations.AnyAsync(o => o.Slug == "rolled-back"));
        var report = await VerifyAsync(cs);
        Assert.True(report.IsIntact);
        Assert.Equal(2, report.EventsVerified);
    }

    [Fact]
    public async Task AppendAsync_InsideACommittedTransaction_CommitsWithTheAction_AndLeavesPendingChangesAlone()
    {
        var cs = await NewDatabaseAsync();
        var orgId = Guid.NewGuid();

        await using (var db = TestDb.Create(cs))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Organisations.Add(new Organisation(orgId, "committed", "Committed AS", _clock.GetUtcNow()));
            await new AuditLog(db, _clock).AppendAsync(new AuditEntry(orgId, AuditActor.System, AuditAction.SettingsChanged, Detail: "organisation created"));
            Assert.Equal(EntityState.Added, db.ChangeTracker.Entries<Organisation>().Single().State);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var read = TestDb.Create(cs);
        Assert.True(await read.Organisations.AnyAsync(o => o.Id == orgId));
        Assert.Equal(orgId, (await read.AuditEvents.SingleAsync()).OrganisationId);
    }

    [Theory]
    [InlineData(IsolationLevel.RepeatableRead)]
    [InlineData(IsolationLevel.Serializable)]
    public async Task AppendAsync_InASnapshotTransaction_IsRefused(IsolationLevel level)
    {
        var cs = await NewDatabaseAsync();
        await using var db = TestDb.Create(cs);
        await using var transaction = await db.Database.BeginTransactionAsync(level);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new AuditLog(db, _clock).AppendAsync(new AuditEntry(null, AuditActor.System, AuditAction.CasePurged)));
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("tab\there")]
    public async Task AppendAsync_DetailWithControlCharacters_IsRefused(string detail)
    {
        await using var db = TestDb.Create(await NewDatabaseAsync());

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new AuditLog(db, _clock).AppendAsync(new AuditEntry(null, AuditActor.System, AuditAction.CasePurged, Detail: detail)));
    }

    [Fact]
    public async Task AppendAsync_DetailLongerThanTheLimit_IsRefused()
    {
        await using var db = TestDb.Create(await NewDatabaseAsync());

        await Assert.ThrowsAsync<ArgumentException>(() => new AuditLog(db, _clock).AppendAsync(
            new AuditEntry(null, AuditActor.System, AuditAction.CasePurged, Detail: new string('x', AuditEntry.MaxDetailLength + 1))));
    }

    [Fact]
    public async Task AppendAsync_DefaultActor_IsRefused()
    {
        await using var db = TestDb.Create(await NewDatabaseAsync());

        await Assert.ThrowsAsync<ArgumentException>(() =>
            new AuditLog(db, _clock).AppendAsync(new AuditEntry(null, default, AuditAction.CaseViewed)));
        Assert.False(await db.AuditEvents.AnyAsync());
    }
}
