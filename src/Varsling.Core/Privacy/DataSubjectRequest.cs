using Varsling.Core.Deadlines;

namespace Varsling.Core.Privacy;

/// <summary>The rights a person can exercise about the whistleblowing processing (GDPR Art. 15–18, 21).</summary>
public enum DataSubjectRight
{
    Access,
    Rectification,
    Erasure,
    Restriction,
    Objection,
}

/// <summary>
/// Lifecycle of a data-subject request:
/// <code>
/// Open ──extend (within the first month, with reasons)──▶ Extended
/// Open | Extended ──complete (with an outcome)──▶ Completed
/// </code>
/// </summary>
public enum DataSubjectRequestStatus
{
    /// <summary>Registered; the one-month clock runs.</summary>
    Open,

    /// <summary>Extended by two further months; the person was told why within the first month.</summary>
    Extended,

    /// <summary>Answered; the outcome is recorded.</summary>
    Completed,
}

/// <summary>How a request ended. Refusals need a recorded legal ground (e.g. Art. 23 restriction, personopplysningsloven § 16).</summary>
public enum DataSubjectRequestOutcome
{
    Granted,
    PartiallyGranted,
    Refused,
    Withdrawn,
}

/// <summary>
/// One entry in the register of GDPR requests about the whistleblowing processing. It holds what the organisation
/// must be able to account for — which right, when it arrived, the deadline, any extension and its reasons, the
/// outcome — and no content of the request itself (that belongs in the sealed case file).
/// </summary>
public sealed class DataSubjectRequest : IOrganisationOwned
{
    public const int ReferenceMaxLength = 32;
    public const int ReasonMaxLength = 2000;

    private DataSubjectRequest() { }

    private DataSubjectRequest(Guid id, Guid organisationId, Guid legalEntityId, string reference, DataSubjectRight right,
        DateTimeOffset receivedAt, Guid? caseId)
    {
        Id = id;
        OrganisationId = organisationId;
        LegalEntityId = legalEntityId;
        Reference = reference;
        Right = right;
        ReceivedAt = receivedAt.ToUniversalTime();
        CaseId = caseId;
        Status = DataSubjectRequestStatus.Open;
    }

    /// <summary>Registers a request received at <paramref name="receivedAt"/> and computes its one-month deadline.</summary>
    public static DataSubjectRequest Register(Guid id, Guid organisationId, Guid legalEntityId, string reference,
        DataSubjectRight right, DateTimeOffset receivedAt, Guid? caseId, Jurisdiction jurisdiction)
    {
        var r = new DataSubjectRequest(id, organisationId, legalEntityId, reference, right, receivedAt, caseId);
        r.Recompute(jurisdiction);
        return r;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The controller the request is addressed to; its jurisdiction counts the days.</summary>
    public Guid LegalEntityId { get; private set; }

    public string Reference { get; private set; } = "";
    public DataSubjectRight Right { get; private set; }

    /// <summary>The case the request concerns, if it came through a reporter's mailbox; no foreign key, so the
    /// register outlives a purged case.</summary>
    public Guid? CaseId { get; private set; }

    public DataSubjectRequestStatus Status { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Legal due date (local), one month or, when extended, three months after receipt, rolled forward.</summary>
    public DateOnly Due { get; private set; }

    /// <summary>The instant the due day ends locally; from then on the request is overdue.</summary>
    public DateTimeOffset DueEndUtc { get; private set; }

    public DateTimeOffset? ExtensionRecordedAt { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DataSubjectRequestOutcome? Outcome { get; private set; }

    /// <summary>The legal ground of a refusal or partial refusal; required for those outcomes.</summary>
    public string? OutcomeGround { get; private set; }

    /// <summary>
    /// Extends the deadline by two months. GDPR Art. 12(3) allows it only when the person is told, with reasons,
    /// within the first month; an extension recorded later is refused.
    /// </summary>
    public void Extend(DateTimeOffset at, string reason, Jurisdiction jurisdiction)
    {
        if (Status != DataSubjectRequestStatus.Open)
        {
            throw new RuleViolationException($"Request {Reference} is {Describe(Status)} and cannot be extended.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("An extension needs the reasons given to the person.");
        }

        if (!RequestClock.CanExtend(ReceivedAt, jurisdiction, at))
        {
            throw new RuleViolationException(
                $"Request {Reference} can no longer be extended: the first month ended on {Due:yyyy-MM-dd} (GDPR Art. 12(3)).");
        }

        ExtensionRecordedAt = at.ToUniversalTime();
        ExtensionReason = Limit(reason, "The reasons");
        Status = DataSubjectRequestStatus.Extended;
        Recompute(jurisdiction);
    }

    /// <summary>Records the answer. A refusal, full or partial, must name its legal ground.</summary>
    public void Complete(DateTimeOffset at, DataSubjectRequestOutcome outcome, string? ground)
    {
        if (Status == DataSubjectRequestStatus.Completed)
        {
            throw new RuleViolationException($"Request {Reference} is already completed.");
        }

        if (at.ToUniversalTime() < ReceivedAt)
        {
            throw new RuleViolationException($"Request {Reference} cannot be completed before it was received.");
        }

        var needsGround = outcome switch
        {
            DataSubjectRequestOutcome.Refused or DataSubjectRequestOutcome.PartiallyGranted => true,
            DataSubjectRequestOutcome.Granted or DataSubjectRequestOutcome.Withdrawn => false,
        };
        if (needsGround && string.IsNullOrWhiteSpace(ground))
        {
            throw new RuleViolationException("A refusal or partial refusal must state its legal ground.");
        }

        CompletedAt = at.ToUniversalTime();
        Outcome = outcome;
        OutcomeGround = string.IsNullOrWhiteSpace(ground) ? null : Limit(ground, "The legal ground");
        Status = DataSubjectRequestStatus.Completed;
    }

    /// <summary>Whether the answer came in time; null while the request is open.</summary>
    public bool? AnsweredInTime => CompletedAt is { } done ? done < DueEndUtc : null;

    private void Recompute(Jurisdiction jurisdiction)
    {
        var deadline = RequestClock.Compute(ReceivedAt, jurisdiction, ExtensionRecordedAt);
        Due = deadline.Response.Due;
        DueEndUtc = deadline.Response.DueEndUtc;
    }

    private static string Limit(string text, string what) => text.Trim().Length <= ReasonMaxLength
        ? text.Trim()
        : throw new RuleViolationException($"{what} must be at most {ReasonMaxLength} characters.");

    internal static string Describe(DataSubjectRequestStatus status) => status switch
    {
        DataSubjectRequestStatus.Open => "open",
        DataSubjectRequestStatus.Extended => "extended",
        DataSubjectRequestStatus.Completed => "completed",
    };
}
