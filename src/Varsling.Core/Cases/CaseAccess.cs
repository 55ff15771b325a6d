using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Cases;

/// <summary>
/// Who works a case: assignment to one of the handlers who hold its keys, and recusal for a conflict of interest.
/// A recusal is cryptographic, not a flag: the person's key grants for the case are deleted in the same
/// transaction, so they can no longer decrypt anything of it, and a <see cref="CaseRecusal"/> row keeps the case's
/// keys from being wrapped to them again. Each change is one transaction that ends with its audit row.
/// </summary>
public sealed partial class CaseAccess(VarslingDbContext db, AuditLog audit, TimeProvider time, ILogger<CaseAccess> logger)
{
    /// <summary>The longest recusal reason.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>
    /// Assigns the case to <paramref name="assigneeId"/>, or unassigns it when null. Any handler who holds the
    /// case's keys may do this, for themselves or for another key holder; nobody else can be assigned.
    /// </summary>
    public async Task AssignAsync(Guid caseId, Guid userId, Guid? assigneeId, uint? expectedVersion = null, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await CaseLocks.LockAsync(db, caseId, userId, expectedVersion, ct);
        if (assigneeId is { } assignee && !await HoldsSharedKeyAsync(caseId, assignee, ct))
        {
            throw new RuleViolationException("A case can only be assigned to a handler who holds its keys.");
        }

        if (c.AssigneeId == assigneeId)
        {
            throw new RuleViolationException(assigneeId is null ? "The case is not assigned." : "The case is already assigned to that handler.");
        }

        c.AssignTo(assigneeId);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.CaseAssigned, caseId,
            assigneeId is { } a ? $"assignee {a}" : "unassigned"), ct);
        await tx.CommitAsync(ct);
        LogAssigned(logger, caseId, userId, assigneeId);
    }

    /// <summary>
    /// The person stands aside from the case for a conflict of interest. The reason is sealed as an internal note
    /// under the case's internal key (the other handlers read it; it usually names people, so never plaintext);
    /// then every key grant the person holds for the case is deleted and they are unassigned. Refused when no
    /// other handler holds the case's keys, so the case never becomes unreadable.
    /// </summary>
    public async Task RecuseAsync(Guid caseId, Guid userId, X25519KeyPair key, string reason, uint? expectedVersion = null, CancellationToken ct = default)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? throw new RuleViolationException("Give the reason you stand aside (it is sealed as an internal note).")
            : reason.Trim();
        if (text.Length > MaxReasonLength)
        {
            throw new RuleViolationException($"The reason can be at most {MaxReasonLength:N0} characters.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await CaseLocks.LockAsync(db, caseId, userId, expectedVersion, ct);
        var others = await db.CaseKeyGrants.CountAsync(g => g.CaseId == caseId && g.Holder == KeyHolder.Handler && g.Kind == CaseKeyKind.Shared
            && g.UserId != userId, ct);
        if (others == 0)
        {
            throw new RuleViolationException("You are the only handler who holds this case's keys; someone must keep access. Ask for another handler to be given the case first.");
        }

        var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(g => g.CaseId == caseId && g.UserId == userId && g.Kind == CaseKeyKind.Internal, ct)
            ?? throw new RuleViolationException("You do not hold this case's internal key, so the reason cannot be sealed.");
        var internalKey = CaseKeys.Unwrap(grant.WrappedKey, key, caseId, CaseKeyKind.Internal);
        var noteId = Guid.NewGuid();
        try
        {
            var today = await ReporterMailbox.LocalTodayAsync(db, time, c.LegalEntityId, ct);
            var sequence = await ReporterMailbox.NextSequenceAsync(db, caseId, ct);
            var content = Records.Seal(internalKey, caseId, noteId, RecordKind.Note, EntryJson.Encode(new MessageContent(text, [])));
            db.CaseRecords.Add(CaseRecord.HandlerOnly(noteId, c.OrganisationId, caseId, sequence, today, userId, RecordKind.Note, content));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(internalKey);
        }

        if (c.AssigneeId == userId)
        {
            c.AssignTo(null);
        }

        db.CaseRecusals.Add(new CaseRecusal(Guid.NewGuid(), c.OrganisationId, caseId, userId, noteId, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        var deleted = await db.CaseKeyGrants.Where(g => g.CaseId == caseId && g.UserId == userId).ExecuteDeleteAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.AccessRevoked, caseId,
            $"recused; {deleted} key grants deleted; reason note {noteId}"), ct);
        await tx.CommitAsync(ct);
        LogRecused(logger, caseId, userId, deleted);
    }

    /// <summary>True when the person stood aside from the case; the case's keys must not be wrapped to them again.</summary>
    public Task<bool> HasRecusedAsync(Guid caseId, Guid userId, CancellationToken ct = default) =>
        db.CaseRecusals.AnyAsync(r => r.CaseId == caseId && r.UserId == userId, ct);

    private Task<bool> HoldsSharedKeyAsync(Guid caseId, Guid userId, CancellationToken ct) =>
        db.CaseKeyGrants.AnyAsync(g => g.CaseId == caseId && g.UserId == userId && g.Holder == KeyHolder.Handler && g.Kind == CaseKeyKind.Shared, ct);

    [LoggerMessage(EventId = 4311, Level = LogLevel.Information, Message = "Handler {UserId} assigned case {CaseId} to {AssigneeId}")]
    private static partial void LogAssigned(ILogger logger, Guid caseId, Guid userId, Guid? assigneeId);

    [LoggerMessage(EventId = 4312, Level = LogLevel.Information, Message = "Handler {UserId} recused from case {CaseId}; {Deleted} key grants deleted")]
    private static partial void LogRecused(ILogger logger, Guid caseId, Guid userId, int deleted);
}
