namespace Varsling.Core.Privacy;

/// <summary>What a notice entry records.</summary>
public enum ReportedPersonNoticeKind
{
    /// <summary>The reported person was informed (GDPR Art. 14) on <see cref="ReportedPersonNotice.InformedOn"/>. Final.</summary>
    Informed,

    /// <summary>Informing was deferred on a recorded ground until <see cref="ReportedPersonNotice.ReviewOn"/>, when it must be reconsidered.</summary>
    Deferred,
}

/// <summary>
/// The grounds on which informing the reported person may be deferred (compliance.md §1). Stored by name; a member
/// may be added but not renamed.
/// </summary>
public enum NoticeDeferralGround
{
    /// <summary>GDPR Art. 14(5)(b): informing would likely render impossible or seriously impair the investigation.</summary>
    ImpairsInvestigation,

    /// <summary>GDPR Art. 14(5)(b): informing is impossible or would involve a disproportionate effort.</summary>
    ImpossibleOrDisproportionate,

    /// <summary>A national restriction under GDPR Art. 23 (Norway: personopplysningsloven § 16), e.g. to protect the reporter.</summary>
    NationalRestriction,
}

/// <summary>
/// One entry in a case's history of informing the reported person: either that they were informed, or a deferral
/// with its ground and review date. The latest entry is the case's current position; entries are never changed,
/// so the history shows every deferral that was made. Holds dates and a ground only, never who the person is.
/// Deleted with the case.
/// </summary>
public sealed class ReportedPersonNotice : IOrganisationOwned
{
    private ReportedPersonNotice() { }

    private ReportedPersonNotice(Guid id, Guid organisationId, Guid caseId, ReportedPersonNoticeKind kind, DateOnly? informedOn,
        NoticeDeferralGround? ground, DateOnly? reviewOn, DateTimeOffset recordedAt, Guid recordedBy)
    {
        Id = id;
        OrganisationId = organisationId;
        CaseId = caseId;
        Kind = kind;
        InformedOn = informedOn;
        Ground = ground;
        ReviewOn = reviewOn;
        RecordedAt = recordedAt.ToUniversalTime();
        RecordedBy = recordedBy;
    }

    public static ReportedPersonNotice Informed(Guid id, Guid organisationId, Guid caseId, DateOnly informedOn, DateTimeOffset recordedAt, Guid recordedBy) =>
        new(id, organisationId, caseId, ReportedPersonNoticeKind.Informed, informedOn, null, null, recordedAt, recordedBy);

    public static ReportedPersonNotice Deferred(Guid id, Guid organisationId, Guid caseId, NoticeDeferralGround ground, DateOnly reviewOn,
        DateTimeOffset recordedAt, Guid recordedBy) =>
        new(id, organisationId, caseId, ReportedPersonNoticeKind.Deferred, null, ground, reviewOn, recordedAt, recordedBy);

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public ReportedPersonNoticeKind Kind { get; private set; }

    /// <summary>The local date the person was informed (Informed only).</summary>
    public DateOnly? InformedOn { get; private set; }

    /// <summary>Why informing was deferred (Deferred only).</summary>
    public NoticeDeferralGround? Ground { get; private set; }

    /// <summary>The local date by which the deferral must be reconsidered (Deferred only).</summary>
    public DateOnly? ReviewOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The handler who recorded the entry. Not a foreign key, like the audit log's actor: the history outlives accounts.</summary>
    public Guid RecordedBy { get; private set; }
}
