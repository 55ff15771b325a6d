using System.Diagnostics.CodeAnalysis;

namespace Varsling.Core.Deadlines;

/// <summary>
/// The time zone and holiday calendar of a legal entity: deadlines are counted in its local dates
/// (compliance.md §1), so a Norwegian group's Swedish subsidiary counts with Swedish holidays.
/// </summary>
/// <param name="Code">Short code, e.g. "NO"; see <see cref="Jurisdictions"/>.</param>
/// <param name="TimeZoneId">IANA time zone id; must resolve on this machine, or construction (and <c>with</c>)
/// throws <see cref="TimeZoneNotFoundException"/>.</param>
/// <param name="Calendar">The public holidays on which a period does not end.</param>
public sealed record Jurisdiction(string Code, string TimeZoneId, HolidayCalendar Calendar)
{
    public string TimeZoneId { get; init => field = RequireResolvable(value); } = RequireResolvable(TimeZoneId);

    /// <summary>The zone for <see cref="TimeZoneId"/>; the runtime caches the lookup.</summary>
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public bool IsWorkingDay(DateOnly date) => Calendar.IsWorkingDay(date);

    /// <summary>The local calendar date at <paramref name="instant"/> in this jurisdiction's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>
    /// The first instant (UTC) whose local date is <paramref name="date"/>. Normally local midnight; if midnight
    /// falls in a daylight-saving gap, the end of the gap; if it is ambiguous, the earlier of the two instants.
    /// </summary>
    public DateTimeOffset StartOfDayUtc(DateOnly date)
    {
        var zone = TimeZone;
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static string RequireResolvable(string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        _ = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return timeZoneId;
    }
}

/// <summary>The jurisdictions a legal entity can be assigned to. Codes are matched case-insensitively.</summary>
public static class Jurisdictions
{
    public static Jurisdiction Norway { get; } = new("NO", "Europe/Oslo", HolidayCalendar.Norway);

    public static Jurisdiction Sweden { get; } = new("SE", "Europe/Stockholm", HolidayCalendar.Sweden);

    public static Jurisdiction Denmark { get; } = new("DK", "Europe/Copenhagen", HolidayCalendar.Denmark);

    /// <summary>Default when no national calendar applies: Brussels time, weekends only.</summary>
    public static Jurisdiction EuropeanUnion { get; } = new("EU", "Europe/Brussels", HolidayCalendar.WeekendsOnly);

    public static IReadOnlyList<Jurisdiction> All { get; } = [Norway, Sweden, Denmark, EuropeanUnion];

    /// <exception cref="ArgumentException">The code is not one of <see cref="All"/>; the message lists the known codes.</exception>
    public static Jurisdiction Get(string code) =>
        TryGet(code, out var jurisdiction)
            ? jurisdiction
            : throw new ArgumentException(
                $"Unknown jurisdiction code '{code}'. Known codes: {string.Join(", ", All.Select(j => j.Code))}.",
                nameof(code));

    public static bool TryGet(string? code, [NotNullWhen(true)] out Jurisdiction? jurisdiction)
    {
        jurisdiction = All.FirstOrDefault(j => string.Equals(j.Code, code, StringComparison.OrdinalIgnoreCase));
        return jurisdiction is not null;
    }
}
