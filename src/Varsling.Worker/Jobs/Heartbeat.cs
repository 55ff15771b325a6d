using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Varsling.Core.Data;

namespace Varsling.Worker.Jobs;

/// <summary>
/// Proves the Worker can reach the database, once a minute, and logs the outcome only. It is the pattern the
/// scheduled jobs follow: a <see cref="PeriodicTimer"/>, one DI scope per tick, catch, log and carry on.
/// </summary>
internal sealed partial class Heartbeat(IServiceScopeFactory scopes, ILogger<Heartbeat> logger, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(stoppingToken)).Count();
                LogTick(logger, await db.Database.CanConnectAsync(stoppingToken), pending);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Heartbeat: database reachable {Reachable}, pending migrations {Pending}")]
    private static partial void LogTick(ILogger logger, bool reachable, int pending);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Heartbeat failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
