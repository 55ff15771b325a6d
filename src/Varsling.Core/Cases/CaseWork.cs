using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Cases;

/// <summary>How the inbox orders its rows.</summary>
public enum InboxSort
{
    /// <summary>The earliest pending legal due date first; cases with nothing pending last, newest first.</summary>
    NextDeadline,

    /// <summary>The most recently received first.</summary>
    Received,
}

/// <summary>Which cases by assignment the inbox lists.</summary>
public enum InboxAssignment
{
    Any,

    /// <summary>Assigned to the person asking.</summary>
    Mine,

    Unassigned,
}

/// <summary>Inbox filters; every one optional. <see cref="Page"/> counts from 1.</summary>
public sealed record InboxFilter(CaseStatus? Status = null, Guid? ChannelId = null, bool OverdueOnly = false, InboxSort Sort = InboxSort.NextDeadline,
    InboxAssignment Assignment = InboxAssignment.Any, int Page = 1);

/// <summary>
/// One deadline as a handler sees it: the legal due date, the internal target, and where it stands. <see cref="Marker"/>
/// is null when the duty was met (<see cref="MetOn"/>) or no longer applies (the case is closed).
/// </summary>
public sealed record DeadlineView(DateOnly Due, DateOnly Target, DeadlineStatus? Marker, DateOnly? MetOn);

public sealed record InboxRow(Guid Id, string Reference, CaseStatus Status, Guid ChannelId, string ChannelName, string LegalEntityName,
    DateOnly Received, DeadlineView Acknowledgement, DeadlineView Feedback, Guid? AssigneeId = null, string? AssigneeName = null)
{
    /// <summary>The earliest legal due date still pending, if any.</summary>
    public DateOnly? NextDue => new[] { Acknowledgement, Feedback }.Where(d => d.Marker is not null).Select(d => (DateOnly?)d.Due).Min();

    public bool Overdue => Acknowledgement.Marker == DeadlineStatus.Overdue || Feedback.Marker == DeadlineStatus.Overdue;
}

public sealed record ChannelOption(Guid Id, string Name);

