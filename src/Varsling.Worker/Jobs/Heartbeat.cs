using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varsling.Core.Data;

namespace Varsling.Worker.Jobs;

/// <summary>
/// Proves, once a minute, that the Worker can reach the database, and logs the outcome only. Under the job lock
/// like every job, so with several Worker instances one of them reports each minute.
/// </summary>
internal sealed partial class Heartbeat(IServiceScopeFactory scopes, TimeProvider time, ILogger<Heartbeat> logger)
    : ScheduledJob(scopes, time, logger)
{
    public override string Name => "heartbeat";

    public override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<VarslingDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        LogTick(logger, await db.Database.CanConnectAsync(ct), pending);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Heartbeat: database reachable {Reachable}, pending migrations {Pending}")]
    private static partial void LogTick(ILogger logger, bool reachable, int pending);
}
