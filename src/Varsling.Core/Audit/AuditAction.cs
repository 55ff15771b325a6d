namespace Varsling.Core.Audit;

/// <summary>
/// What an audit event records. Stored by name (never by number), and the name is part of the row's hash, so a
/// member may be added but never renamed or removed once rows carry it. The detail of an event names only ids,
/// states and counts, never content (see <see cref="AuditEntry.Detail"/>).
/// </summary>
public enum AuditAction
{
    /// <summary>A reporter filed a report; the event's case id is the new case. Actor: Reporter.</summary>
    ReportSubmitted,

    /// <summary>A reporter opened their mailbox with a receipt code. Actor: Reporter.</summary>
    ReporterLoggedIn,

    /// <summary>A handler opened a case's page.</summary>
    CaseViewed,

    /// <summary>A handler decrypted a sealed record of a case (answers, identity, notes, summary); detail: the record kind.</summary>
    RecordDecrypted,

    /// <summary>A reporter's identity was released to a handler under the custodian rule.</summary>
    IdentityReleased,

    /// <summary>A file was added to a case (by the reporter or a handler).</summary>
    AttachmentUploaded,

    /// <summary>A handler downloaded a decrypted attachment.</summary>
    AttachmentDownloaded,

    /// <summary>A message was sent between reporter and handlers; the actor tells which side.</summary>
    MessageSent,

    /// <summary>A case changed status; detail e.g. "status Received→Acknowledged".</summary>
    CaseTransitioned,

    /// <summary>The feedback deadline was extended (external channels); detail carries no reason text.</summary>
    DeadlineExtended,

    /// <summary>A user was given access to a case or channel (keys re-wrapped to them).</summary>
    AccessGranted,

    /// <summary>A user's access to a case or channel was withdrawn.</summary>
    AccessRevoked,

    /// <summary>A case export (e.g. a PDF for the legal team) was produced.</summary>
    ExportCreated,

    /// <summary>A legal hold was put on a case, which stops its purge.</summary>
    LegalHoldSet,

    /// <summary>A legal hold was lifted.</summary>
    LegalHoldReleased,

    /// <summary>A case and its records were purged at the end of retention; the audit rows remain.</summary>
    CasePurged,

    /// <summary>A back-office user logged in (password and second factor).</summary>
    LoginSucceeded,

    /// <summary>A back-office login failed; the actor id is the account's id when the account exists, else none.</summary>
    LoginFailed,

    /// <summary>A back-office user logged out, or their session ended.</summary>
    LoggedOut,

    /// <summary>A user account was created.</summary>
    UserCreated,

    /// <summary>A user account was disabled or locked by an administrator.</summary>
    UserDisabled,

    /// <summary>A user changed their password (their private key was re-wrapped).</summary>
    PasswordChanged,

    /// <summary>A user's private key was unwrapped with their recovery key or the organisation's escrow key.</summary>
    KeyRecovered,

    /// <summary>An organisation, legal entity, channel or retention setting was changed; detail names the setting.</summary>
    SettingsChanged,

    /// <summary>A handler wrote an internal note on a case; detail: the record id.</summary>
    NoteAdded,

    /// <summary>A data-subject request was registered; detail: request id, reference and right, never the requester.</summary>
    DataSubjectRequestRegistered,

    /// <summary>A data-subject request's deadline was extended; detail: request id, reference and right, never the reasons.</summary>
    DataSubjectRequestExtended,

    /// <summary>A data-subject request was completed; detail: request id, reference, right and outcome, never the ground.</summary>
    DataSubjectRequestCompleted,

    /// <summary>Informing a case's reported person was recorded or deferred; detail: the date or the ground and review date.</summary>
    ReportedPersonNoticeRecorded,

    /// <summary>A handler asked a custodian for a case's identity key; detail: the request id.</summary>
    IdentityReleaseRequested,

    /// <summary>A custodian refused a request for a case's identity key; detail: the request id.</summary>
    IdentityReleaseRefused,

    /// <summary>The organisation's escrow key was created (escrow turned on); no key material in the detail.</summary>
    EscrowEnabled,

    /// <summary>The organisation's escrow key and every escrow wrap were deleted (escrow turned off).</summary>
    EscrowDisabled,

    /// <summary>An administrator changed a person's roles; detail: the person's id and the new roles.</summary>
    UserRolesChanged,

    /// <summary>An administrator lifted a deactivation; detail: the person's id.</summary>
    UserReactivated,

    /// <summary>An administrator reset a person's account (key pair deleted, new initial password); detail: the person's id.</summary>
    UserReset,

    /// <summary>A person was made a member of a channel (new cases are sealed to them); detail: person and channel ids.</summary>
    ChannelMemberAdded,

    /// <summary>A person's channel membership ended (cases already granted stay readable); detail: person and channel ids.</summary>
    ChannelMemberRemoved,

    /// <summary>An administrator read the audit log; detail: the page and whether filters were set.</summary>
    AuditLogViewed,

    /// <summary>A case was assigned to a handler or unassigned; detail: the assignee's user id or "unassigned".</summary>
    CaseAssigned,

    /// <summary>
    /// A handler deleted a reporter's message or an attachment as manifestly irrelevant (Directive Art. 17);
    /// detail: the deleted record or file id and the reason category, never content.
    /// </summary>
    RecordDeletedAsIrrelevant,

    /// <summary>A handler registered an oral report on the reporter's behalf; the event's case id is the new case.</summary>
    OralReportRegistered,
}

/// <summary>Who caused an audit event. Stored by name.</summary>
public enum AuditActorKind
{
    /// <summary>A back-office user, identified by their user id.</summary>
    User,

    /// <summary>The (anonymous) reporter of the event's case; never identified.</summary>
    Reporter,

    /// <summary>Varsling itself: a scheduled job or an operator command.</summary>
    System,
}
