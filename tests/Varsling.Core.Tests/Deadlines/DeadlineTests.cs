using Varsling.Core.Deadlines;
using static Varsling.Core.Tests.Deadlines.Dates;

namespace Varsling.Core.Tests.Deadlines;

public class DeadlineTests
{
    // Due Monday 17 March 2025 in Oslo: the day ends at 2025-03-17T23:00Z.
    private static readonly Deadline AcknowledgementDue =
        new(Day("2025-03-17"), Day("2025-03-15"), Utc("2025-03-17T23:00:00Z"));

    [Theory]
    [InlineData("2025-03-10T09:00:00Z", DeadlineStatus.OnTrack)]
    [InlineData("2025-03-15T22:59:59Z", DeadlineStatus.OnTrack)]
    [InlineData("2025-03-15T23:00:00Z", DeadlineStatus.DueSoon)]
    [InlineData("2025-03-17T22:59:59Z", DeadlineStatus.DueSoon)]
    [InlineData("2025-03-17T23:00:00Z", DeadlineStatus.Overdue)]
    [InlineData("2025-04-01T09:00:00Z", DeadlineStatus.Overdue)]
    public void Status_TwoDueSoonDays_DueSoonForTheLast48HoursAndOverdueOnceTheDueDayEnds(string now, DeadlineStatus expected)
    {
        Assert.Equal(expected, AcknowledgementDue.Status(Utc(now), dueSoonDays: 2));
    }

    [Fact]
    public void Status_ZeroDueSoonDays_NeverDueSoon()
    {
        Assert.Equal(DeadlineStatus.OnTrack, AcknowledgementDue.Status(Utc("2025-03-17T22:59:59Z"), dueSoonDays: 0));
        Assert.Equal(DeadlineStatus.Overdue, AcknowledgementDue.Status(Utc("2025-03-17T23:00:00Z"), dueSoonDays: 0));
    }

    [Fact]
    public void Status_NegativeDueSoonDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AcknowledgementDue.Status(Utc("2025-03-10T09:00:00Z"), dueSoonDays: -1));
    }

    [Fact]
    public void Status_ComputedDeadlineNearLocalMidnight_IsOverdueOnlyAfterTheLocalDueDayEnds()
    {
        var deadlines = CaseClock.Compute(
            new CaseClockInput(Utc("2025-06-30T22:30:00Z"), null, null, false, null), Jurisdictions.Norway, ClockPolicy.Default);

        // Due Tue 8 July in Oslo: 23:30 UTC on 8 July is already 9 July locally.
        Assert.Equal(DeadlineStatus.DueSoon, deadlines.Acknowledgement.Status(Utc("2025-07-08T21:59:59Z"), dueSoonDays: 1));
        Assert.Equal(DeadlineStatus.Overdue, deadlines.Acknowledgement.Status(Utc("2025-07-08T22:00:00Z"), dueSoonDays: 1));
    }
}
