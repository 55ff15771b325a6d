namespace Varsling.Core.Deadlines;

/// <summary>The deadline for answering a GDPR data-subject request.</summary>
/// <param name="Response">When the answer is due; <see cref="Deadline.Target"/> is the nominal last day (no buffer).</param>
/// <param name="Extended">True when the two-month extension of GDPR Art. 12(3) applies.</param>
/// <param name="ExtensionWindowEndUtc">The end of the first month's due day: an extension must be recorded (and the
/// person told) before this instant.</param>
public sealed record RequestDeadline(Deadline Response, bool Extended, DateTimeOffset ExtensionWindowEndUtc);

/// <summary>
/// GDPR clocks counted with the Regulation 1182/71 Art. 3 rules in the jurisdiction's local dates. Pure functions.
/// </summary>
public static class RequestClock
{
    private const int ResponseMonths = 1;
    private const int ExtendedResponseMonths = 3;

    /// <summary>
    /// A data-subject request is answered within one month of receipt, rolled forward; extendable by two further
    /// months (three months from receipt, rolled forward) if the person is told within the first month (GDPR Art. 12(3)).
    /// "Within the first month" means up to the end of the one-month due day, as rolled forward.
    /// </summary>
    /// <exception cref="ArgumentException">The extension was recorded before receipt or after the first month.</exception>
    public static RequestDeadline Compute(DateTimeOffset receivedAt, Jurisdiction jurisdiction, DateTimeOffset? extensionRecordedAt)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        var received = jurisdiction.LocalDate(receivedAt);
        var firstMonth = MonthsFrom(received, ResponseMonths, jurisdiction);
        if (extensionRecordedAt is not { } recordedAt)
        {
            return new RequestDeadline(firstMonth, Extended: false, firstMonth.DueEndUtc);
        }

        if (recordedAt < receivedAt)
        {
            throw new ArgumentException(
                $"The extension ({recordedAt:O}) cannot precede receipt of the request ({receivedAt:O}).",
                nameof(extensionRecordedAt));
        }

        if (recordedAt >= firstMonth.DueEndUtc)
        {
            throw new ArgumentException(
                $"The extension was recorded at {recordedAt:O}, after the first month ended at {firstMonth.DueEndUtc:O} " +
                $"(end of {firstMonth.Due:yyyy-MM-dd} local time); GDPR Art. 12(3) allows it only within the first month.",
                nameof(extensionRecordedAt));
        }

        var extended = MonthsFrom(received, ExtendedResponseMonths, jurisdiction);
        return new RequestDeadline(extended, Extended: true, firstMonth.DueEndUtc);
    }

    /// <summary>True if an extension recorded at <paramref name="at"/> would be accepted by <see cref="Compute"/>.</summary>
    public static bool CanExtend(DateTimeOffset receivedAt, Jurisdiction jurisdiction, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        var firstMonth = MonthsFrom(jurisdiction.LocalDate(receivedAt), ResponseMonths, jurisdiction);
        return at >= receivedAt && at < firstMonth.DueEndUtc;
    }

    /// <summary>
    /// Informing the reported person: at the latest one month after <paramref name="referenceAt"/> (when the data
    /// was obtained, GDPR Art. 14(3)(a)), rolled forward. Restrictions (Art. 14(5)(b), Art. 23) are the caller's concern.
    /// </summary>
    public static Deadline ReportedPersonNoticeDue(DateTimeOffset referenceAt, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return MonthsFrom(jurisdiction.LocalDate(referenceAt), ResponseMonths, jurisdiction);
    }

    private static Deadline MonthsFrom(DateOnly start, int months, Jurisdiction jurisdiction) =>
        PeriodRules.Deadline(start, PeriodRules.EndOfMonths(start, months), bufferDays: 0, jurisdiction);
}
