using Varsling.Core.Deadlines;

namespace Varsling.Core.Cases;

/// <summary>
/// One report and its follow-up. The entity holds only the plaintext metadata the server needs to run the clock
/// (architecture.md §2); everything a person writes is sealed elsewhere. Transitions are methods that refuse
/// illegal steps and recompute the stored deadlines, so the database always holds the clock's current answer.
/// </summary>
public sealed class Case : IOrganisationOwned
{
    public const int LegalHoldReasonMaxLength = 1000;

    private Case() { }

    private Case(Guid id, Guid organisationId, Guid legalEntityId, Guid channelId, Guid? categoryId, string reference,
        DateTimeOffset receivedAt)
    {
        Id = id;
        OrganisationId = organisationId;
        LegalEntityId = legalEntityId;
        ChannelId = channelId;
        CategoryId = categoryId;
        Reference = reference;
        ReceivedAt = receivedAt;
        Status = CaseStatus.Received;
    }

    /// <summary>Registers a newly received report and computes its first deadlines.</summary>
    public static Case Receive(Guid id, Guid organisationId, Guid legalEntityId, Guid channelId, Guid? categoryId,
        string reference, DateTimeOffset receivedAt, CaseClockContext clock)
    {
        var c = new Case(id, organisationId, legalEntityId, channelId, categoryId, reference, receivedAt.ToUniversalTime());
        c.Recompute(clock);
        return c;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid LegalEntityId { get; private set; }
    public Guid ChannelId { get; private set; }
    public Guid? CategoryId { get; private set; }

    /// <summary>Human-readable reference, unique within the organisation; carries no content.</summary>
    public string Reference { get; private set; } = "";

    public CaseStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public DateTimeOffset? InvestigationStartedAt { get; private set; }

    /// <summary>When feedback was first given: the moment that meets the feedback deadline.</summary>
    public DateTimeOffset? FeedbackGivenAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Reason recorded for extending feedback to 6 months (external channels only, Directive Art. 11(2)).</summary>
    public string? FeedbackExtensionReason { get; private set; }

    public DateOnly AcknowledgementDue { get; private set; }
    public DateOnly AcknowledgementTarget { get; private set; }
    public DateOnly FeedbackDue { get; private set; }
    public DateOnly FeedbackTarget { get; private set; }

    /// <summary>Local date by which a closed case must be purged; null while the case is open.</summary>
    public DateOnly? PurgeDue { get; private set; }

    /// <summary>Why the case is on legal hold (court or authority order, legal claims — GDPR Art. 17(3)(e)); null when not.</summary>
    public string? LegalHoldReason { get; private set; }

    /// <summary>The back-office user who set the hold.</summary>
    public Guid? LegalHoldSetBy { get; private set; }

    public DateTimeOffset? LegalHoldSetAt { get; private set; }

    /// <summary>How the case ended; set at closure, cleared by reopening.</summary>
    public CaseOutcome? Outcome { get; private set; }

    public bool OnLegalHold => LegalHoldReason is not null;

    /// <summary>
    /// Optimistic concurrency token (PostgreSQL xmin), so two handlers cannot both move the lifecycle. Every entry
    /// written to the case also moves it (see <c>ReporterMailbox.NextSequenceAsync</c>), so a form opened before the
    /// newest message is stale.
    /// </summary>
    public uint Version { get; private set; }

    // Case work (issue 5 §4): assignment, the stored next legal due date for the inbox, oral reports.

    /// <summary>The handler responsible for the case, one of those who hold its keys; null while unassigned.</summary>
    public Guid? AssigneeId { get; private set; }

    /// <summary>
    /// The earliest legal due date still pending (acknowledgement, else feedback), null when none is or the case is
    /// closed; stored so the inbox sorts and pages in SQL.
    /// </summary>
    public DateOnly? NextDue { get; private set; }

    /// <summary>How an oral report was made (Directive Art. 9(2)); null for a written report.</summary>
    public ReportMedium? OralMedium { get; private set; }

    public void Acknowledge(DateTimeOffset at, CaseClockContext clock)
    {
        Require(CaseStatus.Received, "acknowledged");
        AcknowledgedAt = NotBeforeReceipt(at);
        Status = CaseStatus.Acknowledged;
        Recompute(clock);
    }

    public void StartInvestigation(DateTimeOffset at)
    {
        Require(CaseStatus.Acknowledged, "put under investigation");
        InvestigationStartedAt = NotBeforeReceipt(at);
        Status = CaseStatus.UnderInvestigation;
    }

    /// <summary>Records feedback to the reporter. Feedback can be given more than once; the first one meets the deadline.</summary>
    public void GiveFeedback(DateTimeOffset at)
    {
        RequireOpenAndAcknowledged("given feedback");
        FeedbackGivenAt ??= NotBeforeReceipt(at);
        Status = CaseStatus.FeedbackGiven;
        NextDue = PendingDue();
    }

    public void ExtendFeedback(string reason, CaseClockContext clock)
    {
        if (clock.ExternalChannel is false)
        {
            throw new RuleViolationException("Only external channels may extend the feedback period (Directive Art. 11(2)).");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("An extension of the feedback period needs a recorded reason.");
        }

        if (Status is CaseStatus.Closed or CaseStatus.Purged || FeedbackGivenAt is not null)
        {
            throw new RuleViolationException("The feedback period can only be extended while feedback is still pending.");
        }

        FeedbackExtensionReason = reason.Trim();
        Recompute(clock);
    }

    public void Close(DateTimeOffset at, CaseOutcome outcome, CaseClockContext clock)
    {
        RequireOpenAndAcknowledged("closed");
        ClosedAt = NotBeforeReceipt(at);
        Outcome = outcome;
        Status = CaseStatus.Closed;
        Recompute(clock);
    }

    /// <summary>Reopens a closed case; its purge date is cleared until it is closed again.</summary>
    public void Reopen(DateTimeOffset at, CaseClockContext clock)
    {
        Require(CaseStatus.Closed, "reopened");
        ClosedAt = null;
        Outcome = null;
        InvestigationStartedAt ??= NotBeforeReceipt(at);
        Status = CaseStatus.UnderInvestigation;
        Recompute(clock);
    }

    /// <summary>
    /// Marks the case purged. Only a closed case whose purge date has come (in its jurisdiction's calendar) and that
    /// is not on legal hold may be purged.
    /// </summary>
    public void MarkPurged(DateOnly today)
    {
        Require(CaseStatus.Closed, "purged");
        if (!IsDueForPurge(today))
        {
            throw new RuleViolationException(OnLegalHold
                ? $"Case {Reference} is on legal hold and cannot be purged."
                : $"Case {Reference} is not due for purge before {PurgeDue:yyyy-MM-dd}.");
        }

        Status = CaseStatus.Purged;
        NextDue = null;
    }

    /// <summary>True when the case is closed, its purge date is today or earlier, and no legal hold pauses it.</summary>
    public bool IsDueForPurge(DateOnly today) =>
        Status is CaseStatus.Closed && PurgeDue is { } due && today >= due && !OnLegalHold;

    /// <summary>Pauses the purge until released. Setting a new reason replaces the old one.</summary>
    public void SetLegalHold(string reason, Guid setBy, DateTimeOffset at)
    {
        if (Status is CaseStatus.Purged)
        {
            throw Illegal("put on legal hold");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("A legal hold needs a reason (the decision or claim it rests on).");
        }

        var trimmed = reason.Trim();
        LegalHoldReason = trimmed.Length <= LegalHoldReasonMaxLength
            ? trimmed
            : throw new RuleViolationException($"The reason must be at most {LegalHoldReasonMaxLength} characters.");
        LegalHoldSetBy = setBy;
        LegalHoldSetAt = at.ToUniversalTime();
    }

    /// <summary>Releases the hold; a closed case whose purge date has passed is then purged on the next run.</summary>
    public void ReleaseLegalHold()
    {
        if (!OnLegalHold)
        {
            throw new RuleViolationException($"Case {Reference} is not on legal hold.");
        }

        LegalHoldReason = null;
        LegalHoldSetBy = null;
        LegalHoldSetAt = null;
    }

    /// <summary>The actions the lifecycle allows now, for the pages to offer nothing else.</summary>
    public bool Can(CaseAction action) => action switch
    {
        CaseAction.Acknowledge => Status is CaseStatus.Received,
        CaseAction.StartInvestigation => Status is CaseStatus.Acknowledged,
        CaseAction.GiveFeedback or CaseAction.Close => IsOpenAndAcknowledged,
        CaseAction.Reopen => Status is CaseStatus.Closed,
    };

    private bool IsOpenAndAcknowledged => Status switch
    {
        CaseStatus.Acknowledged or CaseStatus.UnderInvestigation or CaseStatus.FeedbackGiven => true,
        CaseStatus.Received or CaseStatus.Closed or CaseStatus.Purged => false,
    };

    private void RequireOpenAndAcknowledged(string what)
    {
        if (!IsOpenAndAcknowledged)
        {
            throw Illegal(what);
        }
    }

    private void Require(CaseStatus expected, string what)
    {
        if (Status != expected)
        {
            throw Illegal(what);
        }
    }

    private RuleViolationException Illegal(string what) =>
        new($"Case {Reference} is {Describe(Status)} and cannot be {what}.");

    private DateTimeOffset NotBeforeReceipt(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc < ReceivedAt
            ? throw new RuleViolationException($"A step of case {Reference} cannot be dated before the report was received.")
            : utc;
    }

    private void Recompute(CaseClockContext clock)
    {
        var deadlines = CaseClock.Compute(
            new CaseClockInput(ReceivedAt, AcknowledgedAt, ClosedAt, clock.ExternalChannel, FeedbackExtensionReason),
            clock.Jurisdiction, clock.Policy);
        AcknowledgementDue = deadlines.Acknowledgement.Due;
        AcknowledgementTarget = deadlines.Acknowledgement.Target;
        FeedbackDue = deadlines.Feedback.Due;
        FeedbackTarget = deadlines.Feedback.Target;
        PurgeDue = deadlines.PurgeDue;
        NextDue = PendingDue();
    }

    private DateOnly? PendingDue() =>
        !IsOpen ? null
        : AcknowledgedAt is null ? AcknowledgementDue
        : FeedbackGivenAt is null ? FeedbackDue
        : null;

    private bool IsOpen => Status is not (CaseStatus.Closed or CaseStatus.Purged);

    /// <summary>Hands the case to <paramref name="assignee"/> (null: unassigned). Whether they hold its keys is the caller's check.</summary>
    public void AssignTo(Guid? assignee)
    {
        if (Status is CaseStatus.Purged)
        {
            throw Illegal("assigned");
        }

        AssigneeId = assignee;
    }

    /// <summary>Marks a newly received case as registered by a handler from an oral report.</summary>
    internal void RecordOral(ReportMedium medium)
    {
        if (!Enum.IsDefined(medium))
        {
            throw new RuleViolationException("Choose how the report was made.");
        }

        OralMedium = medium;
    }

    internal static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.Received => "received",
        CaseStatus.Acknowledged => "acknowledged",
        CaseStatus.UnderInvestigation => "under investigation",
        CaseStatus.FeedbackGiven => "awaiting closure after feedback",
        CaseStatus.Closed => "closed",
        CaseStatus.Purged => "purged",
    };
}

/// <summary>How an oral report reached the organisation (Directive Art. 9(2)). Stored by name.</summary>
public enum ReportMedium
{
    /// <summary>By telephone or another voice messaging system.</summary>
    Phone,

    /// <summary>In a physical meeting, at the reporter's request.</summary>
    Meeting,
}

/// <summary>Lifecycle actions a person can take on a case.</summary>
public enum CaseAction
{
    Acknowledge,
    StartInvestigation,
    GiveFeedback,
    Close,
    Reopen,
}

/// <summary>What the clock needs besides the case's own events: where it is counted and under which policy.</summary>
public sealed record CaseClockContext(Jurisdiction Jurisdiction, ClockPolicy Policy, bool ExternalChannel);
