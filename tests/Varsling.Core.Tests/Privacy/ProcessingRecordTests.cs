using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Exports;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;
using Varsling.Testing;

namespace Varsling.Core.Tests.Privacy;

/// <summary>
/// The record of processing for Nordlys (demo data with a Norwegian and a Swedish entity), with a retention override
/// on the Swedish entity, a third-country transfer set, and two handlers and one legal-team member.
/// </summary>
public sealed class ProcessingRecordTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private static readonly DateTimeOffset s_now = new(2025, 9, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services = CoreServices.Build(database.ConnectionString, new FakeTimeProvider(s_now));
    /// <summary>Names with letters from Sámi, Polish and Cyrillic, which the PDF must print as themselves.</summary>
    private const string Transfers =
        "Support from a US processor under the EU–US Data Privacy Framework; contacts Áilu Ŋuolja (Đ č ŧ), Łucja Żak (ł ż), Алёна (ё), Bjørn Åsæther";
    private static readonly SemaphoreSlim s_seed = new(1, 1);
    private static Guid s_organisationId;

    public void Dispose() => _services.Dispose();

    private async Task<Guid> SeedAsync()
    {
        await s_seed.WaitAsync();
        try
        {
            if (s_organisationId != Guid.Empty)
            {
                return s_organisationId;
            }

            await using var db = database.Context();
            await new DemoData(db, TimeProvider.System).SeedAsync();
            var org = await db.Organisations.SingleAsync(o => o.Slug == DemoData.NordlysSlug);
            org.SetThirdCountryTransfers(Transfers);
            var se = await db.LegalEntities.IgnoreQueryFilters().SingleAsync(e => e.OrganisationId == org.Id && e.JurisdictionCode == "SE");
            se.SetRetention(12);
            await db.SaveChangesAsync();
            await using (var scope = _services.CreateAsyncScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
                await accounts.CreateUserAsync(DemoData.NordlysSlug, "h1@example.org", "Handler One", Roles.Handler);
                await accounts.CreateUserAsync(DemoData.NordlysSlug, "h2@example.org", "Handler Two", Roles.Handler);
                await accounts.CreateUserAsync(DemoData.NordlysSlug, "l1@example.org", "Legal One", Roles.Legal);
                await accounts.CreateUserAsync(DemoData.FjellbergSlug, "other@example.org", "Other Org", Roles.Legal);
            }

            s_organisationId = org.Id;
            return org.Id;
        }
        finally
        {
            s_seed.Release();
        }
    }

    private async Task<RecordOfProcessing> BuildAsync(DocumentLanguage language)
    {
        var org = await SeedAsync();
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(org);
        return await scope.ServiceProvider.GetRequiredService<ProcessingRecord>().BuildAsync(language);
    }

    private static string Item(RecordOfProcessing record, string label) =>
        record.Sections.SelectMany(s => s.Items).First(i => i.Label == label).Value;

    [Fact]
    public async Task Build_TakesControllerDpoProcessorsAndTransfers_FromTheSettings()
    {
        var record = await BuildAsync(DocumentLanguage.English);

        Assert.Equal("Nordlys Energi ASA", Item(record, "Controller"));
        Assert.Contains("personvern@nordlys.example", Item(record, "Contact"), StringComparison.Ordinal);
        Assert.Equal("Personvernombud, personvernombud@nordlys.example", Item(record, "Data protection officer"));
        Assert.Equal("Varsling-leverandøren (drift og lagring, databehandleravtale)", Item(record, "Processors"));
        Assert.Equal(Transfers, Item(record, "Transfers"));
        Assert.Equal(s_now, record.GeneratedAt);
    }

    [Fact]
    public async Task Build_CountsPeopleByRole_InTheOrganisationOnly()
    {
        var record = await BuildAsync(DocumentLanguage.English);

        Assert.StartsWith("2 people", Item(record, "Case handlers"), StringComparison.Ordinal);
        Assert.StartsWith("1 person", Item(record, "Legal team"), StringComparison.Ordinal);
        Assert.StartsWith("0 people", Item(record, "Administrators"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ListsRetentionPerLegalEntity_AndCitesTheLaws()
    {
        var record = await BuildAsync(DocumentLanguage.English);

        Assert.StartsWith("24 months after", Item(record, "Organisation"), StringComparison.Ordinal);
        Assert.Equal("24 months (the organisation's setting)", Item(record, "Nordlys Energi ASA"));
        Assert.Equal("12 months (the entity's own setting)", Item(record, "Nordlys Energi Sverige AB"));
        var laws = Item(record, "Laws");
        Assert.Contains("2019/1937", laws, StringComparison.Ordinal);
        Assert.Contains("chapter 2 A", laws, StringComparison.Ordinal);
        Assert.Contains("2021:890", laws, StringComparison.Ordinal);
        Assert.Contains("HPKE", Item(record, "End-to-end encryption"), StringComparison.Ordinal);
        Assert.Contains("TOTP", Item(record, "Two-factor sign-in"), StringComparison.Ordinal);
        Assert.Contains("hash-chained", Item(record, "Audit log"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_InNorwegian_WithoutTransfers_SaysNone()
    {
        await SeedAsync();
        await using (var db = database.Context())
        {
            var fjellberg = await db.Organisations.SingleAsync(o => o.Slug == DemoData.FjellbergSlug);
            await using var scope = _services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(fjellberg.Id);
            var record = await scope.ServiceProvider.GetRequiredService<ProcessingRecord>().BuildAsync(DocumentLanguage.Norwegian);

            Assert.Equal("ingen", Item(record, "Overføringer"));
            Assert.Equal("ikke utpekt", Item(record, "Personvernombud"));
            Assert.StartsWith("0 personer", Item(record, "Saksbehandlere"), StringComparison.Ordinal);
            Assert.StartsWith("1 person", Item(record, "Juridisk team"), StringComparison.Ordinal);
            Assert.Contains("arbeidsmiljøloven kapittel 2 A", Item(record, "Lover"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExportAsync_AuditsTheDownload_AndThePdfHasTheRecord()
    {
        var org = await SeedAsync();
        var userId = Guid.NewGuid();
        RecordOfProcessing record;
        await using (var scope = _services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(org);
            record = await scope.ServiceProvider.GetRequiredService<ProcessingRecord>().ExportAsync(userId, DocumentLanguage.Norwegian);
        }

        await using (var db = database.Context(org))
        {
            var events = await db.AuditEvents.IgnoreQueryFilters().Where(e => e.ActorId == userId).ToListAsync();
            var exported = Assert.Single(events);
            Assert.Equal(AuditAction.ExportCreated, exported.Action);
            Assert.Equal("Pdf record-of-processing", exported.Detail);
        }

        using var pdf = new MemoryStream();
        await ProcessingRecord.WritePdfAsync(record, pdf);
        var text = System.Text.RegularExpressions.Regex.Replace(await PdfTools.TextAsync(pdf.ToArray()), @"\s+", " ");
        Assert.Contains("Protokoll over behandlingsaktiviteter", text, StringComparison.Ordinal);
        Assert.Contains("Overføringer Support from a US processor", text, StringComparison.Ordinal);
        Assert.Contains("Áilu Ŋuolja (Đ č ŧ), Łucja Żak (ł ż), Алёна (ё), Bjørn Åsæther", text, StringComparison.Ordinal);
        Assert.Contains("Tagged:          yes", await PdfTools.InfoAsync(pdf.ToArray()), StringComparison.Ordinal);
        Assert.Contains("Nordlys Energi Sverige AB 12 måneder", text, StringComparison.Ordinal);
        Assert.Contains("Side 1 av ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SetThirdCountryTransfers_TooLong_IsRefused_AndBlankMeansNone()
    {
        var org = new Organisation(Guid.NewGuid(), "x", "X", s_now);
        Assert.Throws<RuleViolationException>(() => org.SetThirdCountryTransfers(new string('a', 2001)));
        org.SetThirdCountryTransfers("  ");
        Assert.Null(org.ThirdCountryTransfers);
    }
}
