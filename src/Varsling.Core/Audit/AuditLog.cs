using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Varsling.Core.Data;

namespace Varsling.Core.Audit;

/// <summary>
/// Appends events to the audit log's single, global hash chain.
/// <para>
/// Transactions: when the DbContext has a current transaction, the row is written inside it, so the audited action
/// and its audit row commit or roll back together; otherwise the append runs in a transaction of its own. The
/// caller's transaction must be READ COMMITTED (PostgreSQL's default): under a snapshot taken before the lock, the
/// last hash read could be stale and the chain would fork, so other levels are refused.
/// </para>
/// <para>
/// Concurrency: the append takes a transaction-level advisory lock (<see cref="LockKey"/>), reads the last hash and
/// inserts, so appends from every process are serialised and the chain stays linear. The lock is held until the
/// caller's transaction ends; append as the last step before committing and keep that transaction short, because
/// every other append in the deployment waits for it.
/// </para>
/// <para>
/// The row is inserted with SQL, not through the change tracker, so the caller's pending changes are neither saved
/// nor disturbed by an append.
/// </para>
/// </summary>
public sealed class AuditLog(VarslingDbContext db, TimeProvider time)
{
    /// <summary>The advisory lock key that serialises appends ("AUDITLOG" in ASCII).</summary>
    public const long LockKey = 0x4155_4449_544C_4F47;

    public async Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Validate();

        if (db.Database.CurrentTransaction is { } current)
        {
            var level = current.GetDbTransaction().IsolationLevel;
            if (level is not (IsolationLevel.ReadCommitted or IsolationLevel.Unspecified))
            {
                throw new InvalidOperationException($"Audit appends need a READ COMMITTED transaction, not {level}.");
            }

            return await AppendInTransactionAsync(entry, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        var appended = await AppendInTransactionAsync(entry, ct);
        await transaction.CommitAsync(ct);
        return appended;
    }

    private async Task<AuditEvent> AppendInTransactionAsync(AuditEntry entry, CancellationToken ct)
    {
        // A statement of its own: the next statement's snapshot is taken after the lock is granted, so it sees the
        // row the previous holder committed.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);

        long id;
        byte[]? lastHash;
        var connection = db.Database.GetDbConnection();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = """
                SELECT nextval(pg_get_serial_sequence('audit_events', 'id')),
                       (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1)
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            id = reader.GetInt64(0);
            lastHash = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
        }

        var prevHash = lastHash ?? AuditChain.Genesis.ToArray();
        var occurredAt = AuditChain.ToStoredPrecision(time.GetUtcNow());
        var actorKind = entry.Actor.Kind.ToString();
        var action = entry.Action.ToString();
        var hash = AuditChain.ComputeHash(id, entry.OrganisationId, occurredAt, actorKind, entry.Actor.Id, action,
            entry.CaseId, entry.Detail, prevHash);

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_events (id, organisation_id, occurred_at, actor_kind, actor_id, action, case_id, detail, prev_hash, hash)
            VALUES ({id}, {entry.OrganisationId}, {occurredAt}, {actorKind}, {entry.Actor.Id}, {action}, {entry.CaseId},
                    {entry.Detail}, {prevHash}, {hash})
            """, ct);
        return new AuditEvent(id, entry, occurredAt, prevHash, hash);
    }
}
