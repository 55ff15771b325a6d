using Varsling.Core.Deadlines;
using static Varsling.Core.Tests.Deadlines.Dates;

namespace Varsling.Core.Tests.Deadlines;

public class HolidayCalendarTests
{
    [Theory]
    [InlineData(1818, "1818-03-22")]
    [InlineData(1943, "1943-04-25")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void EasterSunday_KnownYears_MatchesGregorianComputus(int year, string expected)
    {
        Assert.Equal(Day(expected), HolidayCalendar.EasterSunday(year));
    }

    [Fact]
    public void EasterSunday_AnyYear_IsASundayBetween22MarchAnd25April()
    {
        for (var year = 1583; year <= 3000; year++)
        {
            var easter = HolidayCalendar.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Fact]
    public void EasterSunday_BeforeGregorianCalendar_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayCalendar.EasterSunday(1582));
    }

    [Fact]
    public void HolidaysIn_Norway2025_AreTheTwelveStatutoryDaysInDateOrder()
    {
        var expected = new[]
        {
            ("2025-01-01", "New Year's Day"),
            ("2025-04-17", "Maundy Thursday"),
            ("2025-04-18", "Good Friday"),
            ("2025-04-20", "Easter Sunday"),
            ("2025-04-21", "Easter Monday"),
            ("2025-05-01", "Labour Day"),
            ("2025-05-17", "Constitution Day"),
            ("2025-05-29", "Ascension Day"),
            ("2025-06-08", "Whit Sunday"),
            ("2025-06-09", "Whit Monday"),
            ("2025-12-25", "Christmas Day"),
            ("2025-12-26", "Boxing Day"),
        }.Select(h => new Holiday(Day(h.Item1), h.Item2));

        Assert.Equal(expected, HolidayCalendar.Norway.HolidaysIn(2025));
    }

