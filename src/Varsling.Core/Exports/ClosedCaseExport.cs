using Microsoft.EntityFrameworkCore;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;

namespace Varsling.Core.Exports;

/// <summary>Whether a deadline was met, or by how many calendar days it was missed.</summary>
/// <param name="Due">The legal due date (local).</param>
/// <param name="Met">True when the event happened before the due day ended.</param>
/// <param name="DaysLate">Calendar days from the due date to the event (or to the export date if it never happened); 0 when met.</param>
public sealed record DeadlineOutcome(DateOnly Due, bool Met, int DaysLate);

/// <summary>
/// One closed case as the legal team may see it: the metadata, the deadline record and the closing summary. Never
/// the reporter's identity, the report text or messages.
/// </summary>
public sealed record ExportedCase(
    string Reference,
    string LegalEntity,
    string Channel,
    string? Category,
    DateOnly Received,
    DateOnly? Acknowledged,
    DateOnly? FeedbackGiven,
    DateOnly Closed,
    DeadlineOutcome Acknowledgement,
    DeadlineOutcome Feedback,
    CaseOutcome? Outcome,
    string? ClosingSummary,
    DateOnly? PurgeDue,
    bool LegalHold);

/// <summary>A legal entity's closed cases for a period, with the moment and the totals of the export.</summary>
public sealed record ClosedCaseExportData(
    string OrganisationName,
    string LegalEntity,
    DateOnly From,
    DateOnly To,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ExportedCase> Cases)
{
    public int AcknowledgementsMet => Cases.Count(c => c.Acknowledgement.Met);
    public int FeedbackMet => Cases.Count(c => c.Feedback.Met);
}

/// <summary>
/// Gathers the closed cases of one legal entity whose closure's local date falls in a period, for the scope's
/// organisation. The closing summary is sealed; the caller passes the decryption that its unlocked key allows
/// (the legal team's summary key), and a case whose summary it cannot open is exported with none.
/// </summary>
public sealed class ClosedCaseExport(VarslingDbContext db, TimeProvider time)
{
    public async Task<ClosedCaseExportData> GatherAsync(Guid legalEntityId, DateOnly from, DateOnly to,
        Func<Case, CancellationToken, Task<string?>> openSummary, CancellationToken ct = default)
    {
        if (to < from)
        {
            throw new RuleViolationException("The period must end on or after its start.");
        }

        var entity = await db.LegalEntities.AsNoTracking().SingleOrDefaultAsync(e => e.Id == legalEntityId, ct)
            ?? throw new NotFoundException("No such legal entity.");
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == entity.OrganisationId, ct);
        var jurisdiction = Jurisdictions.Get(entity.JurisdictionCode);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var lower = jurisdiction.StartOfDayUtc(from);
        var upper = jurisdiction.StartOfDayUtc(to.AddDays(1));
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.LegalEntityId == legalEntityId && c.Status == CaseStatus.Closed && c.ClosedAt >= lower && c.ClosedAt < upper)
            .OrderBy(c => c.ClosedAt).ThenBy(c => c.Reference)
            .ToListAsync(ct);

        var now = time.GetUtcNow();
        var today = jurisdiction.LocalDate(now);
        var rows = new List<ExportedCase>(cases.Count);
        foreach (var c in cases)
        {
            rows.Add(new ExportedCase(
                c.Reference,
                entity.Name,
                channels[c.ChannelId],
                c.CategoryId is { } category ? categories[category] : null,
                jurisdiction.LocalDate(c.ReceivedAt),
                c.AcknowledgedAt is { } a ? jurisdiction.LocalDate(a) : null,
                c.FeedbackGivenAt is { } f ? jurisdiction.LocalDate(f) : null,
                jurisdiction.LocalDate(c.ClosedAt!.Value),
                Judge(c.AcknowledgementDue, c.AcknowledgedAt, jurisdiction, today),
                Judge(c.FeedbackDue, c.FeedbackGivenAt, jurisdiction, today),
                c.Outcome,
                await openSummary(c, ct),
                c.PurgeDue,
                c.OnLegalHold));
        }

        return new ClosedCaseExportData(organisation.Name, entity.Name, from, to, now, rows);
    }

    private static DeadlineOutcome Judge(DateOnly due, DateTimeOffset? done, Jurisdiction jurisdiction, DateOnly today)
    {
        if (done is { } at && at < jurisdiction.StartOfDayUtc(due.AddDays(1)))
        {
            return new DeadlineOutcome(due, Met: true, DaysLate: 0);
        }

        var happened = done is { } late ? jurisdiction.LocalDate(late) : today;
        return new DeadlineOutcome(due, Met: false, Math.Max(0, happened.DayNumber - due.DayNumber));
    }
}
