using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varsling.Core;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;
using Varsling.Testing;
using Varsling.Worker.Jobs;

namespace Varsling.Worker.Tests.Jobs;

/// <summary>The purge job's tick purges what is due, under the job lock, on the injected clock.</summary>
public sealed class RetentionPurgeJobTests
{
    [Fact]
    public async Task Tick_PurgesTheDueCase_AndLeavesTheOneDueTomorrow()
    {
        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        Guid dueId, tomorrowId;
        await using (var db = TestDb.Create(connectionString))
        {
            await new DemoData(db, TimeProvider.System).SeedAsync();
            var org = await db.Organisations.SingleAsync(o => o.Slug == DemoData.FjellbergSlug);
            await using var scoped = TestDb.Create(connectionString, org.Id);
            var channel = await scoped.Channels.Include(c => c.LegalEntity).SingleAsync();
            var clock = CaseClockContexts.For(org, channel.LegalEntity!, channel);
            Case Closed(string reference, DateTimeOffset closedAt)
            {
                var c = Case.Receive(Guid.NewGuid(), org.Id, channel.LegalEntityId, channel.Id, null, reference, closedAt.AddDays(-20), clock);
                c.Acknowledge(closedAt.AddDays(-19), clock);
                c.Close(closedAt, CaseOutcome.Withdrawn, clock);
                scoped.Cases.Add(c);
                return c;
            }

            dueId = Closed("JOB-1", new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero)).Id;      // due 2026-05-06
            tomorrowId = Closed("JOB-2", new DateTimeOffset(2024, 5, 7, 10, 0, 0, TimeSpan.Zero)).Id; // due 2026-05-07
            await scoped.SaveChangesAsync();
        }

        var services = new ServiceCollection();
        services.AddLogging();
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 5, 6, 8, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(now);
        services.AddVarslingCore(new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Varsling", connectionString)]).Build());
        await using var provider = services.BuildServiceProvider();
        var job = new RetentionPurgeJob(provider.GetRequiredService<IServiceScopeFactory>(), now,
            provider.GetRequiredService<ILogger<RetentionPurgeJob>>());

        Assert.Equal(JobOutcome.Completed, await job.TickAsync(CancellationToken.None));

        await using var read = TestDb.Create(connectionString);
        Assert.False(await read.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == dueId));
        Assert.True(await read.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == tomorrowId));
        Assert.Equal(TimeSpan.FromHours(1), job.Interval);
    }
}
