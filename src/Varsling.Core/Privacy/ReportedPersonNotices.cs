using Microsoft.EntityFrameworkCore;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;

namespace Varsling.Core.Privacy;

/// <summary>Where informing a case's reported person stands.</summary>
public enum NoticeState
{
    /// <summary>Nothing recorded yet: the one-month clock of GDPR Art. 14(3) runs.</summary>
    Pending,

    /// <summary>The person was informed. Final.</summary>
    Informed,

    /// <summary>Deferred on a recorded ground; the review date is the next date that matters.</summary>
    Deferred,
}

/// <summary>
/// A case's reported-person notice as a handler sees it. <see cref="Due"/> is the Art. 14(3) deadline (one month
/// from receipt, rolled forward). <see cref="Marker"/> says where the date that matters now stands: the notice
/// deadline while pending, the review date while deferred, nothing once informed.
/// </summary>
public sealed record ReportedPersonNoticeView(Guid CaseId, string CaseReference, DateOnly Received, Deadline Due, NoticeState State,
    DeadlineStatus? Marker, DateOnly? InformedOn, bool? InformedInTime, NoticeDeferralGround? Ground, DateOnly? ReviewOn,
    IReadOnlyList<ReportedPersonNotice> History, DateOnly Today);

/// <summary>
/// Records whether and when a case's reported person was informed (GDPR Art. 14; compliance.md §1), or why and
/// until when that was deferred. Only a handler who holds a key for the case may read or record it; any other
/// case, or one of another organisation, is "not found". Each entry is saved with its audit event in one
/// transaction; the audit detail names dates and the ground only.
/// </summary>
public sealed class ReportedPersonNotices(VarslingDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>A pending notice or a deferral's review within this many days is marked due soon.</summary>
    public const int DueSoonDays = 7;

    public async Task<ReportedPersonNoticeView> GetAsync(Guid caseId, Guid userId, CancellationToken ct = default)
    {
        var (c, jurisdiction) = await FindAsync(caseId, userId, ct);
        // Entries recorded at the same instant still have one order: an informed entry is final, so it comes last,
        // and of two deferrals the later review date stands.
        var history = (await db.ReportedPersonNotices.AsNoTracking().Where(n => n.CaseId == caseId).ToListAsync(ct))
            .OrderBy(n => n.RecordedAt).ThenBy(n => n.Kind == ReportedPersonNoticeKind.Informed).ThenBy(n => n.ReviewOn).ToList();
        var now = time.GetUtcNow();
        var due = RequestClock.ReportedPersonNoticeDue(c.ReceivedAt, jurisdiction);
        var latest = history.LastOrDefault();
        var received = jurisdiction.LocalDate(c.ReceivedAt);
        var today = jurisdiction.LocalDate(now);
        return latest switch
        {
            null => new(c.Id, c.Reference, received, due, NoticeState.Pending, due.Status(now, DueSoonDays), null, null, null, null, history, today),
            { Kind: ReportedPersonNoticeKind.Informed } => new(c.Id, c.Reference, received, due, NoticeState.Informed, null,
                latest.InformedOn, latest.InformedOn <= due.Due, null, null, history, today),
            { Kind: ReportedPersonNoticeKind.Deferred } => new(c.Id, c.Reference, received, due, NoticeState.Deferred,
                new Deadline(latest.ReviewOn!.Value, latest.ReviewOn.Value, jurisdiction.StartOfDayUtc(latest.ReviewOn.Value.AddDays(1))).Status(now, DueSoonDays),
                null, null, latest.Ground, latest.ReviewOn, history, today),
            _ => throw new InvalidOperationException("Unknown notice kind."),
        };
    }

    /// <summary>Records that the reported person was informed on <paramref name="informedOn"/> (a local date).</summary>
    public async Task RecordInformedAsync(Guid caseId, Guid userId, DateOnly? informedOn, CancellationToken ct = default)
    {
        var (c, jurisdiction) = await FindAsync(caseId, userId, ct);
        if (informedOn is not { } on)
        {
            throw new RuleViolationException("Give the date the reported person was informed.");
        }

        await RequireNotInformedAsync(caseId, ct);
        var received = jurisdiction.LocalDate(c.ReceivedAt);
        var now = time.GetUtcNow();
        if (on < received)
        {
            throw new RuleViolationException(
                $"The reported person cannot have been informed on {on:yyyy-MM-dd}, before the report was received on {received:yyyy-MM-dd}.");
        }

        if (on > jurisdiction.LocalDate(now))
        {
            throw new RuleViolationException("The date the reported person was informed cannot be in the future.");
        }

        db.ReportedPersonNotices.Add(ReportedPersonNotice.Informed(Guid.NewGuid(), c.OrganisationId, c.Id, on, now, userId));
        await SaveAuditedAsync(c, userId, $"informed {on:yyyy-MM-dd}", ct);
    }

    /// <summary>Defers informing on <paramref name="ground"/> until <paramref name="reviewOn"/>, a local date after today.</summary>
    public async Task DeferAsync(Guid caseId, Guid userId, NoticeDeferralGround? ground, DateOnly? reviewOn, CancellationToken ct = default)
    {
        var (c, jurisdiction) = await FindAsync(caseId, userId, ct);
        if (ground is not { } g || !Enum.IsDefined(g))
        {
            throw new RuleViolationException("Choose the legal ground for deferring the notice.");
        }

        if (reviewOn is not { } review)
        {
            throw new RuleViolationException("Give the date by which the deferral will be reviewed.");
        }

        await RequireNotInformedAsync(caseId, ct);
        var now = time.GetUtcNow();
        var today = jurisdiction.LocalDate(now);
        if (review <= today)
        {
            throw new RuleViolationException(
                $"The review date {review:yyyy-MM-dd} must be after today ({today:yyyy-MM-dd}); a deferral that is not reviewed in the future defers nothing.");
        }

        db.ReportedPersonNotices.Add(ReportedPersonNotice.Deferred(Guid.NewGuid(), c.OrganisationId, c.Id, g, review, now, userId));
        await SaveAuditedAsync(c, userId, $"deferred {g} review {review:yyyy-MM-dd}", ct);
    }

    private async Task RequireNotInformedAsync(Guid caseId, CancellationToken ct)
    {
        var informed = await db.ReportedPersonNotices.AsNoTracking()
            .Where(n => n.CaseId == caseId && n.Kind == ReportedPersonNoticeKind.Informed)
            .Select(n => n.InformedOn).FirstOrDefaultAsync(ct);
        if (informed is { } on)
        {
            throw new RuleViolationException($"The reported person is already recorded as informed on {on:yyyy-MM-dd}; that record is final.");
        }
    }

    private async Task SaveAuditedAsync(Case c, Guid userId, string detail, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.ReportedPersonNoticeRecorded, c.Id, detail), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The case, if it is in scope, not purged, and the person holds a key for it; else not found.</summary>
    private async Task<(Case Case, Jurisdiction Jurisdiction)> FindAsync(Guid caseId, Guid userId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking()
            .Where(x => x.Id == caseId && x.Status != CaseStatus.Purged && db.CaseKeyGrants.Any(g => g.CaseId == x.Id && g.UserId == userId))
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("No such case.");
        var code = await db.LegalEntities.AsNoTracking().Where(e => e.Id == c.LegalEntityId).Select(e => e.JurisdictionCode).SingleAsync(ct);
        return (c, Jurisdictions.Get(code));
    }
}
