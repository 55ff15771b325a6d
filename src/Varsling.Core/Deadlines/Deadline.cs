namespace Varsling.Core.Deadlines;

/// <summary>
/// One deadline, in the jurisdiction's local dates.
/// </summary>
/// <param name="Due">The legal due date: the period's last day, rolled forward over weekends and public holidays
/// (Regulation 1182/71 Art. 3(4)). The duty is met if done by the end of this local day.</param>
/// <param name="Target">The stricter internal target: the nominal last day minus the policy's buffer, not rolled
/// forward (it may fall on a weekend; that is the point of a buffer).</param>
/// <param name="DueEndUtc">The instant the due day ends locally (the start of the next local day), so
/// <c>now &gt;= DueEndUtc</c> means the legal deadline has passed.</param>
public sealed record Deadline(DateOnly Due, DateOnly Target, DateTimeOffset DueEndUtc)
{
    /// <summary>
    /// Where this deadline stands at <paramref name="now"/>, assuming the duty has not been met: whether it was
    /// met (acknowledgement or feedback sent) is the caller's concern, as only the caller knows the completion.
    /// <see cref="DeadlineStatus.Overdue"/> from <see cref="DueEndUtc"/> on;
    /// <see cref="DeadlineStatus.DueSoon"/> when at most <paramref name="dueSoonDays"/> × 24 hours of elapsed
    /// time remain before <see cref="DueEndUtc"/> (so with 2, the last two local days, give or take the hour of a
    /// daylight-saving change); otherwise <see cref="DeadlineStatus.OnTrack"/>.
    /// </summary>
    public DeadlineStatus Status(DateTimeOffset now, int dueSoonDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);
        if (now >= DueEndUtc)
        {
            return DeadlineStatus.Overdue;
        }

        return DueEndUtc - now <= TimeSpan.FromDays(dueSoonDays) ? DeadlineStatus.DueSoon : DeadlineStatus.OnTrack;
    }
}

public enum DeadlineStatus
{
    /// <summary>More than the due-soon window remains.</summary>
    OnTrack,

    /// <summary>Within the due-soon window before the legal due day ends.</summary>
    DueSoon,

    /// <summary>The legal due day has ended.</summary>
    Overdue,
}
