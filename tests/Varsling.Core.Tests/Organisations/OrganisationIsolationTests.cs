using Microsoft.EntityFrameworkCore;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Core.Tests.Organisations;

/// <summary>Every organisation-owned query sees only the scope's organisation, and nothing without a scope.</summary>
public sealed class OrganisationIsolationTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private async Task<(Organisation Nordlys, Organisation Fjellberg)> SeedAsync()
    {
        await using (var db = database.Context())
        {
            await new DemoData(db, TimeProvider.System).SeedAsync();
        }

        await using var read = database.Context();
        var orgs = await read.Organisations.ToDictionaryAsync(o => o.Slug);
        foreach (var org in orgs.Values)
        {
            await using var scoped = database.Context(org.Id);
            if (!await scoped.Cases.AnyAsync())
            {
                var channel = await scoped.Channels.Include(c => c.LegalEntity).FirstAsync();
                var clock = new CaseClockContext(Jurisdictions.Get(channel.LegalEntity!.JurisdictionCode), ClockPolicy.Default, false);
                scoped.Cases.Add(Case.Receive(Guid.NewGuid(), org.Id, channel.LegalEntityId, channel.Id, channel.Categories.FirstOrDefault()?.Id,
                    "ISO-" + org.Slug, DateTimeOffset.UtcNow, clock));
                await scoped.SaveChangesAsync();
            }
        }

        return (orgs[DemoData.NordlysSlug], orgs[DemoData.FjellbergSlug]);
    }

    [Fact]
    public async Task ScopedContext_SeesOnlyItsOwnOrganisationsRows()
    {
        var (nordlys, fjellberg) = await SeedAsync();

        await using var db = database.Context(nordlys.Id);

        Assert.NotEmpty(await db.Cases.ToListAsync());
        Assert.All(await db.Cases.ToListAsync(), c => Assert.Equal(nordlys.Id, c.OrganisationId));
        Assert.All(await db.Channels.ToListAsync(), c => Assert.Equal(nordlys.Id, c.OrganisationId));
        Assert.All(await db.Categories.ToListAsync(), c => Assert.Equal(nordlys.Id, c.OrganisationId));
        Assert.Equal(2, await db.LegalEntities.CountAsync());
        Assert.Null(await db.Cases.FirstOrDefaultAsync(c => c.OrganisationId == fjellberg.Id));
        Assert.Null(await db.Cases.FirstOrDefaultAsync(c => c.Reference == "ISO-" + fjellberg.Slug));
    }

    [Fact]
    public async Task ScopedContext_CannotFindAnotherOrganisationsCaseById()
    {
        var (nordlys, fjellberg) = await SeedAsync();
        Guid fjellbergCase;
        await using (var theirs = database.Context(fjellberg.Id))
        {
            fjellbergCase = (await theirs.Cases.SingleAsync()).Id;
        }

        await using var db = database.Context(nordlys.Id);

        Assert.Null(await db.Cases.FindAsync(fjellbergCase));
        Assert.Null(await db.Cases.SingleOrDefaultAsync(c => c.Id == fjellbergCase));
    }

    [Fact]
    public async Task UnscopedContext_SeesNoOrganisationOwnedRows()
    {
        await SeedAsync();

        await using var db = database.Context();

        Assert.Empty(await db.Cases.ToListAsync());
        Assert.Empty(await db.Channels.ToListAsync());
        Assert.Empty(await db.LegalEntities.ToListAsync());
        Assert.Equal(2, await db.Cases.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public void Scope_OnceEntered_RefusesAnotherOrganisation()
    {
        var scope = new OrganisationScope();
        scope.Enter(Guid.NewGuid());

        Assert.Throws<InvalidOperationException>(() => scope.Enter(Guid.NewGuid()));
    }

    [Fact]
    public async Task DemoData_IsIdempotent()
    {
        await SeedAsync();
        await using var db = database.Context();

        var createdAgain = await new DemoData(db, TimeProvider.System).SeedAsync();

        Assert.Empty(createdAgain);
        Assert.Equal(2, await db.Organisations.CountAsync());
    }
}
