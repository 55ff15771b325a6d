using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varsling.Core.Attachments;
using Varsling.Core.Messaging;

namespace Varsling.Worker.Jobs;

/// <summary>
/// Deletes what the anonymous intake leaves behind: uploads no submission committed, once their lifetime is over,
/// and mailbox sessions past their idle timeout or cap. Both are idempotent deletes; the job lock only saves
/// duplicate work.
/// </summary>
internal sealed partial class IntakeCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<IntakeCleanup> logger)
    : ScheduledJob(scopes, time, logger)
{
    public override string Name => "intake-cleanup";

    public override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var uploads = await services.GetRequiredService<UploadStore>().PurgeExpiredAsync(ct);
        var sessions = await services.GetRequiredService<ReporterMailbox>().PurgeExpiredSessionsAsync(ct);
        LogCleaned(logger, uploads, sessions);
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Intake cleanup: {Uploads} expired uploads and {Sessions} expired mailbox sessions deleted")]
    private static partial void LogCleaned(ILogger logger, int uploads, int sessions);
}
