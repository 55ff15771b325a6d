namespace Varsling.Core.Access;

/// <summary>Where a request for the reporter's identity stands.</summary>
public enum ReleaseStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>
/// A handler's request for a case's identity key under the custodian rule. The reason is sealed under the case's
/// internal key (record kind note, record id = request id), so only the case's handlers can read it. Approval is
/// the custodian wrapping the identity key to the requester; a refusal wraps nothing.
/// </summary>
public sealed class IdentityReleaseRequest : IOrganisationOwned
{
    private IdentityReleaseRequest() { }

    public IdentityReleaseRequest(Guid id, Guid organisationId, Guid caseId, Guid requesterId, byte[] sealedReason, DateTimeOffset requestedAt)
    {
        Id = id;
        OrganisationId = organisationId;
        CaseId = caseId;
        RequesterId = requesterId;
        SealedReason = sealedReason;
        RequestedAt = requestedAt;
        Status = ReleaseStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid RequesterId { get; private set; }
    public byte[] SealedReason { get; private set; } = [];
    public DateTimeOffset RequestedAt { get; private set; }
    public ReleaseStatus Status { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public void Decide(bool approve, Guid custodianId, DateTimeOffset at)
    {
        if (Status != ReleaseStatus.Pending)
        {
            throw new RuleViolationException("This request has already been decided.");
        }

        Status = approve ? ReleaseStatus.Approved : ReleaseStatus.Refused;
        DecidedBy = custodianId;
        DecidedAt = at;
    }
}
