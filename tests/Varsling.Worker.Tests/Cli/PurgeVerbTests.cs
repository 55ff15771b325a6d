using Microsoft.EntityFrameworkCore;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Worker.Tests.Cli;

/// <summary><c>purge --dry-run</c> lists what would go and why; <c>purge</c> purges it.</summary>
public sealed class PurgeVerbTests
{
    [Fact]
    public async Task PurgeDryRun_ListsTheDueCaseWithItsReason_ThenPurgeRemovesIt()
    {
        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(connectionString, "seed-demo")).Code);
        Guid caseId;
        await using (var db = TestDb.Create(connectionString))
        {
            var org = await db.Organisations.SingleAsync(o => o.Slug == DemoData.FjellbergSlug);
            await using var scoped = TestDb.Create(connectionString, org.Id);
            var channel = await scoped.Channels.Include(c => c.LegalEntity).SingleAsync();
            var clock = CaseClockContexts.For(org, channel.LegalEntity!, channel);
            var c = Case.Receive(Guid.NewGuid(), org.Id, channel.LegalEntityId, channel.Id, null, "CLI-PURGE-1",
                new DateTimeOffset(2020, 1, 6, 9, 0, 0, TimeSpan.Zero), clock);
            c.Acknowledge(new DateTimeOffset(2020, 1, 7, 9, 0, 0, TimeSpan.Zero), clock);
            c.Close(new DateTimeOffset(2020, 2, 3, 9, 0, 0, TimeSpan.Zero), CaseOutcome.NotSubstantiated, clock);
            scoped.Cases.Add(c);
            await scoped.SaveChangesAsync();
            caseId = c.Id;
        }

        var dry = await CliRunner.RunAsync(connectionString, "purge", "--dry-run");
        Assert.Equal(0, dry.Code);
        Assert.Contains("fjellberg\tCLI-PURGE-1\tclosed 2020-02-03 + 24 months = due 2022-02-03", dry.Out, StringComparison.Ordinal);
        Assert.Contains("1 case(s) would be purged.", dry.Out, StringComparison.Ordinal);

        var run = await CliRunner.RunAsync(connectionString, "purge");
        Assert.Equal(0, run.Code);
        Assert.Contains("Purged 1 case(s)", run.Out, StringComparison.Ordinal);
        await using var read = TestDb.Create(connectionString);
        Assert.False(await read.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == caseId));
        Assert.Contains("0 case(s) would be purged.", (await CliRunner.RunAsync(connectionString, "purge", "--dry-run")).Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "many")]
    [InlineData("--force")]
    public async Task Purge_BadArguments_ExitWith2(params string[] args)
    {
        var (code, _, stderr) = await CliRunner.RunAsync("Host=127.0.0.1;Port=1;Username=x;Database=x", ["purge", .. args]);

        Assert.Equal(2, code);
        Assert.NotEqual("", stderr);
    }
}
