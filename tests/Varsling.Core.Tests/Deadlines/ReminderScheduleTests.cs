using Varsling.Core.Deadlines;

namespace Varsling.Core.Tests.Deadlines;

/// <summary>Which reminders are due, counted in local days in Oslo.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly Jurisdiction s_oslo = Jurisdictions.Get("NO");
    private static readonly int[] s_offsets = [-2, 0, 1];

    // Acknowledgement due Mon 17 Mar 2025, feedback due Tue 17 Jun 2025.
    private static readonly ReminderInput s_open = new(new DateOnly(2025, 3, 17), false, new DateOnly(2025, 6, 17), false, false, null, false);

    private static IReadOnlyList<Reminder> At(ReminderInput input, DateTimeOffset now) => ReminderSchedule.Due(input, s_oslo, now, s_offsets, purgeNoticeDays: 14);

    [Fact]
    public void Due_BeforeTheFirstOffset_IsEmpty()
    {
        Assert.Empty(At(s_open, new DateTimeOffset(2025, 3, 14, 22, 59, 0, TimeSpan.Zero))); // 23:59 on 14 Mar in Oslo
    }

    [Fact]
    public void Due_FromTheStartOfTheLocalDay_TwoDaysBefore()
    {
        var due = At(s_open, new DateTimeOffset(2025, 3, 14, 23, 0, 0, TimeSpan.Zero)); // 00:00 on 15 Mar in Oslo

        Assert.Equal([new Reminder(ReminderKind.Acknowledgement, new DateOnly(2025, 3, 17), -2)], due);
    }

    [Fact]
    public void Due_AfterTheDeadline_ListsEveryReachedOffset()
    {
        var due = At(s_open, new DateTimeOffset(2025, 3, 18, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal([-2, 0, 1], due.Select(r => r.OffsetDays));
        Assert.All(due, r => Assert.Equal(ReminderKind.Acknowledgement, r.Kind));
    }

    [Fact]
    public void Due_OnceAcknowledged_OnlyFeedbackRemains()
    {
        var acknowledged = s_open with { Acknowledged = true };

        Assert.Empty(At(acknowledged, new DateTimeOffset(2025, 3, 18, 9, 0, 0, TimeSpan.Zero)));
        var due = At(acknowledged, new DateTimeOffset(2025, 6, 16, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal([new Reminder(ReminderKind.Feedback, new DateOnly(2025, 6, 17), -2)], due);
    }

    [Fact]
    public void Due_ClosedCase_RemindsOnlyOfThePurge_WithinTheNoticePeriod()
    {
        var closed = s_open with { Acknowledged = true, FeedbackGiven = true, Closed = true, PurgeDue = new DateOnly(2027, 4, 30) };

        Assert.Empty(At(closed, new DateTimeOffset(2027, 4, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal([new Reminder(ReminderKind.Purge, new DateOnly(2027, 4, 30), -14)],
            At(closed, new DateTimeOffset(2027, 4, 16, 12, 0, 0, TimeSpan.Zero)));
        Assert.Empty(At(closed with { OnLegalHold = true }, new DateTimeOffset(2027, 4, 20, 12, 0, 0, TimeSpan.Zero)));
        Assert.Empty(At(closed, new DateTimeOffset(2027, 4, 30, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Due_ClosedWithoutFeedback_SendsNoFeedbackReminder()
    {
        var closed = s_open with { Acknowledged = true, Closed = true, PurgeDue = new DateOnly(2027, 4, 30) };

        Assert.DoesNotContain(At(closed, new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero)), r => r.Kind == ReminderKind.Feedback);
    }
}
