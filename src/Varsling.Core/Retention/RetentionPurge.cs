using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Organisations;

namespace Varsling.Core.Retention;

/// <summary>A closed case whose purge date has come, and why it goes.</summary>
public sealed record PurgeCandidate(Guid CaseId, Guid OrganisationId, string OrganisationSlug, string Reference,
    DateOnly ClosedOn, DateOnly PurgeDue, int RetentionMonths);

/// <summary>What one purge run did.</summary>
public sealed record PurgeRun(int Purged, int Skipped);

/// <summary>
/// Purges closed cases whose purge date has come (compliance.md §2). Works across organisations by design — it
/// is the operator's and the Worker's job, never a web request's — and says so with IgnoreQueryFilters.
/// <para>Guarantees: each case is purged in its own transaction, with its row locked and its eligibility checked
/// again under the lock, so a crash leaves every case either whole or gone and a concurrent legal hold or reopening
/// wins; the case's wrapped keys are deleted before its other rows; a content-free <see cref="PurgeRecord"/> is
/// and a CasePurged audit event are written in the same transaction. Nothing is purged before its purge date in the case's own jurisdiction.</para>
/// </summary>
public sealed partial class RetentionPurge(VarslingDbContext db, AuditLog audit, TimeProvider time, ILogger<RetentionPurge> logger)
{
    /// <summary>Closed, not on hold, and purge date reached in the case's jurisdiction, oldest first.</summary>
    public async Task<IReadOnlyList<PurgeCandidate>> FindDueAsync(int? limit = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        // No jurisdiction is more than a day ahead of UTC, so this bound never misses a due case; the exact local
        // check follows in memory.
        var latest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var rows = await (
                from c in db.Cases.IgnoreQueryFilters()
                join e in db.LegalEntities.IgnoreQueryFilters() on c.LegalEntityId equals e.Id
                join o in db.Organisations on c.OrganisationId equals o.Id
                where c.Status == CaseStatus.Closed && c.LegalHoldReason == null && c.PurgeDue != null && c.PurgeDue <= latest
                orderby c.PurgeDue, c.Id
                select new { c.Id, c.OrganisationId, o.Slug, c.Reference, c.ClosedAt, c.PurgeDue, e.JurisdictionCode, Retention = e.RetentionMonths ?? o.RetentionMonths })
            .AsNoTracking()
            .ToListAsync(ct);

        var due = rows
            .Select(r => (Row: r, Jurisdiction: Jurisdictions.Get(r.JurisdictionCode)))
            .Where(x => x.Jurisdiction.LocalDate(now) >= x.Row.PurgeDue!.Value)
            .Select(x => new PurgeCandidate(x.Row.Id, x.Row.OrganisationId, x.Row.Slug, x.Row.Reference,
                x.Jurisdiction.LocalDate(x.Row.ClosedAt!.Value), x.Row.PurgeDue!.Value, x.Row.Retention));
        return limit is { } n ? due.Take(n).ToList() : due.ToList();
    }

    /// <summary>Purges every due case, one transaction each; a case that stopped being due meanwhile is skipped.</summary>
    public async Task<PurgeRun> RunAsync(int? limit = null, CancellationToken ct = default)
    {
        int purged = 0, skipped = 0;
        foreach (var candidate in await FindDueAsync(limit, ct))
        {
            ct.ThrowIfCancellationRequested();
            if (await PurgeAsync(candidate.CaseId, ct))
            {
                purged++;
            }
            else
            {
                skipped++;
            }
        }

        LogRun(logger, purged, skipped);
        return new PurgeRun(purged, skipped);
    }

    /// <summary>Purges one case if it is still due; returns false (and changes nothing) if it is not.</summary>
    public async Task<bool> PurgeAsync(Guid caseId, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var c = await db.Cases.FromSql($"SELECT c.*, c.xmin FROM cases c WHERE c.id = {caseId} FOR UPDATE")
                .IgnoreQueryFilters()
                .SingleOrDefaultAsync(ct);
            if (c is null)
            {
                return false;
            }

            var entity = await db.LegalEntities.IgnoreQueryFilters().SingleAsync(e => e.Id == c.LegalEntityId, ct);
            var jurisdiction = Jurisdictions.Get(entity.JurisdictionCode);
            var now = time.GetUtcNow();
            if (!c.IsDueForPurge(jurisdiction.LocalDate(now)))
            {
                LogSkipped(logger, c.Id);
                return false;
            }

            c.MarkPurged(jurisdiction.LocalDate(now));
            var category = c.CategoryId is { } categoryId
                ? await db.Categories.IgnoreQueryFilters().Where(x => x.Id == categoryId).Select(x => x.Name).SingleOrDefaultAsync(ct)
                : null;
            db.Add(new PurgeRecord(Guid.NewGuid(), c.OrganisationId, c.LegalEntityId, c.ChannelId, c.Reference, category,
                jurisdiction.LocalDate(c.ReceivedAt), jurisdiction.LocalDate(c.ClosedAt!.Value), c.PurgeDue!.Value, now, c.Outcome));
            await db.SaveChangesAsync(ct);

            await DeleteCaseRowsAsync(c.Id, ct);
            // Last step before commit: the audit append serialises on the chain head until the commit.
            await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.System, AuditAction.CasePurged, c.Id,
                $"purge due {c.PurgeDue:yyyy-MM-dd}"), ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            LogPurged(logger, c.Id);
            return true;
        });
    }

    /// <summary>
    /// Keys first — the case keys wrapped to handlers and reporter, and the reporter's wrapped private key — then
    /// the case, from which its records, attachments, chunks and sessions cascade.
    /// </summary>
    private async Task DeleteCaseRowsAsync(Guid caseId, CancellationToken ct)
    {
        await db.CaseKeyGrants.IgnoreQueryFilters().Where(g => g.CaseId == caseId).ExecuteDeleteAsync(ct);
        await db.ReporterCredentials.IgnoreQueryFilters().Where(r => r.CaseId == caseId).ExecuteDeleteAsync(ct);
        await db.Cases.IgnoreQueryFilters().Where(c => c.Id == caseId).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Purged case {CaseId}")]
    private static partial void LogPurged(ILogger logger, Guid caseId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Case {CaseId} is no longer due for purge; skipped")]
    private static partial void LogSkipped(ILogger logger, Guid caseId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Purge run finished: {Purged} purged, {Skipped} skipped")]
    private static partial void LogRun(ILogger logger, int purged, int skipped);
}
