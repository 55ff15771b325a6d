using Microsoft.EntityFrameworkCore;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Worker.Tests.Cli;

/// <summary><c>migrate</c> and <c>seed-demo</c> against a real, empty PostgreSQL database.</summary>
public sealed class DatabaseVerbTests
{
    [Fact]
    public async Task Migrate_ThenSeedDemo_CreatesTheSchemaAndTwoOrganisations_AndBothAreRepeatable()
    {
        var connectionString = await PostgresServer.Shared.CreateEmptyDatabaseAsync();

        var migrate = await CliRunner.RunAsync(connectionString, "migrate");
        Assert.Equal(0, migrate.Code);
        Assert.Matches(@"^Applied \d+ migration\(s\): 20261122100000_Initial, ", migrate.Out);
        Assert.Contains("20261122113000_AuditAndKeyRing", migrate.Out, StringComparison.Ordinal);
        Assert.Contains("20261122110000_Accounts", migrate.Out, StringComparison.Ordinal);
        Assert.Contains("20261122120000_Reports", migrate.Out, StringComparison.Ordinal);
        Assert.Equal("Database is up to date.", (await CliRunner.RunAsync(connectionString, "migrate")).Out.Trim());

        var seed = await CliRunner.RunAsync(connectionString, "seed-demo");
        Assert.Equal(0, seed.Code);
        Assert.Contains("nordlys, fjellberg", seed.Out, StringComparison.Ordinal);
        Assert.Matches(@"Demo handler for nordlys: kari\.demo@nordlys\.example / password ""[^""]+"" / authenticator key [A-Z2-7]{16,}", seed.Out);
        Assert.Equal("Demo data already present.", (await CliRunner.RunAsync(connectionString, "seed-demo")).Out.Trim());

        await using var db = TestDb.Create(connectionString);
        var orgs = await db.Organisations.OrderBy(o => o.Slug).Select(o => o.Slug).ToListAsync();
        Assert.Equal([DemoData.FjellbergSlug, DemoData.NordlysSlug], orgs);
        var jurisdictions = await db.LegalEntities.IgnoreQueryFilters().Select(e => e.JurisdictionCode).Distinct().OrderBy(c => c).ToListAsync();
        Assert.Equal(["NO", "SE"], jurisdictions);
        Assert.True(await db.Categories.IgnoreQueryFilters().CountAsync() >= 8);
        // Every demo channel has a reader, so the intake accepts reports on it.
        var channels = await db.Channels.IgnoreQueryFilters().Select(c => c.Id).ToListAsync();
        var covered = await db.ChannelRecipients.IgnoreQueryFilters().Select(r => r.ChannelId).Distinct().ToListAsync();
        Assert.Equal(channels.Order(), covered.Order());
        Assert.Matches(@"Demo legal for nordlys: lars\.legal@nordlys\.example / password ""[^""]+"" / authenticator key [A-Z2-7]{16,}", seed.Out);
        Assert.Matches(@"Demo admin for nordlys: anna\.admin@nordlys\.example / password ""[^""]+"" / authenticator key [A-Z2-7]{16,}", seed.Out);
        Assert.Equal(4, await db.UserKeys.IgnoreQueryFilters().CountAsync());
        // Only the handlers receive cases; the legal and admin demo people are members of no channel.
        Assert.Equal(2, await db.ChannelRecipients.IgnoreQueryFilters().Select(r => r.UserId).Distinct().CountAsync());
        Assert.All(await db.Users.ToListAsync(), u => Assert.True(u.TwoFactorEnabled));
    }

    [Fact]
    public async Task SeedDemo_OnAnUnmigratedDatabase_AsksForMigrateFirst()
    {
        var connectionString = await PostgresServer.Shared.CreateEmptyDatabaseAsync();

        var (code, _, stderr) = await CliRunner.RunAsync(connectionString, "seed-demo");

        Assert.Equal(2, code);
        Assert.Contains("run 'migrate' first", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WithoutConnectionString_SaysWhatToSet()
    {
        var (code, _, stderr) = await CliRunner.RunAsync(null, "migrate");

        Assert.Equal(1, code);
        Assert.Contains("ConnectionStrings__Varsling", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WhenTheDatabaseIsUnreachable_FailsWithExitCode1()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2", "migrate");

        Assert.Equal(1, code);
        Assert.StartsWith("Database error:", stderr, StringComparison.Ordinal);
    }
}
