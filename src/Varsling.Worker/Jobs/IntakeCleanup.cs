using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Varsling.Core.Attachments;
using Varsling.Core.Messaging;

namespace Varsling.Worker.Jobs;

/// <summary>
/// Deletes what the anonymous intake leaves behind: uploads no submission committed, once their lifetime is over,
/// and mailbox sessions past their idle timeout or cap. Both are plain idempotent deletes, so several Workers may
/// run it at once without a lock.
/// </summary>
internal sealed partial class IntakeCleanup(IServiceScopeFactory scopes, ILogger<IntakeCleanup> logger, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var uploads = await scope.ServiceProvider.GetRequiredService<UploadStore>().PurgeExpiredAsync(stoppingToken);
                var sessions = await scope.ServiceProvider.GetRequiredService<ReporterMailbox>().PurgeExpiredSessionsAsync(stoppingToken);
                LogCleaned(logger, uploads, sessions);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Intake cleanup: {Uploads} expired uploads and {Sessions} expired mailbox sessions deleted")]
    private static partial void LogCleaned(ILogger logger, int uploads, int sessions);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Intake cleanup failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