/// <summary>One page of the inbox: its rows, how many cases match in all, and which page of how many this is.</summary>
public sealed record Inbox(IReadOnlyList<InboxRow> Rows, IReadOnlyList<ChannelOption> Channels, int Total = 0, int Page = 1, int PageSize = CaseWork.PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A handler who holds the case's keys, and so may be assigned it.</summary>
public sealed record CaseHandler(Guid UserId, string Name);

/// <summary>An attachment named by a decrypted entry.</summary>
public sealed record CaseFile(Guid Id, string Name, long Size);

/// <summary>A case opened by a handler: its metadata, the lifecycle steps allowed now, and every entry decrypted.</summary>
public sealed record CaseView(InboxRow Summary, DateOnly? Acknowledged, DateOnly? FeedbackGiven, DateOnly? Closed, CaseOutcome? Outcome,
    IReadOnlySet<CaseAction> Allowed, ReportAnswers? Answers, ReporterIdentity? Identity, IReadOnlyList<HandlerEntry> Thread,
    IReadOnlyList<HandlerEntry> Notes, HandlerEntry? ClosingSummary, IReadOnlyList<CaseFile> Files, bool CanWriteNotes, bool CanWriteSummary)
{
    /// <summary>The case's concurrency version when it was opened; every form carries it back (<see cref="CaseChangedException"/>).</summary>
    public uint Version { get; init; }

    /// <summary>The handlers who hold the case's keys: those it can be assigned to.</summary>
    public IReadOnlyList<CaseHandler> Handlers { get; init; } = [];

    /// <summary>How the report was made when a handler registered it from an oral report; null for a written one.</summary>
    public ReportMedium? OralMedium { get; init; }

    /// <summary>The day the reporter agreed to the minutes of their oral report; null while they have not.</summary>
    public DateOnly? MinutesAgreed { get; init; }

    /// <summary>True when the feedback period may be extended: an external channel, feedback pending, not yet extended.</summary>
    public bool CanExtendFeedback { get; init; }

    /// <summary>Why the feedback period was extended, when it was.</summary>
    public string? FeedbackExtensionReason { get; init; }
}

/// <summary>What a download needs before the bytes: the name the reporter gave the file.</summary>
public sealed record FileDownload(Guid CaseId, Guid FileId, string Name, long Size);

/// <summary>
/// The case handler's work on cases in the back office. Every method acts for one signed-in person: a case is theirs
/// when they hold a key grant for it (architecture.md §2: a grant is what "may read" means cryptographically), and
/// it must belong to the caller's organisation scope; anything else answers <see cref="NotFoundException"/>, the
/// same as a case that does not exist. Each change is one transaction that ends with its audit row.
/// </summary>
public sealed partial class CaseWork(
    VarslingDbContext db,
    AuditLog audit,
    HandlerMessages messages,
    TimeProvider time,
    ILogger<CaseWork> logger)
{
    /// <summary>A pending deadline whose due day ends within this many days is marked due soon.</summary>
    public const int DueSoonDays = 2;

    /// <summary>The longest message, note or summary a handler may write.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>How many inbox rows a page holds.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// One page of the person's cases in the current organisation, filtered, sorted and paged in SQL (indexes on
    /// (organisation, next due, received) and (organisation, received)), with the total that match.
    /// </summary>
    public async Task<Inbox> InboxAsync(Guid userId, InboxFilter filter, CancellationToken ct = default)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Purged
            && db.CaseKeyGrants.Any(g => g.CaseId == c.Id && g.UserId == userId && g.Kind == CaseKeyKind.Shared));
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (filter.ChannelId is { } channelId)
        {
            query = query.Where(c => c.ChannelId == channelId);
        }

        query = filter.Assignment switch
        {
            InboxAssignment.Any => query,
            InboxAssignment.Mine => query.Where(c => c.AssigneeId == userId),
            InboxAssignment.Unassigned => query.Where(c => c.AssigneeId == null),
        };

        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var entities = await db.LegalEntities.AsNoTracking().ToDictionaryAsync(e => e.Id, ct);
        var now = time.GetUtcNow();
        if (filter.OverdueOnly)
        {
            // A pending legal due date is overdue once its local day has ended: it lies before today in the case's
            // jurisdiction. Each legal entity has its own today.
            // Each legal entity has its own today; entities sharing a today are grouped, so the predicate has one
            // term per distinct local date (one or two in practice).
            var byToday = entities.Values.GroupBy(e => Jurisdictions.Get(e.JurisdictionCode).LocalDate(now), e => e.Id)
                .Select(g => (Today: g.Key, Ids: g.ToList())).ToList();
            var first = byToday.Count > 0 ? byToday[0] : (Today: DateOnly.MinValue, Ids: new List<Guid>());
            var second = byToday.Count > 1 ? byToday[1] : first;
            var rest = byToday.Skip(2).SelectMany(g => g.Ids).ToList();
            if (rest.Count > 0)
            {
                // More than two local dates at once: the remaining entities use the earliest, which never marks a
                // case overdue too soon.
                var earliest = byToday.Min(g => g.Today);
                second = (earliest, second.Ids.Concat(rest).ToList());
            }

            query = query.Where(c => (first.Ids.Contains(c.LegalEntityId) && c.NextDue < first.Today)
                || (second.Ids.Contains(c.LegalEntityId) && c.NextDue < second.Today));
        }

        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var sorted = filter.Sort switch
        {
            // PostgreSQL sorts NULL last in ascending order, as the index stores it: cases with nothing pending come last.
            InboxSort.NextDeadline => query.OrderBy(c => c.NextDue).ThenByDescending(c => c.ReceivedAt).ThenBy(c => c.Reference),
            InboxSort.Received => query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Reference),
        };
        var cases = await sorted.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var assignees = cases.Where(c => c.AssigneeId is not null).Select(c => c.AssigneeId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rows = cases.Select(c => Row(c, channels[c.ChannelId], entities[c.LegalEntityId], now) with
        {
            AssigneeId = c.AssigneeId,
            AssigneeName = c.AssigneeId is { } a && names.TryGetValue(a, out var n) ? n : null,
        }).ToList();

        // One early-stopping probe per channel (there are few) instead of a scan of all the person's cases.
        var myChannels = await db.Channels.AsNoTracking()
            .Where(ch => db.Cases.Any(c => c.ChannelId == ch.Id && db.CaseKeyGrants.Any(g => g.CaseId == c.Id && g.UserId == userId && g.Kind == CaseKeyKind.Shared)))
            .Select(ch => ch.Id).ToListAsync(ct);
        var options = myChannels.Select(id => new ChannelOption(id, channels[id].Name)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        return new Inbox(rows, options, total, page, PageSize);
    }

    /// <summary>Opens a case with the person's key; the view and the decryption are audited.</summary>
    public async Task<CaseView> OpenAsync(Guid caseId, Guid userId, X25519KeyPair key, CancellationToken ct = default)
    {
        var c = await FindAsync(caseId, userId, ct);
        var channel = await db.Channels.AsNoTracking().SingleAsync(x => x.Id == c.ChannelId, ct);
        var entity = await db.LegalEntities.AsNoTracking().SingleAsync(x => x.Id == c.LegalEntityId, ct);
        var kinds = await db.CaseKeyGrants.AsNoTracking().Where(g => g.CaseId == caseId && g.UserId == userId).Select(g => g.Kind).ToListAsync(ct);
        var entries = await messages.ReadAsync(caseId, userId, key, ct);

        var answers = entries.FirstOrDefault(e => e.Kind == RecordKind.Answers)?.Answers;
        var identity = entries.FirstOrDefault(e => e.Kind == RecordKind.Identity)?.Identity;
        var thread = entries.Where(e => e.Kind is RecordKind.Message).ToList();
        var notes = entries.Where(e => e.Kind is RecordKind.Note).ToList();
        var summary = entries.LastOrDefault(e => e.Kind is RecordKind.Summary);
        var stored = await db.Attachments.AsNoTracking().Where(a => a.CaseId == caseId).Select(a => a.Id).ToListAsync(ct);
        var files = entries.SelectMany(e => e.Answers?.Files ?? e.Message?.Files ?? [])
            .Where(f => stored.Contains(f.Id)).Select(f => new CaseFile(f.Id, f.Name, f.Size)).ToList();

        var j = Jurisdictions.Get(entity.JurisdictionCode);
        DateOnly? Day(DateTimeOffset? at) => at is { } v ? j.LocalDate(v) : null;
        var allowed = Enum.GetValues<CaseAction>().Where(c.Can).ToHashSet();

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.CaseViewed, caseId), ct);
            var opened = entries.Where(e => e.Kind != RecordKind.Message || e.Author != EntryAuthor.System)
                .Select(e => e.Kind.ToString()).Distinct().Order(StringComparer.Ordinal);
            await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.RecordDecrypted, caseId,
                "records " + string.Join(",", opened)), ct);
            await tx.CommitAsync(ct);
        }

        LogOpened(logger, caseId, userId);
        var holders = await HandlersAsync(db, caseId, ct);
        var row = Row(c, channel, entity, time.GetUtcNow()) with
        {
            AssigneeId = c.AssigneeId,
            AssigneeName = holders.FirstOrDefault(h => h.UserId == c.AssigneeId)?.Name,
        };
        return new CaseView(row, Day(c.AcknowledgedAt), Day(c.FeedbackGivenAt), Day(c.ClosedAt), c.Outcome,
            allowed, answers, identity, thread, notes, summary, files,
            kinds.Contains(CaseKeyKind.Internal), kinds.Contains(CaseKeyKind.Summary))
        {
            Version = c.Version,
            Handlers = holders,
            OralMedium = c.OralMedium,
            MinutesAgreed = thread.FirstOrDefault(e => e.TemplateId == SystemTemplates.MinutesAgreed)?.Date,
            CanExtendFeedback = channel.Kind == ChannelKind.External && c.FeedbackExtensionReason is null && c.FeedbackGivenAt is null
                && c.Status is not (CaseStatus.Closed or CaseStatus.Purged),
            FeedbackExtensionReason = c.FeedbackExtensionReason,
        };
    }

    /// <summary>The handlers holding the case's shared key, by name: the people who can read it and be assigned it.</summary>
    internal static async Task<IReadOnlyList<CaseHandler>> HandlersAsync(VarslingDbContext db, Guid caseId, CancellationToken ct)
    {
        var ids = db.CaseKeyGrants.Where(g => g.CaseId == caseId && g.Holder == KeyHolder.Handler && g.Kind == CaseKeyKind.Shared)
            .Select(g => g.UserId!.Value);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new CaseHandler(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>
    /// Extends the feedback period of an external channel's case to six months with the recorded reason
    /// (Directive Art. 11(2)); refused on internal channels, after feedback, and once extended.
    /// </summary>
    public async Task ExtendFeedbackAsync(Guid caseId, Guid userId, string reason, uint? expectedVersion = null, CancellationToken ct = default)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? throw new RuleViolationException("Give the reason for the extension.") : reason.Trim();
        if (text.Length > MaxExtensionReasonLength)
        {
            throw new RuleViolationException($"The reason can be at most {MaxExtensionReasonLength:N0} characters.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await LockAsync(caseId, userId, expectedVersion, ct);
        if (c.FeedbackExtensionReason is not null)
        {
            throw new RuleViolationException($"The feedback period of case {c.Reference} is already extended.");
        }

        var before = c.FeedbackDue;
        c.ExtendFeedback(text, await ClockAsync(c, ct));
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.DeadlineExtended, caseId,
            $"feedback due {before:yyyy-MM-dd}→{c.FeedbackDue:yyyy-MM-dd}"), ct);
        await tx.CommitAsync(ct);
        LogExtended(logger, caseId, userId);
    }

    /// <summary>The longest reason for a feedback extension (the column's length).</summary>
    public const int MaxExtensionReasonLength = 2000;

    private async Task<CaseClockContext> ClockAsync(Case c, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == c.OrganisationId, ct);
        var entity = await db.LegalEntities.AsNoTracking().SingleAsync(e => e.Id == c.LegalEntityId, ct);
        var channel = await db.Channels.AsNoTracking().SingleAsync(x => x.Id == c.ChannelId, ct);
        return CaseClockContexts.For(org, entity, channel);
    }

    /// <summary>Acknowledges receipt: the status changes and the reporter gets the acknowledgement template message.</summary>
    public Task AcknowledgeAsync(Guid caseId, Guid userId, uint? expectedVersion = null, CancellationToken ct = default) =>
        TransitionAsync(caseId, userId, expectedVersion, async (c, clock, today, sequence) =>
        {
            c.Acknowledge(time.GetUtcNow(), clock);
            db.CaseRecords.Add(CaseRecord.FromTemplate(Guid.NewGuid(), c.OrganisationId, c.Id, sequence, today, SystemTemplates.Acknowledgement));
            await Task.CompletedTask;
        }, ct);

    /// <summary>Gives feedback: the feedback text goes to the reporter as a sealed message in the same transaction.</summary>
    public Task GiveFeedbackAsync(Guid caseId, Guid userId, X25519KeyPair key, string feedback, uint? expectedVersion = null, CancellationToken ct = default)
    {
        var text = RequireText(feedback, "Write the feedback to the reporter.");
        return TransitionAsync(caseId, userId, expectedVersion, async (c, _, today, sequence) =>
        {
            c.GiveFeedback(time.GetUtcNow());
            await AddMessageAsync(c, userId, key, text, today, sequence, ct);
        }, ct);
    }

    /// <summary>
    /// Closes the case with an outcome. A closing summary, when given, is sealed under the case's summary key, which
    /// the person must hold. In the same transaction the summary key is wrapped to every person of the organisation
    /// in the legal role who has a key pair and does not yet hold it, so the legal team can read closing summaries.
    /// </summary>
    public Task CloseAsync(Guid caseId, Guid userId, X25519KeyPair key, CaseOutcome outcome, string? summary, uint? expectedVersion = null,
        CancellationToken ct = default)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new RuleViolationException("Choose an outcome.");
        }

        var text = string.IsNullOrWhiteSpace(summary) ? null : RequireText(summary, "");
        return TransitionAsync(caseId, userId, expectedVersion, async (c, clock, today, sequence) =>
        {
            c.Close(time.GetUtcNow(), outcome, clock);
            if (text is not null)
            {
                await AddHandlerOnlyAsync(c, userId, key, RecordKind.Summary, text, today, sequence, ct);
            }

            await GrantSummaryToLegalAsync(c, userId, key, ct);
        }, ct);
    }

    public Task ReopenAsync(Guid caseId, Guid userId, uint? expectedVersion = null, CancellationToken ct = default) =>
        TransitionAsync(caseId, userId, expectedVersion, (c, clock, _, _) =>
        {
            c.Reopen(time.GetUtcNow(), clock);
            return Task.CompletedTask;
        }, ct);

    public Task StartInvestigationAsync(Guid caseId, Guid userId, uint? expectedVersion = null, CancellationToken ct = default) =>
        TransitionAsync(caseId, userId, expectedVersion, (c, _, _, _) =>
        {
            c.StartInvestigation(time.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    /// <summary>Sends a message to the reporter, sealed under the case's shared key.</summary>
    public async Task MessageReporterAsync(Guid caseId, Guid userId, X25519KeyPair key, string text, uint? expectedVersion = null, CancellationToken ct = default)
    {
        var message = RequireText(text, "Write a message.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await LockAsync(caseId, userId, expectedVersion, ct);
        if (c.Status is CaseStatus.Purged)
        {
            throw new RuleViolationException($"Case {c.Reference} is purged.");
        }

        var today = await ReporterMailbox.LocalTodayAsync(db, time, c.LegalEntityId, ct);
        var recordId = await AddMessageAsync(c, userId, key, message, today, await ReporterMailbox.NextSequenceAsync(db, caseId, ct), ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.MessageSent, caseId, $"record {recordId}"), ct);
        await tx.CommitAsync(ct);
        LogMessaged(logger, caseId, userId);
    }

    /// <summary>Adds an internal note, sealed under the case's internal key, which the reporter never holds.</summary>
    public async Task AddNoteAsync(Guid caseId, Guid userId, X25519KeyPair key, string text, uint? expectedVersion = null, CancellationToken ct = default)
    {
        var note = RequireText(text, "Write the note.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await LockAsync(caseId, userId, expectedVersion, ct);
        if (c.Status is CaseStatus.Purged)
        {
            throw new RuleViolationException($"Case {c.Reference} is purged.");
        }

        var today = await ReporterMailbox.LocalTodayAsync(db, time, c.LegalEntityId, ct);
        var recordId = await AddHandlerOnlyAsync(c, userId, key, RecordKind.Note, note, today, await ReporterMailbox.NextSequenceAsync(db, caseId, ct), ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.NoteAdded, caseId, $"record {recordId}"), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Checks that the file belongs to one of the person's cases, names it from the sealed entry and audits the
    /// download; the caller then streams the bytes with <see cref="WriteFileAsync"/>.
    /// </summary>
    public async Task<FileDownload> BeginDownloadAsync(Guid caseId, Guid fileId, Guid userId, X25519KeyPair key, CancellationToken ct = default)
    {
        var c = await FindAsync(caseId, userId, ct);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CaseId == caseId, ct)
            ?? throw new NotFoundException("No such file.");
        // The file's name is sealed in the entry that brought it; only that entry is opened.
        var record = await db.CaseRecords.AsNoTracking().SingleAsync(r => r.Id == attachment.RecordId && r.CaseId == caseId, ct);
        var shared = await UnwrapAsync(caseId, userId, key, CaseKeyKind.Shared, ct);
        FileMention? mention;
        try
        {
            var plain = Records.Open(shared, caseId, record.Id, record.Kind, record.SealedContent ?? throw new NotFoundException("No such file."));
            var files = record.Kind == RecordKind.Answers ? EntryJson.Decode<ReportAnswers>(plain).Files : EntryJson.Decode<MessageContent>(plain).Files;
            mention = files.FirstOrDefault(f => f.Id == fileId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }

        if (mention is null)
        {
            throw new NotFoundException("No such file.");
        }

        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.AttachmentDownloaded, caseId, $"file {fileId}"), ct);
        LogDownloaded(logger, caseId, fileId, userId);
        return new FileDownload(caseId, fileId, mention.Name, mention.Size);
    }

    /// <summary>Decrypts the file chunk by chunk into <paramref name="output"/>; never holds the whole file.</summary>
    public Task WriteFileAsync(FileDownload file, Guid userId, X25519KeyPair key, Stream output, CancellationToken ct = default) =>
        messages.ReadFileAsync(file.CaseId, file.FileId, userId, key, output, ct);

    private async Task TransitionAsync(Guid caseId, Guid userId, uint? expectedVersion, Func<Case, CaseClockContext, DateOnly, int, Task> step, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await LockAsync(caseId, userId, expectedVersion, ct);
        var before = c.Status;
        var org = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == c.OrganisationId, ct);
        var entity = await db.LegalEntities.AsNoTracking().SingleAsync(e => e.Id == c.LegalEntityId, ct);
        var channel = await db.Channels.AsNoTracking().SingleAsync(x => x.Id == c.ChannelId, ct);
        var clock = CaseClockContexts.For(org, entity, channel);
        var today = Jurisdictions.Get(entity.JurisdictionCode).LocalDate(time.GetUtcNow());
        await step(c, clock, today, await ReporterMailbox.NextSequenceAsync(db, caseId, ct));
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.CaseTransitioned, caseId,
            $"status {before}→{c.Status}"), ct);
        await tx.CommitAsync(ct);
        LogTransitioned(logger, caseId, userId, before, c.Status);
    }

    /// <summary>The person's case, locked and version-checked for the rest of the transaction (<see cref="CaseLocks.LockAsync"/>).</summary>
    private Task<Case> LockAsync(Guid caseId, Guid userId, uint? expectedVersion, CancellationToken ct) =>
        CaseLocks.LockAsync(db, caseId, userId, expectedVersion, ct);

    private Task<Case> FindAsync(Guid caseId, Guid userId, CancellationToken ct) => CaseLocks.FindAsync(db, caseId, userId, ct);

    private async Task<Guid> AddMessageAsync(Case c, Guid userId, X25519KeyPair key, string text, DateOnly today, int sequence, CancellationToken ct)
    {
        var shared = await UnwrapAsync(c.Id, userId, key, CaseKeyKind.Shared, ct);
        try
        {
            var recordId = Guid.NewGuid();
            var content = Records.Seal(shared, c.Id, recordId, RecordKind.Message, EntryJson.Encode(new MessageContent(text, [])));
            db.CaseRecords.Add(CaseRecord.Sealed(recordId, c.OrganisationId, c.Id, sequence, today, EntryAuthor.Handler, userId, RecordKind.Message, content));
            return recordId;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }

    private async Task<Guid> AddHandlerOnlyAsync(Case c, Guid userId, X25519KeyPair key, RecordKind kind, string text, DateOnly today, int sequence, CancellationToken ct)
    {
        var keyKind = HandlerMessages.KeyFor(kind);
        var caseKey = await UnwrapAsync(c.Id, userId, key, keyKind, ct, $"You do not hold this case's {keyKind.ToString().ToLowerInvariant()} key.");
        try
        {
            var recordId = Guid.NewGuid();
            var content = Records.Seal(caseKey, c.Id, recordId, kind, EntryJson.Encode(new MessageContent(text, [])));
            db.CaseRecords.Add(CaseRecord.HandlerOnly(recordId, c.OrganisationId, c.Id, sequence, today, userId, kind, content));
            return recordId;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(caseKey);
        }
    }

    /// <summary>
    /// Wraps the case's summary key to the legal team members who lack it. A closer who does not hold the summary
    /// key cannot pass it on; then nothing is granted and the legal team gets it from a later closer.
    /// </summary>
    private async Task GrantSummaryToLegalAsync(Case c, Guid userId, X25519KeyPair key, CancellationToken ct)
    {
        var legalRole = await db.Roles.AsNoTracking().Where(r => r.Name == Accounts.Roles.Legal).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (legalRole is null)
        {
            return;
        }

        var legalUsers = db.UserRoles.Where(ur => ur.RoleId == legalRole.Value).Select(ur => ur.UserId);
        var holders = db.CaseKeyGrants.Where(g => g.CaseId == c.Id && g.Kind == CaseKeyKind.Summary && g.UserId != null).Select(g => g.UserId!.Value);
        var recused = db.CaseRecusals.Where(r => r.CaseId == c.Id).Select(r => r.UserId);
        var recipients = await db.UserKeys.AsNoTracking()
            .Where(k => k.OrganisationId == c.OrganisationId && legalUsers.Contains(k.UserId) && !holders.Contains(k.UserId) && !recused.Contains(k.UserId))
            .Select(k => new { k.UserId, k.PublicKey })
            .ToListAsync(ct);
        if (recipients.Count == 0)
        {
            return;
        }

        var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(g => g.CaseId == c.Id && g.UserId == userId && g.Kind == CaseKeyKind.Summary, ct);
        if (grant is null)
        {
            return;
        }

        var summaryKey = CaseKeys.Unwrap(grant.WrappedKey, key, c.Id, CaseKeyKind.Summary);
        try
        {
            foreach (var r in recipients)
            {
                db.CaseKeyGrants.Add(new CaseKeyGrant(Guid.NewGuid(), c.OrganisationId, c.Id, KeyHolder.Handler, r.UserId, CaseKeyKind.Summary,
                    CaseKeys.Wrap(summaryKey, r.PublicKey, c.Id, CaseKeyKind.Summary)));
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(summaryKey);
        }

        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.AccessGranted, c.Id,
            $"summary key to {recipients.Count} legal"), ct);
        LogSummaryGranted(logger, c.Id, recipients.Count);
    }

    private async Task<byte[]> UnwrapAsync(Guid caseId, Guid userId, X25519KeyPair key, CaseKeyKind kind, CancellationToken ct, string? missing = null)
    {
        var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(g => g.CaseId == caseId && g.UserId == userId && g.Kind == kind, ct);
        if (grant is null)
        {
            throw missing is null ? new NotFoundException("No such case.") : new RuleViolationException(missing);
        }

        return CaseKeys.Unwrap(grant.WrappedKey, key, caseId, kind);
    }

    private static string RequireText(string? text, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleViolationException(missing);
        }

        var trimmed = text.Trim();
        return trimmed.Length <= MaxTextLength
            ? trimmed
            : throw new RuleViolationException($"A text can be at most {MaxTextLength:N0} characters.");
    }

    private static InboxRow Row(Case c, Channel channel, LegalEntity entity, DateTimeOffset now)
    {
        var j = Jurisdictions.Get(entity.JurisdictionCode);
        var open = c.Status is not (CaseStatus.Closed or CaseStatus.Purged);
        DeadlineView View(DateOnly due, DateOnly target, DateTimeOffset? metAt)
        {
            DeadlineStatus? marker = metAt is null && open ? new Deadline(due, target, j.StartOfDayUtc(due.AddDays(1))).Status(now, DueSoonDays) : null;
            return new DeadlineView(due, target, marker, metAt is { } m ? j.LocalDate(m) : null);
        }

        return new InboxRow(c.Id, c.Reference, c.Status, channel.Id, channel.Name, entity.Name, j.LocalDate(c.ReceivedAt),
            View(c.AcknowledgementDue, c.AcknowledgementTarget, c.AcknowledgedAt),
            View(c.FeedbackDue, c.FeedbackTarget, c.FeedbackGivenAt));
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Handler {UserId} opened case {CaseId}")]
    private static partial void LogOpened(ILogger logger, Guid caseId, Guid userId);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Handler {UserId} moved case {CaseId} from {Before} to {After}")]
    private static partial void LogTransitioned(ILogger logger, Guid caseId, Guid userId, CaseStatus before, CaseStatus after);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "Handler {UserId} messaged the reporter of case {CaseId}")]
    private static partial void LogMessaged(ILogger logger, Guid caseId, Guid userId);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Information, Message = "Summary key of case {CaseId} wrapped to {Count} legal team members")]
    private static partial void LogSummaryGranted(ILogger logger, Guid caseId, int count);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Information, Message = "Handler {UserId} extended the feedback period of case {CaseId}")]
    private static partial void LogExtended(ILogger logger, Guid caseId, Guid userId);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "Handler {UserId} downloaded file {FileId} of case {CaseId}")]
    private static partial void LogDownloaded(ILogger logger, Guid caseId, Guid fileId, Guid userId);
}
