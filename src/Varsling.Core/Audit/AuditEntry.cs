namespace Varsling.Core.Audit;

/// <summary>
/// Who caused an audit event. Only a <see cref="AuditActorKind.User"/> carries an id; a reporter is never identified,
/// not even by a stable pseudonym, so the audit log cannot link two cases to one reporter.
/// </summary>
public readonly record struct AuditActor
{
    private AuditActor(AuditActorKind kind, Guid? id)
    {
        Kind = kind;
        Id = id;
    }

    public AuditActorKind Kind { get; }

    public Guid? Id { get; }

    public static AuditActor Reporter => new(AuditActorKind.Reporter, null);

    public static AuditActor System => new(AuditActorKind.System, null);

    public static AuditActor User(Guid userId) =>
        userId == Guid.Empty ? throw new ArgumentException("A user actor needs the user's id.", nameof(userId)) : new(AuditActorKind.User, userId);
}

/// <summary>
/// One event to append to the audit log.
/// </summary>
/// <param name="OrganisationId">The organisation the event belongs to; null for deployment-level events (e.g. an operator command).</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Action">What was done.</param>
/// <param name="CaseId">The case concerned, if any. Not a foreign key: audit rows outlive purged cases.</param>
/// <param name="Detail">
/// A short, content-free description: ids, states, kinds and counts only, e.g. "status Received→Acknowledged" or
/// "record identity". Never anything a person wrote, never a name, address, receipt code, key, token or password.
/// At most <see cref="MaxDetailLength"/> characters on one line.
/// </param>
public sealed record AuditEntry(Guid? OrganisationId, AuditActor Actor, AuditAction Action, Guid? CaseId = null, string? Detail = null)
{
    public const int MaxDetailLength = 200;

    internal void Validate()
    {
        if (!Enum.IsDefined(Action))
        {
            throw new ArgumentException("Unknown audit action.", nameof(Action));
        }

        // default(AuditActor) reads as a user without an id; only the factories make valid actors.
        if (!Enum.IsDefined(Actor.Kind) || (Actor.Kind == AuditActorKind.User) != (Actor.Id is not null))
        {
            throw new ArgumentException("An audit entry needs an actor made by AuditActor.User, .Reporter or .System.", nameof(Actor));
        }

        if (Detail is { } detail && (detail.Length > MaxDetailLength || detail.Any(char.IsControl)))
        {
            throw new ArgumentException($"An audit detail is one line of at most {MaxDetailLength} characters.", nameof(Detail));
        }
    }
}
