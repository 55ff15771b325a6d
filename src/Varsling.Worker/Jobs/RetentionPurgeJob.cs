using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Retention;

namespace Varsling.Worker.Jobs;

/// <summary>
/// Runs the retention purge. Hourly rather than daily, so a case goes within an hour of its purge date beginning
/// in its own jurisdiction; the purge is idempotent, so the extra runs cost one query each.
/// </summary>
internal sealed class RetentionPurgeJob(IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Logging.ILogger<RetentionPurgeJob> logger)
    : ScheduledJob(scopes, time, logger)
{
    public override string Name => "retention-purge";

    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<RetentionPurge>().RunAsync(ct: ct);
}
