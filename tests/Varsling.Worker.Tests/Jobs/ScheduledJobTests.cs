using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Varsling.Core;
using Varsling.Core.Audit;
using Varsling.Testing;
using Varsling.Worker.Jobs;

namespace Varsling.Worker.Tests.Jobs;

/// <summary>
/// The job base on real PostgreSQL: of several Worker instances only the one holding a job's advisory lock runs a
/// tick, the lock is handed back after every tick, and a failing tick is logged by type only.
/// </summary>
public sealed class ScheduledJobTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly List<ServiceProvider> _instances = [];

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }

    /// <summary>One Worker instance's services, on the shared test database.</summary>
    private ServiceProvider Instance(CapturedLogs? logs = null, string? connectionString = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:Varsling", connectionString ?? database.ConnectionString)])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs ?? new CapturedLogs()));
        services.AddVarslingCore(configuration);
        var provider = services.BuildServiceProvider();
        _instances.Add(provider);
        return provider;
    }

    private static GatedJob Job(IServiceProvider instance, Gate gate, string name) =>
        new(instance.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            instance.GetRequiredService<ILogger<GatedJob>>(), gate, name);

    private async Task<long> AdvisoryLocksHeldAsync()
    {
        await using var conn = new NpgsqlConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task TwoInstancesRacingForOneJob_OnlyOneRunsTheTick()
    {
        var gate = new Gate();
        var first = Job(Instance(), gate, "race");
        var second = Job(Instance(), gate, "race");

        var ticks = new[] { Task.Run(() => first.TickAsync(CancellationToken.None)), Task.Run(() => second.TickAsync(CancellationToken.None)) };
        var loser = await Task.WhenAny(ticks).WaitAsync(TimeSpan.FromSeconds(30));
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobOutcome.Skipped, await loser);
        Assert.Equal(1, await AdvisoryLocksHeldAsync());
        gate.Release.SetResult();
        var winner = ticks.Single(t => t != loser);
        Assert.Equal(JobOutcome.Completed, await winner.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, gate.Runs);
        Assert.Equal(0, await AdvisoryLocksHeldAsync());
    }

    [Fact]
    public async Task AfterATick_TheLockIsReleased_SoTheNextInstanceRunsItsTick()
    {
        var gate = new Gate();
        gate.Release.SetResult();

        Assert.Equal(JobOutcome.Completed, await Job(Instance(), gate, "handover").TickAsync(CancellationToken.None));
        Assert.Equal(JobOutcome.Completed, await Job(Instance(), gate, "handover").TickAsync(CancellationToken.None));

        Assert.Equal(2, gate.Runs);
        Assert.Equal(0, await AdvisoryLocksHeldAsync());
    }

    [Fact]
    public async Task JobsWithDifferentNames_DoNotBlockEachOther()
    {
        var held = new Gate();
        var free = new Gate();
        free.Release.SetResult();
        var holding = Job(Instance(), held, "reminders").TickAsync(CancellationToken.None);
        await held.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobOutcome.Completed, await Job(Instance(), free, "purge").TickAsync(CancellationToken.None));

        held.Release.SetResult();
        Assert.Equal(JobOutcome.Completed, await holding);
        Assert.NotEqual(ScheduledJob.LockKeyFor("reminders"), ScheduledJob.LockKeyFor("purge"));
        Assert.NotEqual(AuditLog.LockKey, ScheduledJob.LockKeyFor("heartbeat"));
    }

    [Fact]
    public async Task ALockHeldByAnotherSession_SkipsTheTickWithoutRunningIt()
    {
        var gate = new Gate();
        gate.Release.SetResult();
        var logs = new CapturedLogs();
        var job = Job(Instance(logs), gate, "held-elsewhere");
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({job.LockKey})", other))
        {
            await take.ExecuteScalarAsync();
        }

        var outcome = await job.TickAsync(CancellationToken.None);

        Assert.Equal(JobOutcome.Skipped, outcome);
        Assert.Equal(0, gate.Runs);
        Assert.Contains("Job held-elsewhere skipped: another instance holds its lock", logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingTick_IsLoggedByTypeOnly_AndReleasesTheLock()
    {
        var gate = new Gate { Failure = new InvalidOperationException("case 4711 content must not be logged") };
        gate.Release.SetResult();
        var logs = new CapturedLogs();

        var outcome = await Job(Instance(logs), gate, "failing").TickAsync(CancellationToken.None);

        Assert.Equal(JobOutcome.Failed, outcome);
        Assert.Contains("Job failing failed with InvalidOperationException", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", logs.AllText, StringComparison.Ordinal);
        Assert.Equal(0, await AdvisoryLocksHeldAsync());
        gate.Failure = null;
        Assert.Equal(JobOutcome.Completed, await Job(Instance(), gate, "failing").TickAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnUnreachableDatabase_FailsTheTick_WithoutThrowing()
    {
        var gate = new Gate();
        var logs = new CapturedLogs();
        var job = Job(Instance(logs, "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2"), gate, "offline");

        Assert.Equal(JobOutcome.Failed, await job.TickAsync(CancellationToken.None));
        Assert.Equal(0, gate.Runs);
        Assert.Contains("Job offline failed with", logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heartbeat_AsAHostedService_TicksAtStartAndStopsCleanly()
    {
        var logs = new CapturedLogs();
        var instance = Instance(logs);
        var heartbeat = new Heartbeat(instance.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            instance.GetRequiredService<ILogger<Heartbeat>>());

        await heartbeat.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!logs.AllText.Contains("Job heartbeat completed", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await heartbeat.StopAsync(CancellationToken.None);

        Assert.Contains("Heartbeat: database reachable True, pending migrations 0", logs.AllText, StringComparison.Ordinal);
        Assert.Contains("Job heartbeat completed in", logs.AllText, StringComparison.Ordinal);
        Assert.Equal(0, await AdvisoryLocksHeldAsync());
    }

    [Fact]
    public async Task AsAHostedService_AJobTicksAtStart_ThenOncePerInterval_OnTheInjectedClock()
    {
        var gate = new Gate();
        gate.Release.SetResult();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var instance = Instance();
        var job = new GatedJob(instance.GetRequiredService<IServiceScopeFactory>(), clock, instance.GetRequiredService<ILogger<GatedJob>>(), gate, "timed");

        await job.StartAsync(CancellationToken.None);
        try
        {
            await WaitForRunsAsync(gate, 1);

            // Not before its period: a second short of an hour, and nothing more runs.
            clock.Advance(job.Interval - TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.Equal(1, gate.Runs);

            clock.Advance(TimeSpan.FromSeconds(1));
            await WaitForRunsAsync(gate, 2);

            clock.Advance(job.Interval);
            await WaitForRunsAsync(gate, 3);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.Equal(3, gate.Runs);
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Waits (in real time, at most 30 s) until the job's body has run <paramref name="runs"/> times.</summary>
    private static async Task WaitForRunsAsync(Gate gate, int runs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (gate.Runs < runs && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(runs, gate.Runs);
    }

    /// <summary>Lets a test hold a tick inside the job's body and count how often the body ran.</summary>
    internal sealed class Gate
    {
        private int _runs;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Exception? Failure { get; set; }
        public int Runs => Volatile.Read(ref _runs);

        public async Task EnterAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _runs);
            Entered.TrySetResult();
            await Release.Task.WaitAsync(ct);
            if (Failure is { } failure)
            {
                throw failure;
            }
        }
    }

    internal sealed class GatedJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<GatedJob> logger, Gate gate, string name)
        : ScheduledJob(scopes, time, logger)
    {
        public override string Name => name;

        public override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override Task RunAsync(IServiceProvider services, CancellationToken ct) => gate.EnterAsync(ct);
    }
}