    [Theory]
    [InlineData(2024, "2024-03-28", "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20")]
    [InlineData(2026, "2026-04-02", "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25")]
    [InlineData(2027, "2027-03-25", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17")]
    public void IsPublicHoliday_NorwayEasterDependentDays_FollowEaster(
        int year, string maundyThursday, string goodFriday, string easterMonday, string ascension, string whitMonday)
    {
        var norway = HolidayCalendar.Norway;
        Assert.All(
            new[] { maundyThursday, goodFriday, easterMonday, ascension, whitMonday },
            d => Assert.True(norway.IsPublicHoliday(Day(d)), d));
        Assert.Equal(12, norway.HolidaysIn(year).Count);
    }

    [Theory]
    [InlineData("2025-12-24")]
    [InlineData("2025-12-31")]
    [InlineData("2025-04-16")]
    public void IsWorkingDay_NorwayCustomaryButNonStatutoryDays_AreWorkingDays(string weekday)
    {
        Assert.True(HolidayCalendar.Norway.IsWorkingDay(Day(weekday)));
    }

    [Theory]
    [InlineData("2025-03-08")]
    [InlineData("2025-03-09")]
    public void IsWorkingDay_Weekend_IsNotAWorkingDayInAnyCalendar(string weekendDay)
    {
        Assert.All(
            new[] { HolidayCalendar.Norway, HolidayCalendar.Sweden, HolidayCalendar.Denmark, HolidayCalendar.WeekendsOnly },
            c => Assert.False(c.IsWorkingDay(Day(weekendDay)), c.Name));
    }

    [Theory]
    [InlineData(2024, "2024-06-21", "2024-06-22", "2024-11-02")]
    [InlineData(2025, "2025-06-20", "2025-06-21", "2025-11-01")]
    [InlineData(2026, "2026-06-19", "2026-06-20", "2026-10-31")]
    [InlineData(2027, "2027-06-25", "2027-06-26", "2027-11-06")]
    public void HolidaysIn_Sweden_MidsummerAndAllSaintsFallOnTheirStatutoryWeekdays(
        int year, string midsummerEve, string midsummerDay, string allSaints)
    {
        var holidays = HolidayCalendar.Sweden.HolidaysIn(year);

        Assert.Contains(new Holiday(Day(midsummerEve), "Midsummer Eve"), holidays);
        Assert.Contains(new Holiday(Day(midsummerDay), "Midsummer Day"), holidays);
        Assert.Contains(new Holiday(Day(allSaints), "All Saints' Day"), holidays);
        Assert.Equal(DayOfWeek.Friday, Day(midsummerEve).DayOfWeek);
        Assert.False(HolidayCalendar.Sweden.IsWorkingDay(Day(midsummerEve)));
    }

    [Fact]
    public void HolidaysIn_Sweden2025_AreTheAllmannaHelgdagarPlusTheThreeEves()
    {
        var expected = new[]
        {
            "2025-01-01", "2025-01-06", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01", "2025-05-29",
            "2025-06-06", "2025-06-08", "2025-06-20", "2025-06-21", "2025-11-01", "2025-12-24", "2025-12-25",
            "2025-12-26", "2025-12-31",
        }.Select(Day);

        Assert.Equal(expected, HolidayCalendar.Sweden.HolidaysIn(2025).Select(h => h.Date));
    }

    [Theory]
    [InlineData("2025-04-17")]
    [InlineData("2025-06-09")]
    [InlineData("2024-05-17")]
    public void IsWorkingDay_SwedenOnNorwegianOnlyHolidays_IsAWorkingDay(string weekday)
    {
        Assert.True(HolidayCalendar.Sweden.IsWorkingDay(Day(weekday)));
    }

    [Fact]
    public void IsPublicHoliday_DenmarkGreatPrayerDayIn2023_IsAHoliday()
    {
        Assert.Contains(new Holiday(Day("2023-05-05"), "Great Prayer Day"), HolidayCalendar.Denmark.HolidaysIn(2023));
        Assert.False(HolidayCalendar.Denmark.IsWorkingDay(Day("2023-05-05")));
    }

    [Theory]
    [InlineData("2024-04-26")]
    [InlineData("2025-05-16")]
    public void IsPublicHoliday_DenmarkGreatPrayerDayFrom2024_IsAbolished(string fourthFridayAfterEaster)
    {
        Assert.False(HolidayCalendar.Denmark.IsPublicHoliday(Day(fourthFridayAfterEaster)));
        Assert.True(HolidayCalendar.Denmark.IsWorkingDay(Day(fourthFridayAfterEaster)));
        Assert.DoesNotContain(
            HolidayCalendar.Denmark.HolidaysIn(Day(fourthFridayAfterEaster).Year),
            h => h.Name == "Great Prayer Day");
    }

    [Fact]
    public void HolidaysIn_Denmark2025_IncludesConstitutionDayAndTheEvesButNotLabourDay()
    {
        var expected = new[]
        {
            "2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-05",
            "2025-06-08", "2025-06-09", "2025-12-24", "2025-12-25", "2025-12-26", "2025-12-31",
        }.Select(Day);

        Assert.Equal(expected, HolidayCalendar.Denmark.HolidaysIn(2025).Select(h => h.Date));
        Assert.True(HolidayCalendar.Denmark.IsWorkingDay(Day("2025-05-01")));
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2025-04-21")]
    [InlineData("2025-12-25")]
    public void IsWorkingDay_WeekendsOnlyOnAWeekdayHoliday_IsAWorkingDay(string weekday)
    {
        Assert.Empty(HolidayCalendar.WeekendsOnly.HolidaysIn(2025));
        Assert.True(HolidayCalendar.WeekendsOnly.IsWorkingDay(Day(weekday)));
    }

    [Fact]
    public void HolidaysIn_TwoHolidaysOnOneDate_ListsBoth()
    {
        // 2008: Ascension Day (Easter 23 Mar + 39) is 1 May.
        var onFirstMay = HolidayCalendar.Norway.HolidaysIn(2008).Where(h => h.Date == Day("2008-05-01"));

        Assert.Equal(["Ascension Day", "Labour Day"], onFirstMay.Select(h => h.Name).Order());
    }
}
