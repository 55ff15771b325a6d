using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Varsling.Core.Accounts;

namespace Varsling.Worker.Jobs;

/// <summary>
/// Deletes expired key sessions of every organisation (architecture.md §3: expiry deletes the blob), so a session
/// that simply went idle leaves no row behind. Needs no advisory lock: deleting what has expired is idempotent, and
/// two Workers doing it at once delete each row once.
/// </summary>
internal sealed partial class KeySessionPurge(IServiceScopeFactory scopes, ILogger<KeySessionPurge> logger, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One tick in its own scope; returns how many sessions were deleted.</summary>
    internal async Task<int> PurgeOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<KeyRing>().DeleteExpiredAsync(ct);
        if (deleted > 0)
        {
            LogPurged(logger, deleted);
        }

        return deleted;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Deleted {Count} expired key session(s)")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Key session purge failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
