using Varsling.Core.Audit;
using Varsling.Testing;

namespace Varsling.Worker.Tests.Cli;

/// <summary><c>audit-verify</c> against a real database: OK with the count, or the first broken event and exit code 1.</summary>
public sealed class AuditVerifyVerbTests
{
    private static async Task<(string ConnectionString, List<AuditEvent> Events)> DatabaseWithEventsAsync(int count)
    {
        var cs = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        var events = new List<AuditEvent>();
        await using var db = TestDb.Create(cs);
        var log = new AuditLog(db, TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            events.Add(await log.AppendAsync(new AuditEntry(Guid.NewGuid(), AuditActor.User(Guid.NewGuid()), AuditAction.RecordDecrypted,
                Guid.NewGuid(), "record answers")));
        }

        return (cs, events);
    }

    [Fact]
    public async Task AuditVerify_IntactChain_PrintsOkWithTheCountAndExitsWith0()
    {
        var (cs, events) = await DatabaseWithEventsAsync(3);

        var (code, stdout, stderr) = await CliRunner.RunAsync(cs, "audit-verify");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("OK: 3 events, chain intact", lines[0]);
        Assert.Equal("Last hash: " + Convert.ToHexStringLower(events[^1].Hash), lines[1]);
    }

    [Fact]
    public async Task AuditVerify_EmptyLog_IsOk()
    {
        var cs = await PostgresServer.Shared.CreateMigratedDatabaseAsync();

        var (code, stdout, _) = await CliRunner.RunAsync(cs, "audit-verify");

        Assert.Equal(0, code);
        Assert.StartsWith("OK: 0 events, chain intact", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_AfterAnEditedDetail_PrintsThatEventAndExitsWith1()
    {
        var (cs, events) = await DatabaseWithEventsAsync(4);
        await AuditTampering.RunAsync(cs, $"UPDATE audit_events SET detail = 'record summary' WHERE id = {events[1].Id}");

        var (code, stdout, _) = await CliRunner.RunAsync(cs, "audit-verify");

        Assert.Equal(1, code);
        Assert.StartsWith($"BROKEN: first broken event id {events[1].Id}: its hash does not match", stdout, StringComparison.Ordinal);
        Assert.Contains("1 events intact before it", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_AfterADeletedMiddleEvent_PrintsTheEventAfterItAndExitsWith1()
    {
        var (cs, events) = await DatabaseWithEventsAsync(4);
        await AuditTampering.RunAsync(cs, $"DELETE FROM audit_events WHERE id = {events[2].Id}");

        var (code, stdout, _) = await CliRunner.RunAsync(cs, "audit-verify");

        Assert.Equal(1, code);
        Assert.StartsWith($"BROKEN: first broken event id {events[3].Id}: it does not follow", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_OnAnUnmigratedDatabase_AsksForMigrateFirst()
    {
        var cs = await PostgresServer.Shared.CreateEmptyDatabaseAsync();

        var (code, _, stderr) = await CliRunner.RunAsync(cs, "audit-verify");

        Assert.Equal(2, code);
        Assert.Contains("run 'migrate' first", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsAuditVerify()
    {
        var (code, stdout, _) = await CliRunner.RunAsync(null, "help");

        Assert.Equal(0, code);
        Assert.Contains("audit-verify", stdout, StringComparison.Ordinal);
    }
}
