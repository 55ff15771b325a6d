using Varsling.Crypto;

namespace Varsling.Core.Messaging;

/// <summary>Who wrote a case entry.</summary>
public enum EntryAuthor
{
    Reporter,
    Handler,

    /// <summary>A template message with no case content (e.g. the automatic acknowledgement); stored as a template id.</summary>
    System,
}

/// <summary>
/// One entry of a case as the reporter and handlers see it: the report's answers, the reporter's identity, a message
/// either way, or a system template. Person-written content is a sealed record (protocol.md §4) bound to the case,
/// this row's id and its kind; system entries carry only a template id. Metadata is deliberately coarse: a per-case
/// sequence number and a calendar date, never the time of day, so a handler cannot line an entry up with
/// a door log or a network log.
/// </summary>
public sealed class CaseRecord : IOrganisationOwned
{
    public const int MaxTemplateIdLength = 64;

    private CaseRecord() { }

    private CaseRecord(Guid id, Guid organisationId, Guid caseId, int sequence, DateOnly date, EntryAuthor author, Guid? authorUserId,
        RecordKind kind, byte[]? sealedContent, string? templateId)
    {
        Id = id;
        OrganisationId = organisationId;
        CaseId = caseId;
        Sequence = sequence;
        Date = date;
        Author = author;
        AuthorUserId = authorUserId;
        Kind = kind;
        SealedContent = sealedContent;
        TemplateId = templateId;
    }

    /// <summary>A sealed entry written by the reporter or a handler.</summary>
    public static CaseRecord Sealed(Guid id, Guid organisationId, Guid caseId, int sequence, DateOnly date, EntryAuthor author,
        Guid? authorUserId, RecordKind kind, byte[] sealedContent)
    {
        if (author == EntryAuthor.System)
        {
            throw new RuleViolationException("System entries are templates, not sealed content.");
        }

        if ((author == EntryAuthor.Handler) != authorUserId.HasValue)
        {
            throw new RuleViolationException("A handler's entry names the handler; a reporter's names nobody.");
        }

        if (kind is RecordKind.FileKey or RecordKind.Note or RecordKind.Summary)
        {
            throw new RuleViolationException("Notes, summaries and file keys are not case entries the reporter can share.");
        }

        if (sealedContent.Length < Records.Overhead)
        {
            throw new RuleViolationException("A sealed entry is too short to be a record.");
        }

        return new CaseRecord(id, organisationId, caseId, sequence, date, author, authorUserId, kind, sealedContent, null);
    }

    /// <summary>
    /// A handler-only entry: an internal note (internal key) or a closing summary (summary key). The reporter's
    /// mailbox never lists these kinds, and the reporter holds neither key.
    /// </summary>
    public static CaseRecord HandlerOnly(Guid id, Guid organisationId, Guid caseId, int sequence, DateOnly date, Guid authorUserId,
        RecordKind kind, byte[] sealedContent)
    {
        if (kind is not (RecordKind.Note or RecordKind.Summary))
        {
            throw new RuleViolationException("Only notes and closing summaries are handler-only entries.");
        }

        if (authorUserId == Guid.Empty || sealedContent.Length < Records.Overhead)
        {
            throw new RuleViolationException("A handler-only entry names its author and holds a sealed record.");
        }

        return new CaseRecord(id, organisationId, caseId, sequence, date, EntryAuthor.Handler, authorUserId, kind, sealedContent, null);
    }

    /// <summary>A template message from the system; it carries no content, only which template to show.</summary>
    public static CaseRecord FromTemplate(Guid id, Guid organisationId, Guid caseId, int sequence, DateOnly date, string templateId)
    {
        if (string.IsNullOrWhiteSpace(templateId) || templateId.Length > MaxTemplateIdLength)
        {
            throw new RuleViolationException("A system entry needs a template id.");
        }

        return new CaseRecord(id, organisationId, caseId, sequence, date, EntryAuthor.System, null, RecordKind.Message, null, templateId);
    }

    /// <summary>
    /// A content-free entry the reporter made by pressing a button (agreeing to the minutes of an oral report):
    /// it is the reporter's, so it carries the reporter as author, and only a template id.
    /// </summary>
    public static CaseRecord ReporterConfirmation(Guid id, Guid organisationId, Guid caseId, int sequence, DateOnly date, string templateId)
    {
        if (templateId != SystemTemplates.MinutesAgreed)
        {
            throw new RuleViolationException("The reporter can only confirm by agreeing to the minutes.");
        }

        return new CaseRecord(id, organisationId, caseId, sequence, date, EntryAuthor.Reporter, null, RecordKind.Message, null, templateId);
    }

    /// <summary>
    /// Replaces the sealed content with a new sealing of the same record (same id and kind, so the same AAD): used
    /// when a file it names is deleted as irrelevant and the file's name must go too.
    /// </summary>
    internal void Reseal(byte[] sealedContent)
    {
        if (SealedContent is null || sealedContent.Length < Records.Overhead)
        {
            throw new RuleViolationException("Only a sealed entry can be sealed again.");
        }

        SealedContent = sealedContent;
    }

    /// <summary>The record id bound into the sealed content's AAD.</summary>
    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>1, 2, 3 … within the case, in the order entries were added.</summary>
    public int Sequence { get; private set; }

    /// <summary>The day the entry arrived, in the legal entity's time zone.</summary>
    public DateOnly Date { get; private set; }

    public EntryAuthor Author { get; private set; }
    public Guid? AuthorUserId { get; private set; }
    public RecordKind Kind { get; private set; }
    public byte[]? SealedContent { get; private set; }
    public string? TemplateId { get; private set; }
}

/// <summary>Template ids of system entries; the pages render them in the reader's language.</summary>
public static class SystemTemplates
{
    /// <summary>Sent on submission when the channel acknowledges automatically, or when a handler acknowledges.</summary>
    public const string Acknowledgement = "acknowledgement";

    /// <summary>Stands where a reporter's message or an attachment was deleted as manifestly irrelevant, dated the day of deletion.</summary>
    public const string DeletedAsIrrelevant = "deletedIrrelevant";

    /// <summary>The reporter agreed that the minutes of their oral report are complete and accurate (Directive Art. 18(2)–(4)).</summary>
    public const string MinutesAgreed = "minutesAgreed";
}
