using Microsoft.Extensions.DependencyInjection;
using Varsling.Worker.Jobs;

namespace Varsling.Worker;

public static class DependencyInjection
{
    /// <summary>The scheduled jobs the Worker runs in <c>run</c> mode.</summary>
    public static IServiceCollection AddWorkerJobs(this IServiceCollection services)
    {
        services.AddHostedService<Heartbeat>();
        services.AddHostedService<RetentionPurgeJob>();
        services.AddHostedService<DeadlineReminderJob>();
        services.AddHostedService<KeySessionPurge>();
        services.AddHostedService<IntakeCleanup>();
        return services;
    }
}
