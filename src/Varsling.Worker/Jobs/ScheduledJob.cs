using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Varsling.Core.Data;

namespace Varsling.Worker.Jobs;

/// <summary>What one tick of a job did.</summary>
internal enum JobOutcome
{
    /// <summary>This instance held the job's lock and the body ran to the end.</summary>
    Completed,

    /// <summary>Another instance held the job's lock, so this one did nothing.</summary>
    Skipped,

    /// <summary>The body (or taking the lock) threw; the exception's type was logged and the job carries on.</summary>
    Failed,
}

/// <summary>
/// The shape of every scheduled job (architecture.md §6): a <see cref="PeriodicTimer"/> on the injected
/// <see cref="TimeProvider"/> that ticks once at start and then every <see cref="Interval"/>, one DI scope per
/// tick, and a PostgreSQL session-level advisory lock per job so that of several Worker instances only one runs a
/// given job at a time; the others skip that tick. The lock is taken with <c>pg_try_advisory_lock</c> on a
/// connection of its own (unpooled, so closing it ends the session and releases the lock even if the explicit
/// unlock cannot run) and held for the whole tick. A failing tick is logged by exception type only and the next
/// tick runs as planned. Bodies must be idempotent: a tick skipped here is done by the instance holding the lock.
/// </summary>
internal abstract partial class ScheduledJob(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>A stable name: it appears in logs and chooses the job's advisory lock.</summary>
    public abstract string Name { get; }

    public abstract TimeSpan Interval { get; }

    public long LockKey => LockKeyFor(Name);

    /// <summary>The first 8 bytes (big-endian) of SHA-256("varsling.job:" + name): stable across instances and releases.</summary>
    public static long LockKeyFor(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("varsling.job:" + name)));

    /// <summary>One tick's work, with services from the tick's own scope. Runs only while this instance holds the lock.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs one tick now. Throws only when <paramref name="ct"/> is cancelled.</summary>
    public async Task<JobOutcome> TickAsync(CancellationToken ct)
    {
        var started = time.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
            var lockConnection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
            await using var connection = new NpgsqlConnection(lockConnection.ConnectionString);
            await connection.OpenAsync(ct);
            if (!await ScalarAsync(connection, "SELECT pg_try_advisory_lock($1)", ct))
            {
                LogSkipped(logger, Name);
                return JobOutcome.Skipped;
            }

            try
            {
                await RunAsync(scope.ServiceProvider, ct);
            }
            finally
            {
                // Not cancellable: a stopping Worker still hands the lock back before it closes the session.
                await ScalarAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None);
            }

            LogCompleted(logger, Name, (long)time.GetElapsedTime(started).TotalMilliseconds);
            return JobOutcome.Completed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, Name, e.GetType().Name);
            return JobOutcome.Failed;
        }
    }

    private async Task<bool> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = LockKey } } };
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Job {Job} completed in {ElapsedMs} ms")]
    private static partial void LogCompleted(ILogger logger, string job, long elapsedMs);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Job {Job} skipped: another instance holds its lock")]
    private static partial void LogSkipped(ILogger logger, string job);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Job {Job} failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string job, string exceptionType);
}
