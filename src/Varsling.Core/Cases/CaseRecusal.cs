namespace Varsling.Core.Cases;

/// <summary>
/// A handler stood aside from a case for a conflict of interest. Their key grants for the case were deleted in the
/// same transaction; this row keeps them from being given the case's keys or the case again. The reason is an
/// internal note sealed under the case's internal key (<see cref="NoteRecordId"/>), never plaintext, because a
/// conflict of interest usually names people.
/// </summary>
public sealed class CaseRecusal : IOrganisationOwned
{
    private CaseRecusal() { }

    public CaseRecusal(Guid id, Guid organisationId, Guid caseId, Guid userId, Guid noteRecordId, DateTimeOffset recusedAt)
    {
        Id = id;
        OrganisationId = organisationId;
        CaseId = caseId;
        UserId = userId;
        NoteRecordId = noteRecordId;
        RecusedAt = recusedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>The internal note that holds the sealed reason.</summary>
    public Guid NoteRecordId { get; private set; }

    public DateTimeOffset RecusedAt { get; private set; }
}
