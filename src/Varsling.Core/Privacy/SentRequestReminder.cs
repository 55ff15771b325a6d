namespace Varsling.Core.Privacy;

/// <summary>
/// A data-subject request reminder that went out, so each is sent once: keyed by request, the due date it refers to
/// (an extension means a new due date and new reminders) and the offset in days.
/// </summary>
public sealed class SentRequestReminder : IOrganisationOwned
{
    private SentRequestReminder() { }

    public SentRequestReminder(Guid organisationId, Guid requestId, DateOnly due, int offsetDays, int recipients, DateTimeOffset sentAt)
    {
        OrganisationId = organisationId;
        RequestId = requestId;
        Due = due;
        OffsetDays = offsetDays;
        Recipients = recipients;
        SentAt = sentAt.ToUniversalTime();
    }

    public Guid OrganisationId { get; private set; }
    public Guid RequestId { get; private set; }
    public DateOnly Due { get; private set; }
    public int OffsetDays { get; private set; }

    /// <summary>How many people it went to; 0 records that the organisation had nobody with the legal or admin role.</summary>
    public int Recipients { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}
