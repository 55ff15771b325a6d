using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;
using Varsling.Core.Statistics;
using Varsling.Testing;

namespace Varsling.Core.Tests.Statistics;

/// <summary>
/// Figures checked against a fixture computed by hand. Period 1 Mar – 30 Apr 2025, asked on 20 Apr 2025.
/// <list type="bullet">
/// <item>A1–A7: Norwegian channel, received Mon 3 Mar 09:00Z, acknowledged after 1, 2, 3, 4, 5, 6 and 10 days
/// (acknowledgement due Mon 10 Mar: six met, one late); A1–A5 given feedback after 30, 40, 50, 60, 70 days; A1–A3
/// closed.</item>
/// <item>B: received 28 Feb 23:30Z = 1 Mar 00:30 in Oslo (in the period), never acknowledged (due Mon 10 Mar: missed).</item>
/// <item>C: received 28 Feb 22:30Z = 28 Feb 23:30 in Oslo (before the period).</item>
/// <item>D1–D2: Swedish channel, received 15 Apr, not acknowledged, due 22 Apr (undecided).</item>
/// <item>E: another organisation.</item>
/// </list>
/// </summary>
public sealed class CaseStatisticsTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset s_a = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_asked = new(2025, 4, 20, 12, 0, 0, TimeSpan.Zero);
    private static int s_seeded;

    private async Task<Guid> SeedAsync()
    {
        await using var root = database.Context();
        if (Interlocked.Exchange(ref s_seeded, 1) == 0)
        {
            await new DemoData(root, TimeProvider.System).SeedAsync();
            var orgs = await root.Organisations.ToDictionaryAsync(o => o.Slug);
            await using var db = database.Context(orgs[DemoData.NordlysSlug].Id);
            var org = orgs[DemoData.NordlysSlug];
            var channels = await db.Channels.Include(c => c.LegalEntity).Include(c => c.Categories).ToListAsync();
            var no = channels.Single(c => c.LegalEntity!.JurisdictionCode == "NO");
            var se = channels.Single(c => c.LegalEntity!.JurisdictionCode == "SE");
            var noClock = CaseClockContexts.For(org, no.LegalEntity!, no);
            var seClock = CaseClockContexts.For(org, se.LegalEntity!, se);
            var n = 0;
            Case New(Channel channel, Guid? category, DateTimeOffset at, CaseClockContext clock)
            {
                var c = Case.Receive(Guid.NewGuid(), org.Id, channel.LegalEntityId, channel.Id, category, $"S-{++n}", at, clock);
                db.Cases.Add(c);
                return c;
            }

            int[] ackDays = [1, 2, 3, 4, 5, 6, 10];
            int[] feedbackDays = [30, 40, 50, 60, 70];
            int[] closeDays = [35, 45, 55];
            for (var i = 0; i < ackDays.Length; i++)
            {
                var c = New(no, no.Categories.Single(x => x.Name == "Trakassering og diskriminering").Id, s_a, noClock);
                c.Acknowledge(s_a.AddDays(ackDays[i]), noClock);
                if (i < feedbackDays.Length)
                {
                    c.GiveFeedback(s_a.AddDays(feedbackDays[i]));
                }

                if (i < closeDays.Length)
                {
                    c.Close(s_a.AddDays(closeDays[i]), CaseOutcome.NotSubstantiated, noClock);
                }
            }

            New(no, null, new DateTimeOffset(2025, 2, 28, 23, 30, 0, TimeSpan.Zero), noClock);
            New(no, null, new DateTimeOffset(2025, 2, 28, 22, 30, 0, TimeSpan.Zero), noClock);
            New(se, se.Categories.Single(x => x.Name == "Trakasserier").Id, new DateTimeOffset(2025, 4, 15, 9, 0, 0, TimeSpan.Zero), seClock);
            New(se, se.Categories.Single(x => x.Name == "Trakasserier").Id, new DateTimeOffset(2025, 4, 15, 9, 0, 0, TimeSpan.Zero), seClock);
            await db.SaveChangesAsync();

            var other = orgs[DemoData.FjellbergSlug];
            await using var otherDb = database.Context(other.Id);
            var channel = await otherDb.Channels.Include(c => c.LegalEntity).SingleAsync();
            otherDb.Cases.Add(Case.Receive(Guid.NewGuid(), other.Id, channel.LegalEntityId, channel.Id, null, "E-1",
                s_a.AddDays(2), CaseClockContexts.For(other, channel.LegalEntity!, channel)));
            await otherDb.SaveChangesAsync();
        }

        return await root.Organisations.Where(o => o.Slug == DemoData.NordlysSlug).Select(o => o.Id).SingleAsync();
    }

    private async Task<CaseStatisticsReport> ReportAsync()
    {
        var org = await SeedAsync();
        await using var db = database.Context(org);
        return await new CaseStatistics(db, new FakeTimeProvider(s_asked)).ComputeAsync(new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 30));
    }

    [Fact]
    public async Task Total_CountsCasesReceivedInThePeriodByLocalDate_InTheScopesOrganisationOnly()
    {
        var report = await ReportAsync();

        Assert.Equal(new Cell(10, false), report.Total);
    }

    [Fact]
    public async Task ByChannelAndMonth_SuppressSmallCells_AndTheCellThatWouldRevealThem()
    {
        var report = await ReportAsync();

        Assert.Equal([("Varslingskanal Norge", 8, true), ("Visselblåsarkanal Sverige", 2, true)],
            report.ByChannel.Select(r => (r.Label, r.Count.Value, r.Count.Suppressed)));
        Assert.Equal(["<5", "<5"], report.ByMonth.Select(r => r.Count.ToString()));
        Assert.Equal(["2025-03", "2025-04"], report.ByMonth.Select(r => r.Label));
    }

    [Fact]
    public async Task ByCategory_ShowsLargeCellsWhenTwoSmallOnesHideEachOther()
    {
        var report = await ReportAsync();

        var shown = report.ByCategory.ToDictionary(r => r.Label, r => r.Count.ToString());
        Assert.Equal("7", shown["Trakassering og diskriminering"]);
        Assert.Equal("<5", shown["—"]);
        Assert.Equal("<5", shown["Trakasserier"]);
    }

    [Fact]
    public async Task Medians_AreInDays_AndSuppressedBelowFiveCases()
    {
        var report = await ReportAsync();

        Assert.Equal(new Median(4.0, 7), report.DaysToAcknowledgement);
        Assert.Equal(new Median(50.0, 5), report.DaysToFeedback);
        Assert.Equal(new Median(null, 3), report.DaysToClosure);
    }

    [Fact]
    public async Task DeadlineShares_CountOnlyDecidedDeadlines()
    {
        var report = await ReportAsync();

        Assert.Equal(new Share(6, 8), report.AcknowledgementDeadlinesMet);
        Assert.Equal(75, report.AcknowledgementDeadlinesMet.Percent);
        Assert.Equal(new Share(5, 5), report.FeedbackDeadlinesMet);
        Assert.Equal(100, report.FeedbackDeadlinesMet.Percent);
    }

    [Fact]
    public async Task Period_EndingBeforeItStarts_IsRefused()
    {
        var org = await SeedAsync();
        await using var db = database.Context(org);

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            new CaseStatistics(db, new FakeTimeProvider(s_asked)).ComputeAsync(new DateOnly(2025, 4, 1), new DateOnly(2025, 3, 1)));
    }
}
