namespace Varsling.Core.Deadlines;

/// <summary>
/// Council Regulation 1182/71 Art. 3, which the Nordic rules follow. All dates are local dates in the
/// jurisdiction; the day of the event itself is never counted (Art. 3(1)).
/// </summary>
internal static class PeriodRules
{
    /// <summary>A period of <paramref name="days"/> days ends at the end of day event + days (Art. 3(2)(b)).</summary>
    internal static DateOnly EndOfDays(DateOnly eventDay, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return eventDay.AddDays(days);
    }

    /// <summary>
    /// A period of <paramref name="months"/> months ends at the end of the day in the last month with the same
    /// date as the event day, or that month's last day if the date does not exist (Art. 3(2)(c)): 31 Jan + 1 month
    /// is 28 or 29 Feb, never "30 days".
    /// </summary>
    internal static DateOnly EndOfMonths(DateOnly eventDay, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return eventDay.AddMonths(months);
    }

    /// <summary>
    /// If the last day is a Saturday, Sunday or public holiday, the period ends at the end of the next working
    /// day (Art. 3(4)); otherwise the last day itself.
    /// </summary>
    internal static DateOnly RollForward(DateOnly lastDay, Jurisdiction jurisdiction)
    {
        var day = lastDay;
        while (!jurisdiction.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// The deadline for a period whose nominal last day is <paramref name="nominalEnd"/>: the legal due date rolls
    /// forward; the internal target is the nominal end minus <paramref name="bufferDays"/>, never rolled forward
    /// and never earlier than <paramref name="periodStart"/> (a buffer longer than the period means "at once").
    /// </summary>
    internal static Deadline Deadline(DateOnly periodStart, DateOnly nominalEnd, int bufferDays, Jurisdiction jurisdiction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bufferDays);
        var due = RollForward(nominalEnd, jurisdiction);
        var target = nominalEnd.AddDays(-bufferDays);
        if (target < periodStart)
        {
            target = periodStart;
        }

        return new Deadline(due, target, jurisdiction.StartOfDayUtc(due.AddDays(1)));
    }
}
