using Varsling.Core.Deadlines;
using static Varsling.Core.Tests.Deadlines.Dates;

namespace Varsling.Core.Tests.Deadlines;

public class PeriodRulesTests
{
    [Theory]
    [InlineData("2025-03-10", 7, "2025-03-17")]
    [InlineData("2025-12-28", 7, "2026-01-04")]
    [InlineData("2024-02-25", 7, "2024-03-03")]
    [InlineData("2025-02-25", 7, "2025-03-04")]
    public void EndOfDays_EventDayNotCounted_EndsOnEventPlusN(string eventDay, int days, string expected)
    {
        Assert.Equal(Day(expected), PeriodRules.EndOfDays(Day(eventDay), days));
    }

    [Theory]
    [InlineData("2025-01-31", 1, "2025-02-28")]
    [InlineData("2024-01-31", 1, "2024-02-29")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2100-01-31", 1, "2100-02-28")]
    [InlineData("2024-11-30", 3, "2025-02-28")]
    [InlineData("2027-11-30", 3, "2028-02-29")]
    [InlineData("2099-11-30", 3, "2100-02-28")]
    [InlineData("2025-08-31", 6, "2026-02-28")]
    [InlineData("2027-08-31", 6, "2028-02-29")]
    [InlineData("2025-03-31", 1, "2025-04-30")]
    [InlineData("2024-02-29", 12, "2025-02-28")]
    [InlineData("2024-02-29", 48, "2028-02-29")]
    public void EndOfMonths_DateMissingInLastMonth_EndsOnThatMonthsLastDay(string eventDay, int months, string expected)
    {
        Assert.Equal(Day(expected), PeriodRules.EndOfMonths(Day(eventDay), months));
    }

    [Theory]
    [InlineData("2025-02-28", 1, "2025-03-28")]
    [InlineData("2025-03-14", 3, "2025-06-14")]
    [InlineData("2024-11-15", 3, "2025-02-15")]
    public void EndOfMonths_DateExistsInLastMonth_EndsOnTheSameDateNotTheMonthEnd(string eventDay, int months, string expected)
    {
        Assert.Equal(Day(expected), PeriodRules.EndOfMonths(Day(eventDay), months));
    }

    [Fact]
    public void EndOfMonths_ThreeMonths_IsNotNinetyDays()
    {
        var start = Day("2025-03-14");

        Assert.NotEqual(start.AddDays(90), PeriodRules.EndOfMonths(start, 3));
        Assert.Equal(92, PeriodRules.EndOfMonths(start, 3).DayNumber - start.DayNumber);
    }

    [Theory]
    [InlineData("2025-03-17", "2025-03-17")]
    [InlineData("2025-06-14", "2025-06-16")]
    [InlineData("2025-06-15", "2025-06-16")]
    public void RollForward_Weekend_MovesToMonday(string lastDay, string expected)
    {
        Assert.Equal(Day(expected), PeriodRules.RollForward(Day(lastDay), Jurisdictions.Norway));
    }

    [Theory]
    [InlineData("2023-05-17", "2023-05-19")] // 17 May, then Ascension Day on Thu 18 May
    [InlineData("2024-05-17", "2024-05-21")] // 17 May (Fri), weekend, Whit Monday
    [InlineData("2025-04-21", "2025-04-22")] // Easter Monday
    [InlineData("2025-04-17", "2025-04-22")] // Maundy Thursday through Easter Monday
    [InlineData("2025-12-25", "2025-12-29")] // Christmas Day, Boxing Day, weekend
    [InlineData("2027-12-25", "2027-12-27")] // Christmas on Saturday: Sunday 26th, so Monday
    [InlineData("2025-12-24", "2025-12-24")] // Christmas Eve is a working day in Norway
    public void RollForward_NorwegianHolidays_CascadesToTheNextWorkingDay(string lastDay, string expected)
    {
        Assert.Equal(Day(expected), PeriodRules.RollForward(Day(lastDay), Jurisdictions.Norway));
    }

    [Theory]
    [InlineData("SE", "2025-12-24", "2025-12-29")]
    [InlineData("SE", "2025-12-31", "2026-01-02")]
    [InlineData("SE", "2026-01-06", "2026-01-07")]
    [InlineData("SE", "2025-06-20", "2025-06-23")]
    [InlineData("DK", "2025-06-05", "2025-06-06")]
    [InlineData("DK", "2023-05-05", "2023-05-08")]
    [InlineData("DK", "2024-04-26", "2024-04-26")]
    [InlineData("EU", "2025-12-25", "2025-12-25")]
    [InlineData("EU", "2025-12-27", "2025-12-29")]
    public void RollForward_OtherJurisdictions_UseTheirOwnCalendar(string code, string lastDay, string expected)
    {
        Assert.Equal(Day(expected), PeriodRules.RollForward(Day(lastDay), Jurisdictions.Get(code)));
    }

    [Fact]
    public void Deadline_BufferLongerThanPeriod_TargetIsThePeriodStart()
    {
        var deadline = PeriodRules.Deadline(Day("2025-03-10"), Day("2025-03-17"), bufferDays: 30, Jurisdictions.Norway);

        Assert.Equal(Day("2025-03-10"), deadline.Target);
        Assert.Equal(Day("2025-03-17"), deadline.Due);
    }

    [Fact]
    public void Deadline_NominalEndOnHoliday_DueRollsButTargetDoesNot()
    {
        var deadline = PeriodRules.Deadline(Day("2025-03-14"), Day("2025-06-14"), bufferDays: 0, Jurisdictions.Norway);

        Assert.Equal(Day("2025-06-16"), deadline.Due);
        Assert.Equal(Day("2025-06-14"), deadline.Target);
        Assert.Equal(Utc("2025-06-16T22:00:00Z"), deadline.DueEndUtc);
    }
}
