using Microsoft.Extensions.Time.Testing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Statistics;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Core.Tests.Statistics;

/// <summary>
/// The anonymous share against a fixture computed by hand. Period 1 Mar – 30 Apr 2025.
/// <list type="bullet">
/// <item>Norwegian channel: 12 cases received 3 Mar, 5 of them with an identity record (one with two) → 7 anonymous,
/// 5 identified, 7/12 = 58 %.</item>
/// <item>Swedish channel: 8 cases received 15 Apr, 2 with identity → 6 and 2: the 2 is a small cell, so the row is
/// suppressed, and with it the Norwegian row, which would otherwise give it away from the overall figures.</item>
/// <item>Overall: 13 anonymous, 7 identified → 13/20 = 65 %.</item>
/// <item>Not counted: a Norwegian case with identity received 15 Feb; a case with identity in another organisation.</item>
/// </list>
/// </summary>
public sealed class AnonymousShareTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset s_march = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_april = new(2025, 4, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly SemaphoreSlim s_seed = new(1, 1);
    private static Guid? s_organisation;

    private async Task<(Guid Organisation, Guid NorwegianEntity)> SeedAsync()
    {
        await s_seed.WaitAsync();
        try
        {
            await using var root = database.Context();
            if (s_organisation is null)
            {
                await new DemoData(root, TimeProvider.System).SeedAsync();
                var orgs = await root.Organisations.ToDictionaryAsync(o => o.Slug);
                await AddCasesAsync(orgs[DemoData.NordlysSlug], "NO", s_march, anonymous: 7, identified: 5, doubleIdentity: true);
                await AddCasesAsync(orgs[DemoData.NordlysSlug], "SE", s_april, anonymous: 6, identified: 2);
                await AddCasesAsync(orgs[DemoData.NordlysSlug], "NO", new DateTimeOffset(2025, 2, 15, 9, 0, 0, TimeSpan.Zero), 0, 1);
                await AddCasesAsync(orgs[DemoData.FjellbergSlug], null, s_march, 0, 1);
                s_organisation = orgs[DemoData.NordlysSlug].Id;
            }

            var entity = await root.LegalEntities.IgnoreQueryFilters()
                .SingleAsync(e => e.OrganisationId == s_organisation && e.JurisdictionCode == "NO");
            return (s_organisation.Value, entity.Id);
        }
        finally
        {
            s_seed.Release();
        }
    }

    private async Task AddCasesAsync(Organisation org, string? jurisdiction, DateTimeOffset at, int anonymous, int identified, bool doubleIdentity = false)
    {
        await using var db = database.Context(org.Id);
        var channel = await db.Channels.Include(c => c.LegalEntity)
            .FirstAsync(c => jurisdiction == null || c.LegalEntity!.JurisdictionCode == jurisdiction);
        var clock = CaseClockContexts.For(org, channel.LegalEntity!, channel);
        var date = DateOnly.FromDateTime(at.UtcDateTime);
        for (var i = 0; i < anonymous + identified; i++)
        {
            var c = Case.Receive(Guid.NewGuid(), org.Id, channel.LegalEntityId, channel.Id, null, References.New("A-", 10), at, clock);
            db.Cases.Add(c);
            var key = CaseKeys.Generate();
            db.CaseRecords.Add(Record(org.Id, c.Id, 1, date, key, RecordKind.Answers));
            if (i >= anonymous)
            {
                db.CaseRecords.Add(Record(org.Id, c.Id, 2, date, key, RecordKind.Identity));
                if (doubleIdentity && i == anonymous)
                {
                    db.CaseRecords.Add(Record(org.Id, c.Id, 3, date, key, RecordKind.Identity));
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private static CaseRecord Record(Guid org, Guid caseId, int sequence, DateOnly date, byte[] key, RecordKind kind)
    {
        var id = Guid.NewGuid();
        return CaseRecord.Sealed(id, org, caseId, sequence, date, EntryAuthor.Reporter, null, kind,
            Records.Seal(key, caseId, id, kind, Encoding.UTF8.GetBytes("{}")));
    }

    private async Task<CaseStatisticsReport> ReportAsync(Guid? legalEntity = null)
    {
        var (org, _) = await SeedAsync();
        await using var db = database.Context(org);
        return await new CaseStatistics(db, new FakeTimeProvider(new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero)))
            .ComputeAsync(new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 30), legalEntity);
    }

    [Fact]
    public async Task Overall_CountsCasesWithoutAnIdentityRecordAsAnonymous()
    {
        var report = await ReportAsync();

        Assert.Equal(new Cell(13, false), report.Anonymity.Anonymous);
        Assert.Equal(new Cell(7, false), report.Anonymity.Identified);
        Assert.Equal(65, report.Anonymity.AnonymousPercent);
    }

    [Fact]
    public async Task ByChannel_ASmallCellSuppressesItsRow_AndTheRowThatWouldGiveItAway()
    {
        var report = await ReportAsync();

        Assert.Equal(["Varslingskanal Norge", "Visselblåsarkanal Sverige"], report.AnonymityByChannel.Select(r => r.Label));
        Assert.All(report.AnonymityByChannel, r =>
        {
            Assert.True(r.Anonymous.Suppressed);
            Assert.True(r.Identified.Suppressed);
            Assert.Null(r.AnonymousPercent);
        });
        Assert.Equal([(7, 5), (6, 2)], report.AnonymityByChannel.Select(r => (r.Anonymous.Value, r.Identified.Value)));
    }

    [Fact]
    public async Task ByChannel_ForOneLegalEntity_ShowsTheRowWhenNoCellIsSmall()
    {
        var (_, norway) = await SeedAsync();

        var report = await ReportAsync(norway);

        var row = Assert.Single(report.AnonymityByChannel);
        Assert.Equal(("7", "5", 58), (row.Anonymous.ToString(), row.Identified.ToString(), row.AnonymousPercent));
        Assert.Equal(58, report.Anonymity.AnonymousPercent);
    }

    [Theory]
    [InlineData(6, 0, false, 100)]
    [InlineData(0, 5, false, 0)]
    [InlineData(0, 0, false, null)]
    [InlineData(20, 4, true, null)]
    [InlineData(1, 30, true, null)]
    public void Row_SuppressesBothCountsWhenEitherIsSmall(int anonymous, int identified, bool suppressed, int? percent)
    {
        var row = AnonymityRows.Row("x", anonymous, identified);

        Assert.Equal((suppressed, suppressed, percent), (row.Anonymous.Suppressed, row.Identified.Suppressed, row.AnonymousPercent));
    }
}
