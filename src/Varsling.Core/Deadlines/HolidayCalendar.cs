using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Varsling.Core.Deadlines;

/// <summary>A public holiday on a given date. Two holidays may share a date (e.g. Ascension Day on 17 May).</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// A country's days on which a legal period does not end (Council Regulation 1182/71 Art. 3(4) and the
/// national rules that follow it). Saturdays and Sundays are never working days, in every calendar.
/// Easter-dependent holidays are computed with the Gregorian computus, so every year from 1583 to 9999
/// works without a table to maintain; asking about an earlier year throws <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
/// <remarks>
/// Days that are customarily non-working but not statutory are a deliberate choice per country, because
/// treating a day as a holiday moves the legal due date LATER, which is the unsafe direction:
/// <list type="bullet">
/// <item>Norway: statutory days only (helligdager and the høytidsdager 1 and 17 May). Christmas Eve, New Year's
/// Eve and Easter Saturday are working days here: domstolloven § 149 rolls a period forward only over
/// Saturdays, helgedager and days the law treats as helgedager.</item>
/// <item>Sweden: the allmänna helgdagar of lag (1989:253) plus Midsummer Eve, Christmas Eve and New Year's Eve,
/// because lag (1930:173) om beräkning av lagstadgad tid § 2 rolls a period forward over exactly those eves.
/// Easter Saturday and Whitsun Eve are working days.</item>
/// <item>Denmark: the helligdage plus Constitution Day (5 Jun), 24 Dec and 31 Dec, which Danish statutory
/// deadline rules (e.g. forældelsesloven § 27(2)) treat like holidays. 1 May is a working day (it is a
/// collective-agreement day off, not a holiday). Great Prayer Day was abolished as a holiday from 2024.</item>
/// <item>EU default: weekends only. Without a Member State there is no national holiday list (Regulation
/// 1182/71 Art. 2(1)), and fewer holidays only ever give an earlier, safer due date.</item>
/// </list>
/// </remarks>
public sealed class HolidayCalendar
{
    private const int FirstGregorianYear = 1583;

    private readonly Func<int, IEnumerable<Holiday>> _holidaysOf;
    private readonly ConcurrentDictionary<int, YearHolidays> _years = new();

    private HolidayCalendar(string name, Func<int, IEnumerable<Holiday>> holidaysOf)
    {
        Name = name;
        _holidaysOf = holidaysOf;
    }

    public string Name { get; }

    public static HolidayCalendar Norway { get; } = new("Norway", NorwayHolidays);

    public static HolidayCalendar Sweden { get; } = new("Sweden", SwedenHolidays);

    public static HolidayCalendar Denmark { get; } = new("Denmark", DenmarkHolidays);

    public static HolidayCalendar WeekendsOnly { get; } = new("Weekends only", _ => []);

    /// <summary>The year's holidays in date order; weekends are not listed unless they are also holidays.</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year) => For(year).List;

    public bool IsPublicHoliday(DateOnly date) => For(date.Year).Dates.Contains(date);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>True unless the date is a Saturday, a Sunday or one of this calendar's holidays.</summary>
    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !IsPublicHoliday(date);

    /// <summary>
    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, Meeus/Jones/Butcher),
    /// valid for 1583–9999.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstGregorianYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public override string ToString() => Name;

    private YearHolidays For(int year) => _years.GetOrAdd(year, y =>
    {
        var list = _holidaysOf(y).OrderBy(h => h.Date).ToArray();
        return new YearHolidays(list, list.Select(h => h.Date).ToFrozenSet());
    });

    private static IEnumerable<Holiday> NorwayHolidays(int year)
    {
        var easter = EasterSunday(year);
        yield return new(new DateOnly(year, 1, 1), "New Year's Day");
        yield return new(easter.AddDays(-3), "Maundy Thursday");
        yield return new(easter.AddDays(-2), "Good Friday");
        yield return new(easter, "Easter Sunday");
        yield return new(easter.AddDays(1), "Easter Monday");
        yield return new(new DateOnly(year, 5, 1), "Labour Day");
        yield return new(new DateOnly(year, 5, 17), "Constitution Day");
        yield return new(easter.AddDays(39), "Ascension Day");
        yield return new(easter.AddDays(49), "Whit Sunday");
        yield return new(easter.AddDays(50), "Whit Monday");
        yield return new(new DateOnly(year, 12, 25), "Christmas Day");
        yield return new(new DateOnly(year, 12, 26), "Boxing Day");
    }

    private static IEnumerable<Holiday> SwedenHolidays(int year)
    {
        var easter = EasterSunday(year);
        yield return new(new DateOnly(year, 1, 1), "New Year's Day");
        yield return new(new DateOnly(year, 1, 6), "Epiphany");
        yield return new(easter.AddDays(-2), "Good Friday");
        yield return new(easter, "Easter Sunday");
        yield return new(easter.AddDays(1), "Easter Monday");
        yield return new(new DateOnly(year, 5, 1), "Labour Day");
        yield return new(easter.AddDays(39), "Ascension Day");
        yield return new(easter.AddDays(49), "Whit Sunday");
        yield return new(new DateOnly(year, 6, 6), "National Day");
        yield return new(FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday), "Midsummer Eve");
        yield return new(FirstOnOrAfter(new DateOnly(year, 6, 20), DayOfWeek.Saturday), "Midsummer Day");
        yield return new(FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday), "All Saints' Day");
        yield return new(new DateOnly(year, 12, 24), "Christmas Eve");
        yield return new(new DateOnly(year, 12, 25), "Christmas Day");
        yield return new(new DateOnly(year, 12, 26), "Boxing Day");
        yield return new(new DateOnly(year, 12, 31), "New Year's Eve");
    }

    private static IEnumerable<Holiday> DenmarkHolidays(int year)
    {
        var easter = EasterSunday(year);
        yield return new(new DateOnly(year, 1, 1), "New Year's Day");
        yield return new(easter.AddDays(-3), "Maundy Thursday");
        yield return new(easter.AddDays(-2), "Good Friday");
        yield return new(easter, "Easter Sunday");
        yield return new(easter.AddDays(1), "Easter Monday");
        if (year <= 2023)
        {
            yield return new(easter.AddDays(26), "Great Prayer Day");
        }

        yield return new(easter.AddDays(39), "Ascension Day");
        yield return new(easter.AddDays(49), "Whit Sunday");
        yield return new(easter.AddDays(50), "Whit Monday");
        yield return new(new DateOnly(year, 6, 5), "Constitution Day");
        yield return new(new DateOnly(year, 12, 24), "Christmas Eve");
        yield return new(new DateOnly(year, 12, 25), "Christmas Day");
        yield return new(new DateOnly(year, 12, 26), "Boxing Day");
        yield return new(new DateOnly(year, 12, 31), "New Year's Eve");
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) =>
        date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);

    private sealed record YearHolidays(IReadOnlyList<Holiday> List, FrozenSet<DateOnly> Dates);
}
