namespace Varsling.Core.Cases;

/// <summary>
/// The lifecycle of a case. Legal steps (anything else is refused by <see cref="Case"/>):
/// <code>
/// Received ──acknowledge──▶ Acknowledged ──start investigation──▶ UnderInvestigation
///     Acknowledged | UnderInvestigation | FeedbackGiven ──give feedback──▶ FeedbackGiven
///     Acknowledged | UnderInvestigation | FeedbackGiven ──close──▶ Closed
///     Closed ──reopen──▶ UnderInvestigation
///     Closed ──purge (retention date reached, no legal hold)──▶ Purged
/// </code>
/// A case cannot be closed before it is acknowledged: the Directive requires the acknowledgement either way.
/// </summary>
public enum CaseStatus
{
    /// <summary>Filed by the reporter (or registered on their behalf); the 7-day acknowledgement clock runs.</summary>
    Received,

    /// <summary>The reporter has been told the report arrived; the feedback clock runs from this moment.</summary>
    Acknowledged,

    /// <summary>A handler is following the report up.</summary>
    UnderInvestigation,

    /// <summary>The reporter has been told what was done or planned (Directive Art. 9(1)(f)); the case is still open.</summary>
    FeedbackGiven,

    /// <summary>Follow-up is finished; the retention period runs from closure.</summary>
    Closed,

    /// <summary>Keys and content destroyed; only a content-free purge record remains.</summary>
    Purged,
}
