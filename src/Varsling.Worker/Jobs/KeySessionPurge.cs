using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varsling.Core.Accounts;

namespace Varsling.Worker.Jobs;

/// <summary>
/// Deletes expired key sessions of every organisation (architecture.md §3: expiry deletes the blob), so a session
/// that simply went idle leaves no row behind. The delete is idempotent; the job lock only saves duplicate work.
/// </summary>
internal sealed partial class KeySessionPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<KeySessionPurge> logger)
    : ScheduledJob(scopes, time, logger)
{
    public override string Name => "key-session-purge";

    public override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var deleted = await services.GetRequiredService<KeyRing>().DeleteExpiredAsync(ct);
        if (deleted > 0)
        {
            LogPurged(logger, deleted);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Deleted {Count} expired key session(s)")]
    private static partial void LogPurged(ILogger logger, int count);
}
