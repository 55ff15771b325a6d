using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;

namespace Varsling.Core.Retention;

/// <summary>A case as the legal team's hold list shows it: metadata only, never content.</summary>
public sealed record HoldCandidate(Guid CaseId, string Reference, string LegalEntity, CaseStatus Status, DateOnly? ClosedOn,
    DateOnly? PurgeDue, string? HoldReason, DateOnly? HoldSince);

/// <summary>The hold list: cases on hold, and closed cases whose purge comes within the look-ahead.</summary>
public sealed record HoldList(IReadOnlyList<HoldCandidate> OnHold, IReadOnlyList<HoldCandidate> PurgeSoon, DateOnly Until);

/// <summary>
/// Legal holds (compliance.md §2): the legal team pauses a case's purge with a reason, for as long as a claim,
/// litigation or an authority's order needs the case kept, and releases it afterwards. Each change is one transaction
/// with its audit row. The hold reason is stored on the case for the legal team; the audit row records only that a
/// hold was set or released, never the reason's text. The caller checks the legal role.
/// </summary>
public sealed partial class LegalHolds(VarslingDbContext db, AuditLog audit, TimeProvider time, ILogger<LegalHolds> logger)
{
    /// <summary>How far ahead the list shows closed cases about to be purged.</summary>
    public const int LookAheadDays = 90;

    public async Task<HoldList> ListAsync(CancellationToken ct = default)
    {
        var until = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(LookAheadDays);
        var rows = await (
                from c in db.Cases.AsNoTracking()
                join e in db.LegalEntities.AsNoTracking() on c.LegalEntityId equals e.Id
                where c.Status != CaseStatus.Purged
                      && (c.LegalHoldReason != null || (c.Status == CaseStatus.Closed && c.PurgeDue != null && c.PurgeDue <= until))
                orderby c.PurgeDue, c.Reference
                select new { c.Id, c.Reference, Entity = e.Name, c.Status, c.ClosedAt, c.PurgeDue, c.LegalHoldReason, c.LegalHoldSetAt })
            .ToListAsync(ct);
        var all = rows.Select(r => new HoldCandidate(r.Id, r.Reference, r.Entity, r.Status, Day(r.ClosedAt), r.PurgeDue, r.LegalHoldReason, Day(r.LegalHoldSetAt))).ToList();
        return new HoldList(all.Where(c => c.HoldReason is not null).ToList(), all.Where(c => c.HoldReason is null).ToList(), until);
    }

    /// <summary>Puts the case with this reference on hold (or replaces the reason of an existing hold).</summary>
    public async Task SetAsync(string reference, Guid userId, string reason, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await LockAsync(reference, ct);
        var replacing = c.OnLegalHold;
        c.SetLegalHold(reason, userId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.LegalHoldSet, c.Id,
            replacing ? "reason replaced" : $"status {c.Status}"), ct);
        await tx.CommitAsync(ct);
        LogHoldSet(logger, c.Id, userId);
    }

    /// <summary>Releases the hold; a closed case past its purge date is then purged by the next run.</summary>
    public async Task ReleaseAsync(string reference, Guid userId, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await LockAsync(reference, ct);
        c.ReleaseLegalHold();
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.LegalHoldReleased, c.Id,
            c.PurgeDue is { } due ? $"purge due {due:yyyy-MM-dd}" : null), ct);
        await tx.CommitAsync(ct);
        LogHoldReleased(logger, c.Id, userId);
    }

    /// <summary>The scope's case with this reference, row-locked so a purge run and a hold cannot interleave.</summary>
    private async Task<Case> LockAsync(string reference, CancellationToken ct)
    {
        var normalised = (reference ?? "").Trim().ToUpperInvariant();
        var id = await db.Cases.Where(c => c.Reference == normalised && c.Status != CaseStatus.Purged).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw new RuleViolationException("No case with that reference in your organisation.");
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cases WHERE id = {id} FOR UPDATE", ct);
        return await db.Cases.SingleAsync(c => c.Id == id, ct);
    }

    private static DateOnly? Day(DateTimeOffset? at) => at is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null;

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Legal hold set on case {CaseId} by {UserId}")]
    private static partial void LogHoldSet(ILogger logger, Guid caseId, Guid userId);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Legal hold released on case {CaseId} by {UserId}")]
    private static partial void LogHoldReleased(ILogger logger, Guid caseId, Guid userId);
}
