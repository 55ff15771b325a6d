namespace Varsling.Core.Deadlines;

/// <summary>What a reminder is about.</summary>
public enum ReminderKind
{
    /// <summary>The acknowledgement has not been sent.</summary>
    Acknowledgement,

    /// <summary>Feedback has not been given.</summary>
    Feedback,

    /// <summary>A closed case will be purged (handlers are told ahead, compliance.md §2).</summary>
    Purge,
}

/// <summary>One reminder: its kind, the due date it refers to, and the offset in days from that date.</summary>
/// <param name="Kind">What is due.</param>
/// <param name="Due">The due date (local) the reminder refers to; a new due date means new reminders.</param>
/// <param name="OffsetDays">Negative: before the due date; 0: on it; positive: after it (overdue).</param>
public sealed record Reminder(ReminderKind Kind, DateOnly Due, int OffsetDays);

/// <summary>The state of a case that decides which reminders apply.</summary>
public sealed record ReminderInput(
    DateOnly AcknowledgementDue,
    bool Acknowledged,
    DateOnly FeedbackDue,
    bool FeedbackGiven,
    bool Closed,
    DateOnly? PurgeDue,
    bool OnLegalHold);

/// <summary>
/// Which reminders are due for a case at a moment: a pure function, so the job can run at any interval and send
/// each reminder once (the caller records what it sent). A reminder is due from the start of its local day
/// (due date + offset) and only while the thing it asks for is still undone.
/// </summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<Reminder> Due(ReminderInput input, Jurisdiction jurisdiction, DateTimeOffset now,
        IReadOnlyCollection<int> deadlineOffsets, int purgeNoticeDays)
    {
        var today = jurisdiction.LocalDate(now);
        var due = new List<Reminder>();
        if (!input.Closed)
        {
            if (!input.Acknowledged)
            {
                due.AddRange(Reached(ReminderKind.Acknowledgement, input.AcknowledgementDue, deadlineOffsets, today));
            }

            if (!input.FeedbackGiven)
            {
                due.AddRange(Reached(ReminderKind.Feedback, input.FeedbackDue, deadlineOffsets, today));
            }
        }
        else if (input.PurgeDue is { } purge && !input.OnLegalHold && today >= purge.AddDays(-purgeNoticeDays) && today < purge)
        {
            due.Add(new Reminder(ReminderKind.Purge, purge, -purgeNoticeDays));
        }

        return due;
    }

    private static IEnumerable<Reminder> Reached(ReminderKind kind, DateOnly dueDate, IReadOnlyCollection<int> offsets, DateOnly today) =>
        offsets.Where(o => today >= dueDate.AddDays(o)).Order().Select(o => new Reminder(kind, dueDate, o));
}
