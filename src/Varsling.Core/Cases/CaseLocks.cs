using Microsoft.EntityFrameworkCore;
using Varsling.Core.Data;
using Varsling.Crypto;

namespace Varsling.Core.Cases;

/// <summary>
/// How every back-office change to a case starts: the case must be the person's (organisation scope and a key
/// grant, else <see cref="NotFoundException"/>), it is locked for the rest of the transaction, and when the form
/// carried a version, the case must not have changed since (else <see cref="CaseChangedException"/>, nothing written).
/// </summary>
internal static class CaseLocks
{
    /// <summary>The case, untracked, if it is in the caller's organisation, not purged, and the person holds its shared key.</summary>
    internal static async Task<Case> FindAsync(VarslingDbContext db, Guid caseId, Guid userId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || c.Status is CaseStatus.Purged
            || !await db.CaseKeyGrants.AnyAsync(g => g.CaseId == caseId && g.UserId == userId && g.Kind == CaseKeyKind.Shared, ct))
        {
            throw new NotFoundException("No such case.");
        }

        return c;
    }

    /// <summary>
    /// The person's case, tracked, locked (FOR UPDATE) and checked against <paramref name="expectedVersion"/> when
    /// one is given. The row is then touched, so its version moves now and stays put for the rest of this
    /// transaction: later writers of entries (which touch it too) do not invalidate the tracked copy.
    /// </summary>
    internal static async Task<Case> LockAsync(VarslingDbContext db, Guid caseId, Guid userId, uint? expectedVersion, CancellationToken ct)
    {
        await FindAsync(db, caseId, userId, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM cases WHERE id = {caseId} FOR UPDATE", ct);
        var version = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync(ct);
        if (expectedVersion is { } expected && expected != version)
        {
            throw new CaseChangedException();
        }

        await TouchAsync(db, caseId, ct);
        // A copy tracked by an earlier unit of work in this context holds the old version; read the row afresh.
        foreach (var stale in db.ChangeTracker.Entries<Case>().Where(e => e.Entity.Id == caseId).ToList())
        {
            stale.State = EntityState.Detached;
        }

        return await db.Cases.SingleAsync(c => c.Id == caseId, ct);
    }

    /// <summary>
    /// Locks the case row and moves its version (xmin) without changing any value. A <see cref="Case"/> the same
    /// context tracked from before the touch then holds the old version, so writers of entries read the case
    /// untracked, or through <see cref="LockAsync"/>, which touches first and reads afterwards.
    /// </summary>
    internal static Task TouchAsync(VarslingDbContext db, Guid caseId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"UPDATE cases SET status = status WHERE id = {caseId}", ct);
}
