using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varsling.Core.Deadlines;
using Varsling.Core.Privacy;

namespace Varsling.Worker.Jobs;

/// <summary>
/// Sends due reminders every 15 minutes, each once: case deadlines and purges (DeadlineReminders), then unanswered
/// data-subject requests (RequestReminders).
/// </summary>
internal sealed class DeadlineReminderJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DeadlineReminderJob> logger)
    : ScheduledJob(scopes, time, logger)
{
    public override string Name => "deadline-reminders";

    public override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DeadlineReminders>().RunAsync(ct);
        await services.GetRequiredService<RequestReminders>().RunAsync(ct);
    }
}
