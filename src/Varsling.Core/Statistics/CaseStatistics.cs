using Microsoft.EntityFrameworkCore;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Organisations;
using Varsling.Crypto;

namespace Varsling.Core.Statistics;

/// <summary>A median in days, or null when fewer than <see cref="SmallCells.Threshold"/> cases contribute.</summary>
public sealed record Median(double? Days, int Cases);

/// <summary>A share of cases, shown only when at least <see cref="SmallCells.Threshold"/> cases are counted.</summary>
public sealed record Share(int Numerator, int Denominator)
{
    public bool Suppressed => Denominator < SmallCells.Threshold;

    /// <summary>0–100, rounded to a whole percent; null when suppressed.</summary>
    public int? Percent => Suppressed || Denominator == 0 ? null : (int)Math.Round(100.0 * Numerator / Denominator, MidpointRounding.AwayFromZero);
}

/// <summary>The statistics of one organisation for the cases received in a period.</summary>
public sealed record CaseStatisticsReport(
    DateOnly From,
    DateOnly To,
    Cell Total,
    IReadOnlyList<CountRow> ByChannel,
    IReadOnlyList<CountRow> ByCategory,
    IReadOnlyList<CountRow> ByMonth,
    Median DaysToAcknowledgement,
    Median DaysToFeedback,
    Median DaysToClosure,
    Share AcknowledgementDeadlinesMet,
    Share FeedbackDeadlinesMet,
    AnonymityRow Anonymity,
    IReadOnlyList<AnonymityRow> AnonymityByChannel);

/// <summary>
/// Counts and times for the scope's organisation, from the plaintext case metadata only (never content). Every
/// figure that describes fewer than five cases is suppressed. A case counts in the period when its receipt's local
/// date, in its legal entity's jurisdiction, falls within it.
/// </summary>
public sealed class CaseStatistics(VarslingDbContext db, TimeProvider time)
{
    public Task<IReadOnlyList<LegalEntityOption>> LegalEntitiesAsync(CancellationToken ct = default) => LegalEntityOptions.ListAsync(db, ct);

    public async Task<CaseStatisticsReport> ComputeAsync(DateOnly from, DateOnly to, Guid? legalEntityId = null, CancellationToken ct = default)
    {
        if (to < from)
        {
            throw new RuleViolationException("The period must end on or after its start.");
        }

        var entities = await db.LegalEntities.AsNoTracking().ToDictionaryAsync(e => e.Id, e => Jurisdictions.Get(e.JurisdictionCode), ct);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        // A day's margin either side: local dates differ from UTC dates by less than a day.
        var lower = new DateTimeOffset(from.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var upper = new DateTimeOffset(to.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var query = db.Cases.AsNoTracking().Where(c => c.ReceivedAt >= lower && c.ReceivedAt < upper && c.Status != CaseStatus.Purged);
        if (legalEntityId is { } entityId)
        {
            query = query.Where(c => c.LegalEntityId == entityId);
        }

        var cases = (await query.ToListAsync(ct))
            .Select(c => (Case: c, Jurisdiction: entities[c.LegalEntityId]))
            .Where(x => x.Jurisdiction.LocalDate(x.Case.ReceivedAt) is var d && d >= from && d <= to)
            .ToList();
        var now = time.GetUtcNow();

        // Anonymous means filed without an identity record; the server sees that a sealed identity record exists,
        // never what it says, so this reads no content.
        var identified = (await query.Where(c => db.CaseRecords.Any(r => r.CaseId == c.Id && r.Kind == RecordKind.Identity))
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var overall = AnonymityRows.Row("", cases.Count(x => !identified.Contains(x.Case.Id)), cases.Count(x => identified.Contains(x.Case.Id)));

        return new CaseStatisticsReport(
            from,
            to,
            SmallCells.Single(cases.Count),
            SmallCells.Table(cases.GroupBy(x => x.Case.ChannelId).OrderBy(g => channels[g.Key], StringComparer.Ordinal)
                .Select(g => (channels[g.Key], g.Count()))),
            SmallCells.Table(cases.GroupBy(x => x.Case.CategoryId).OrderBy(g => g.Key is null ? "" : categories[g.Key.Value], StringComparer.Ordinal)
                .Select(g => (g.Key is null ? "—" : categories[g.Key.Value], g.Count()))),
            SmallCells.Table(cases.GroupBy(x => x.Jurisdiction.LocalDate(x.Case.ReceivedAt) is var d ? new DateOnly(d.Year, d.Month, 1) : default)
                .OrderBy(g => g.Key).Select(g => (g.Key.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), g.Count()))),
            MedianDays(cases.Select(x => x.Case).Where(c => c.AcknowledgedAt is not null).Select(c => c.AcknowledgedAt!.Value - c.ReceivedAt)),
            MedianDays(cases.Select(x => x.Case).Where(c => c.FeedbackGivenAt is not null).Select(c => c.FeedbackGivenAt!.Value - c.ReceivedAt)),
            MedianDays(cases.Select(x => x.Case).Where(c => c.ClosedAt is not null).Select(c => c.ClosedAt!.Value - c.ReceivedAt)),
            Met(cases, now, c => c.AcknowledgementDue, c => c.AcknowledgedAt),
            Met(cases, now, c => c.FeedbackDue, c => c.FeedbackGivenAt),
            overall,
            AnonymityRows.Table(overall, cases.GroupBy(x => x.Case.ChannelId).OrderBy(g => channels[g.Key], StringComparer.Ordinal)
                .Select(g => (channels[g.Key], g.Count(x => !identified.Contains(x.Case.Id)), g.Count(x => identified.Contains(x.Case.Id))))));
    }

    /// <summary>
    /// Among cases whose deadline has been decided — met, or passed without the event — the share met. A case whose
    /// deadline is still ahead and not yet met is left out, since it can still go either way.
    /// </summary>
    private static Share Met(IEnumerable<(Case Case, Jurisdiction Jurisdiction)> cases, DateTimeOffset now,
        Func<Case, DateOnly> due, Func<Case, DateTimeOffset?> done)
    {
        int met = 0, decided = 0;
        foreach (var (c, j) in cases)
        {
            var dueEnd = j.StartOfDayUtc(due(c).AddDays(1));
            if (done(c) is { } at)
            {
                decided++;
                met += at < dueEnd ? 1 : 0;
            }
            else if (now >= dueEnd)
            {
                decided++;
            }
        }

        return new Share(met, decided);
    }

    private static Median MedianDays(IEnumerable<TimeSpan> spans)
    {
        var days = spans.Select(s => s.TotalDays).Order().ToList();
        if (days.Count < SmallCells.Threshold)
        {
            return new Median(null, days.Count);
        }

        var mid = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
        return new Median(Math.Round(median, 1, MidpointRounding.AwayFromZero), days.Count);
    }
}
