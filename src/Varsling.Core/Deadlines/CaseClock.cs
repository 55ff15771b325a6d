namespace Varsling.Core.Deadlines;

/// <summary>The events of a case that its deadlines depend on. Instants are absolute; local dates are derived.</summary>
/// <param name="ReceivedAt">When the report was received.</param>
/// <param name="AcknowledgedAt">When the acknowledgement was actually sent, if it was.</param>
/// <param name="ClosedAt">When the case was closed, if it is.</param>
/// <param name="ExternalChannel">True for an authority's external reporting channel (Directive Art. 11).</param>
/// <param name="FeedbackExtensionReason">The recorded justification for extending feedback to six months
/// (Art. 11(2)(d)); only external channels may have one. Null, empty or whitespace means none.</param>
public sealed record CaseClockInput(
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ClosedAt,
    bool ExternalChannel,
    string? FeedbackExtensionReason);

/// <summary>The organisation's choices around the legal clock (compliance.md §1–2).</summary>
/// <param name="AcknowledgementBufferDays">Days before the nominal 7th day for the internal acknowledgement target.</param>
/// <param name="FeedbackBufferDays">Days before the nominal feedback day for the internal feedback target.</param>
/// <param name="RetentionMonths">Months after closure by which the case must be purged (Sweden: at most 24,
/// lag 2021:890 ch. 7).</param>
public sealed record ClockPolicy(int AcknowledgementBufferDays = 2, int FeedbackBufferDays = 14, int RetentionMonths = 24)
{
    public static ClockPolicy Default { get; } = new();

    internal void ThrowIfInvalid()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(AcknowledgementBufferDays);
        ArgumentOutOfRangeException.ThrowIfNegative(FeedbackBufferDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RetentionMonths);
    }
}

/// <summary>A case's deadlines, all in the jurisdiction's local dates.</summary>
/// <param name="Acknowledgement">7 days from receipt (Directive Art. 9(1)(b), 11(2)(b)).</param>
/// <param name="Feedback">3 months (6 if extended) from acknowledgement or from day 7 (Art. 9(1)(f), 11(2)(d)).</param>
/// <param name="PurgeDue">The day by which the closed case must be purged; null while it is open.</param>
/// <param name="FeedbackExtended">True when the six-month external-channel period applies.</param>
public sealed record CaseDeadlines(Deadline Acknowledgement, Deadline Feedback, DateOnly? PurgeDue, bool FeedbackExtended);

/// <summary>
/// The case deadline clock: a pure function of the case's events, its legal entity's jurisdiction and the policy,
/// so stored deadlines can be recomputed at any time with the same result (architecture.md §6).
/// </summary>
public static class CaseClock
{
    private const int AcknowledgementDays = 7;
    private const int FeedbackMonths = 3;
    private const int ExtendedFeedbackMonths = 6;

    /// <summary>
    /// Computes the acknowledgement, feedback and purge deadlines.
    /// <para>Acknowledgement: 7 days from the local date of receipt, rolled forward.</para>
    /// <para>Feedback: 3 months from the local date the acknowledgement was sent. Without an acknowledgement,
    /// 3 months from the end of the 7-day period, taken as day 7 itself and not the rolled-forward due day: the
    /// earlier, safer reading of Art. 9(1)(f). An acknowledgement sent after day 7 (even if on time because day 7
    /// was a holiday) also counts from day 7, for the same reason: a late acknowledgement never buys time.
    /// External channels with a recorded extension reason get 6 months instead (Art. 11(2)(d)).</para>
    /// <para>Purge: the local date of closure plus <see cref="ClockPolicy.RetentionMonths"/> months, with no roll-forward
    /// and no buffer: data must be gone by then, and rolling forward would keep it longer.</para>
    /// </summary>
    /// <exception cref="ArgumentException">The acknowledgement or closure precedes receipt, an internal channel has
    /// an extension reason, or the policy has a negative buffer or a non-positive retention.</exception>
    public static CaseDeadlines Compute(CaseClockInput input, Jurisdiction jurisdiction, ClockPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentNullException.ThrowIfNull(policy);
        policy.ThrowIfInvalid();

        if (input.AcknowledgedAt < input.ReceivedAt)
        {
            throw new ArgumentException(
                $"The acknowledgement ({input.AcknowledgedAt:O}) cannot precede receipt of the report ({input.ReceivedAt:O}).",
                nameof(input));
        }

        if (input.ClosedAt < input.ReceivedAt)
        {
            throw new ArgumentException(
                $"The closure ({input.ClosedAt:O}) cannot precede receipt of the report ({input.ReceivedAt:O}).",
                nameof(input));
        }

        var extended = !string.IsNullOrWhiteSpace(input.FeedbackExtensionReason);
        if (extended && !input.ExternalChannel)
        {
            throw new ArgumentException(
                "Only external channels can extend the feedback period (Directive Art. 11(2)(d)); internal channels have no extension.",
                nameof(input));
        }

        var received = jurisdiction.LocalDate(input.ReceivedAt);
        var daySeven = PeriodRules.EndOfDays(received, AcknowledgementDays);
        var acknowledgement = PeriodRules.Deadline(received, daySeven, policy.AcknowledgementBufferDays, jurisdiction);

        var feedbackStart = input.AcknowledgedAt is { } acknowledgedAt
            ? Min(jurisdiction.LocalDate(acknowledgedAt), daySeven)
            : daySeven;
        var feedbackEnd = PeriodRules.EndOfMonths(feedbackStart, extended ? ExtendedFeedbackMonths : FeedbackMonths);
        var feedback = PeriodRules.Deadline(feedbackStart, feedbackEnd, policy.FeedbackBufferDays, jurisdiction);

        DateOnly? purgeDue = input.ClosedAt is { } closedAt
            ? PeriodRules.EndOfMonths(jurisdiction.LocalDate(closedAt), policy.RetentionMonths)
            : null;

        return new CaseDeadlines(acknowledgement, feedback, purgeDue, extended);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;
}
