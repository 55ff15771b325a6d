using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varsling.Core.Deadlines;

namespace Varsling.Worker.Jobs;

/// <summary>Sends due deadline reminders every 15 minutes; each reminder goes out once (see DeadlineReminders).</summary>
internal sealed class DeadlineReminderJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DeadlineReminderJob> logger)
    : ScheduledJob(scopes, time, logger)
{
    public override string Name => "deadline-reminders";

    public override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DeadlineReminders>().RunAsync(ct);
}
