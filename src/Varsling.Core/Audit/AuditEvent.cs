namespace Varsling.Core.Audit;

/// <summary>
/// One row of the append-only audit log (architecture.md §7). Rows are written only by <see cref="AuditLog"/> and
/// never changed: the database refuses UPDATE, DELETE and TRUNCATE on the table. Every row carries the hash of the
/// row before it (<see cref="AuditChain"/>), so <see cref="AuditVerifier"/> detects an edit or a deletion.
/// Not <see cref="IOrganisationOwned"/>: deployment-level rows have no organisation, so every read that serves an
/// organisation must filter by <see cref="OrganisationId"/> itself.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent() { }

    internal AuditEvent(long id, AuditEntry entry, DateTimeOffset occurredAt, byte[] prevHash, byte[] hash)
    {
        Id = id;
        OrganisationId = entry.OrganisationId;
        OccurredAt = occurredAt;
        ActorKind = entry.Actor.Kind;
        ActorId = entry.Actor.Id;
        Action = entry.Action;
        CaseId = entry.CaseId;
        Detail = entry.Detail;
        PrevHash = prevHash;
        Hash = hash;
    }

    /// <summary>Position in the chain: ids increase in the order rows were appended (gaps are possible).</summary>
    public long Id { get; private set; }

    public Guid? OrganisationId { get; private set; }

    /// <summary>UTC, to the microsecond (PostgreSQL's precision, so the hash covers exactly what is stored).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public AuditActorKind ActorKind { get; private set; }

    /// <summary>The user's id when <see cref="ActorKind"/> is User; otherwise null.</summary>
    public Guid? ActorId { get; private set; }

    public AuditAction Action { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>Content-free detail; see <see cref="AuditEntry.Detail"/>.</summary>
    public string? Detail { get; private set; }

    /// <summary>The previous row's <see cref="Hash"/>, or 32 zero bytes for the first row.</summary>
    public byte[] PrevHash { get; private set; } = [];

    /// <summary>SHA-256 over this row's fields and <see cref="PrevHash"/> (<see cref="AuditChain.ComputeHash"/>).</summary>
    public byte[] Hash { get; private set; } = [];
}
