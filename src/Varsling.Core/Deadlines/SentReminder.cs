namespace Varsling.Core.Deadlines;

/// <summary>
/// A reminder that went out, so each is sent once: keyed by case, kind, the due date it refers to, and the offset.
/// A new due date (the acknowledgement moved the feedback clock, a reopened case was closed again) means new reminders.
/// </summary>
public sealed class SentReminder : IOrganisationOwned
{
    private SentReminder() { }

    public SentReminder(Guid organisationId, Guid caseId, Reminder reminder, int recipients, DateTimeOffset sentAt)
    {
        OrganisationId = organisationId;
        CaseId = caseId;
        Kind = reminder.Kind;
        Due = reminder.Due;
        OffsetDays = reminder.OffsetDays;
        Recipients = recipients;
        SentAt = sentAt.ToUniversalTime();
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public ReminderKind Kind { get; private set; }
    public DateOnly Due { get; private set; }
    public int OffsetDays { get; private set; }

    /// <summary>How many people it went to; 0 records that the case's channel had nobody to tell.</summary>
    public int Recipients { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}
