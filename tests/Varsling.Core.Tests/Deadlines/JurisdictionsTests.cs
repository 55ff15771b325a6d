using Varsling.Core.Deadlines;
using static Varsling.Core.Tests.Deadlines.Dates;

namespace Varsling.Core.Tests.Deadlines;

public class JurisdictionsTests
{
    [Theory]
    [InlineData("NO", "Europe/Oslo")]
    [InlineData("no", "Europe/Oslo")]
    [InlineData("Se", "Europe/Stockholm")]
    [InlineData("dk", "Europe/Copenhagen")]
    [InlineData("eu", "Europe/Brussels")]
    public void Get_KnownCodeInAnyCase_ReturnsJurisdictionWithIanaZone(string code, string timeZoneId)
    {
        var jurisdiction = Jurisdictions.Get(code);

        Assert.Equal(code.ToUpperInvariant(), jurisdiction.Code);
        Assert.Equal(timeZoneId, jurisdiction.TimeZoneId);
    }

    [Fact]
    public void Get_UnknownCode_ThrowsListingTheKnownCodes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Jurisdictions.Get("FI"));

        Assert.Equal("code", ex.ParamName);
        Assert.Contains("'FI'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NO, SE, DK, EU", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FI")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGet_UnknownCode_ReturnsFalseAndNull(string? code)
    {
        Assert.False(Jurisdictions.TryGet(code, out var jurisdiction));
        Assert.Null(jurisdiction);
    }

    [Fact]
    public void TryGet_KnownCode_ReturnsTheSameInstanceAsGet()
    {
        Assert.True(Jurisdictions.TryGet("se", out var jurisdiction));
        Assert.Same(Jurisdictions.Sweden, jurisdiction);
    }

    [Fact]
    public void All_ListsFourJurisdictionsWithTheirCalendars()
    {
        Assert.Equal(["NO", "SE", "DK", "EU"], Jurisdictions.All.Select(j => j.Code));
        Assert.Equal(
            [HolidayCalendar.Norway, HolidayCalendar.Sweden, HolidayCalendar.Denmark, HolidayCalendar.WeekendsOnly],
            Jurisdictions.All.Select(j => j.Calendar));
    }

    [Fact]
    public void Constructor_UnknownTimeZone_Throws()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => new Jurisdiction("XX", "Europe/Atlantis", HolidayCalendar.WeekendsOnly));
    }

    [Fact]
    public void With_UnknownTimeZone_Throws()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => Jurisdictions.Norway with { TimeZoneId = "Europe/Atlantis" });
    }

    [Theory]
    [InlineData("2025-03-09T23:30:00Z", "2025-03-10")]
    [InlineData("2025-03-09T22:59:59Z", "2025-03-09")]
    [InlineData("2025-06-30T22:30:00Z", "2025-07-01")]
    [InlineData("2025-06-30T21:59:59Z", "2025-06-30")]
    [InlineData("2025-12-31T23:00:00Z", "2026-01-01")]
    public void LocalDate_NearMidnightInOslo_UsesTheLocalDateNotTheUtcDate(string instant, string expected)
    {
        Assert.Equal(Day(expected), Jurisdictions.Norway.LocalDate(Utc(instant)));
    }

    [Theory]
    [InlineData("2025-03-10", "2025-03-09T23:00:00Z")]
    [InlineData("2025-07-01", "2025-06-30T22:00:00Z")]
    [InlineData("2025-03-30", "2025-03-29T23:00:00Z")]
    [InlineData("2025-03-31", "2025-03-30T22:00:00Z")]
    [InlineData("2025-10-26", "2025-10-25T22:00:00Z")]
    [InlineData("2025-10-27", "2025-10-26T23:00:00Z")]
    public void StartOfDayUtc_Oslo_IsLocalMidnightWithThatDaysOffset(string date, string expected)
    {
        Assert.Equal(Utc(expected), Jurisdictions.Norway.StartOfDayUtc(Day(date)));
    }

    [Theory]
    [InlineData("2025-03-30", 23)]
    [InlineData("2025-10-26", 25)]
    [InlineData("2025-06-15", 24)]
    public void StartOfDayUtc_DaylightSavingTransitionDays_HaveTheirTrueLength(string date, int hours)
    {
        var day = Day(date);
        var length = Jurisdictions.Norway.StartOfDayUtc(day.AddDays(1)) - Jurisdictions.Norway.StartOfDayUtc(day);

        Assert.Equal(TimeSpan.FromHours(hours), length);
    }

    [Fact]
    public void StartOfDayUtc_MidnightInADaylightSavingGap_IsTheEndOfTheGap()
    {
        // Santiago springs forward at local midnight: 2024-09-08 00:00 -04 does not exist; the day starts 01:00 -03.
        var chile = new Jurisdiction("CL", "America/Santiago", HolidayCalendar.WeekendsOnly);

        Assert.Equal(Utc("2024-09-08T04:00:00Z"), chile.StartOfDayUtc(Day("2024-09-08")));
        Assert.Equal(Day("2024-09-08"), chile.LocalDate(Utc("2024-09-08T04:00:00Z")));
        Assert.Equal(Day("2024-09-07"), chile.LocalDate(Utc("2024-09-08T03:59:59Z")));
    }

    [Fact]
    public void IsWorkingDay_DelegatesToTheJurisdictionsCalendar()
    {
        var seventeenthOfMay = Day("2024-05-17");

        Assert.False(Jurisdictions.Norway.IsWorkingDay(seventeenthOfMay));
        Assert.True(Jurisdictions.Sweden.IsWorkingDay(seventeenthOfMay));
    }
}
