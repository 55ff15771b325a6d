using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varsling.Core.Attachments;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Messaging;

/// <summary>
/// An entry as the reporter's mailbox gets it: coarse metadata and the sealed content (null for system templates).
/// <see cref="Sequence"/> is its position among the entries the reporter may see, not the stored sequence.
/// </summary>
public sealed record SealedEntry(Guid Id, int Sequence, DateOnly Date, EntryAuthor Author, RecordKind Kind, string? TemplateId,
    byte[]? SealedContent, IReadOnlyList<SealedAttachmentKey> Files);

public sealed record SealedAttachmentKey(Guid FileId, byte[] SealedKey, int ChunkCount);

/// <summary>A case's status and dates as the reporter may see them, at day precision in the legal entity's time zone.</summary>
/// <see cref="OralMedium"/> is set when a handler registered the report from an oral one: the report's answers
/// are then the handler's minutes, for the reporter to check, correct and agree to (<see cref="MinutesAgreed"/>).
public sealed record CaseSummary(CaseStatus Status, DateOnly Received, DateOnly? Acknowledged, DateOnly FeedbackDue, DateOnly? FeedbackGiven, DateOnly? Closed,
    ReportMedium? OralMedium = null, DateOnly? MinutesAgreed = null);

/// <summary>What the JavaScript mailbox downloads: everything still sealed, plus the reporter's own wrapped keys.</summary>
public sealed record SealedMailbox(Guid CaseId, CaseSummary Summary, byte[] WrappedPrivateKey, byte[] WrappedSharedKey, IReadOnlyList<SealedEntry> Entries);

/// <summary>An entry opened with the reporter's key (no-JavaScript path).</summary>
public sealed record OpenedEntry(int Sequence, DateOnly Date, EntryAuthor Author, RecordKind Kind, string? TemplateId,
    ReportAnswers? Answers, MessageContent? Message);

public sealed record OpenedMailbox(CaseSummary Summary, IReadOnlyList<OpenedEntry> Entries);

/// <summary>A mailbox session as resumed from the cookie: the case, and the unlocked key when the session holds one.</summary>
public sealed record ReporterSessionState(Guid SessionId, Guid CaseId, X25519KeyPair? Key) : IDisposable
{
    public void Dispose() => Key?.Dispose();
}

/// <summary>A new session: its id and the session key that only the reporter's cookie may hold.</summary>
public sealed record NewReporterSession(Guid SessionId, byte[] SessionKey, Guid CaseId);

/// <summary>
/// The reporter's side of a case: log in with the receipt code (or, in the JavaScript path, with the lookup token
/// derived in the browser), see status and dates, read and answer messages, add information and files. Login
/// failures are all the same failure, whatever the reason. The no-JavaScript path keeps the unlocked key in a
/// split-key session (<see cref="SplitKeySession"/>, the same mechanism as the back office's; stored as a
/// <see cref="ReporterSession"/>).
/// </summary>
public sealed partial class ReporterMailbox(
    VarslingDbContext db,
    TimeProvider time,
    DeploymentSalt salt,
    BoundedDerivations derivation,
    IOptions<IntakeOptions> options,
    ILogger<ReporterMailbox> logger)
{
    /// <summary>No-JavaScript login: derives the code's secrets on the server, unwraps the reporter's key and opens a session. Null when not recognised.</summary>
    public async Task<NewReporterSession?> LoginWithCodeAsync(string code, CancellationToken ct = default)
    {
        string normalized;
        try
        {
            normalized = ReceiptCode.Normalize(code ?? "");
        }
        catch (CryptoFormatException)
        {
            return Refused();
        }

        var secrets = await derivation.DeriveReceiptAsync(normalized, await salt.GetAsync(ct), ct);
        try
        {
            var credential = await FindCredentialAsync(secrets.LookupToken, ct);
            if (credential is null)
            {
                return Refused();
            }

            using var key = PrivateKeyWrap.UnwrapWithKey(credential.WrappedPrivateKey, secrets.WrapKey);
            var wrap = SplitKeySession.Seal(key);
            return await StartSessionAsync(credential, wrap.Blob, wrap.SessionKey, ct);
        }
        catch (CryptoFormatException)
        {
            return Refused();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secrets.WrapKey);
        }
    }

    /// <summary>JavaScript login: the browser sends only the lookup token; the key stays in the browser. Null when not recognised.</summary>
    public async Task<NewReporterSession?> LoginWithLookupTokenAsync(byte[] lookupToken, CancellationToken ct = default)
    {
        if (lookupToken.Length != 32)
        {
            return Refused();
        }

        var credential = await FindCredentialAsync(lookupToken, ct);
        return credential is null ? Refused() : await StartSessionAsync(credential, [], [], ct);
    }

    /// <summary>Resumes a session from the cookie's parts; null when unknown, idle too long, past its cap, or the key does not open.</summary>
    public async Task<ReporterSessionState?> ResumeAsync(Guid sessionId, byte[] sessionKey, CancellationToken ct = default)
    {
        var session = await db.ReporterSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now > SplitKeySession.EndsAt(session.CreatedAt, session.LastSeenAt, options.Value.SessionIdleTimeout, options.Value.SessionAbsoluteTimeout))
        {
            db.ReporterSessions.Remove(session);
            await db.SaveChangesAsync(ct);
            return null;
        }

        X25519KeyPair? key = null;
        if (session.WrappedKey.Length > 0 && (key = SplitKeySession.TryOpen(session.WrappedKey, sessionKey)) is null)
        {
            return null;
        }

        session.Touch(now);
        await db.SaveChangesAsync(ct);
        return new ReporterSessionState(session.Id, session.CaseId, key);
    }

    /// <summary>Deletes the session's server half; the cookie alone is then worthless.</summary>
    public Task LogoutAsync(Guid sessionId, CancellationToken ct = default) =>
        db.ReporterSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);

    /// <summary>Deletes sessions past their idle timeout or cap, in every organisation; returns how many.</summary>
    public Task<int> PurgeExpiredSessionsAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var idle = now - options.Value.SessionIdleTimeout;
        var cap = now - options.Value.SessionAbsoluteTimeout;
        return db.ReporterSessions.IgnoreQueryFilters().Where(s => s.LastSeenAt < idle || s.CreatedAt < cap).ExecuteDeleteAsync(ct);
    }

    /// <summary>The case, still sealed, for the JavaScript mailbox.</summary>
    public async Task<SealedMailbox> GetSealedAsync(Guid caseId, CancellationToken ct = default)
    {
        var (summary, _) = await SummaryAsync(caseId, ct);
        var credential = await db.ReporterCredentials.AsNoTracking().SingleAsync(r => r.CaseId == caseId, ct);
        var shared = await db.CaseKeyGrants.AsNoTracking()
            .SingleAsync(k => k.CaseId == caseId && k.Holder == KeyHolder.Reporter && k.Kind == CaseKeyKind.Shared, ct);
        var records = await db.CaseRecords.AsNoTracking().Where(r => r.CaseId == caseId && r.Kind != RecordKind.Identity && r.Kind != RecordKind.Note && r.Kind != RecordKind.Summary)
            .OrderBy(r => r.Sequence).ToListAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(ct);
        // Numbered by position among what the reporter may see, so gaps cannot reveal how many notes or summaries exist.
        var entries = records.Select((r, i) => new SealedEntry(r.Id, i + 1, r.Date, r.Author, r.Kind, r.TemplateId, r.SealedContent,
            files.Where(f => f.RecordId == r.Id).Select(f => new SealedAttachmentKey(f.Id, f.SealedFileKey, f.ChunkCount)).ToList())).ToList();
        return new SealedMailbox(caseId, summary, credential.WrappedPrivateKey, shared.WrappedKey, entries);
    }

    /// <summary>The case opened with the reporter's key (no-JavaScript mailbox).</summary>
    public async Task<OpenedMailbox> OpenAsync(Guid caseId, X25519KeyPair reporterKey, CancellationToken ct = default)
    {
        var mailbox = await GetSealedAsync(caseId, ct);
        var shared = CaseKeys.Unwrap(mailbox.WrappedSharedKey, reporterKey, caseId, CaseKeyKind.Shared);
        try
        {
            var opened = mailbox.Entries.Select(e =>
            {
                if (e.SealedContent is null)
                {
                    return new OpenedEntry(e.Sequence, e.Date, e.Author, e.Kind, e.TemplateId, null, null);
                }

                var plain = Records.Open(shared, caseId, e.Id, e.Kind, e.SealedContent);
                return e.Kind == RecordKind.Answers
                    ? new OpenedEntry(e.Sequence, e.Date, e.Author, e.Kind, null, EntryJson.Decode<ReportAnswers>(plain), null)
                    : new OpenedEntry(e.Sequence, e.Date, e.Author, e.Kind, null, null, EntryJson.Decode<MessageContent>(plain));
            }).ToList();
            return new OpenedMailbox(mailbox.Summary, opened);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }

    /// <summary>No-JavaScript reply: seals the text and the keys of files staged while reading the form.</summary>
    public async Task PostPlainAsync(Guid caseId, X25519KeyPair reporterKey, string text, IReadOnlyList<PlainFile> files, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text) && files.Count == 0)
        {
            throw new RuleViolationException("Write a message or attach a file.");
        }

        if (text.Length > options.Value.MaxTextLength)
        {
            throw new RuleViolationException($"A message can be at most {options.Value.MaxTextLength:N0} characters.");
        }

        var grant = await db.CaseKeyGrants.AsNoTracking()
            .SingleAsync(k => k.CaseId == caseId && k.Holder == KeyHolder.Reporter && k.Kind == CaseKeyKind.Shared, ct);
        var shared = CaseKeys.Unwrap(grant.WrappedKey, reporterKey, caseId, CaseKeyKind.Shared);
        try
        {
            var recordId = Guid.NewGuid();
            var content = Records.Seal(shared, caseId, recordId, RecordKind.Message,
                EntryJson.Encode(new MessageContent(text.Trim(), files.Select(f => f.Mention).ToList())));
            var keys = files.Select(f => new SealedFileKey(f.Mention.Id, Records.Seal(shared, caseId, f.Mention.Id, RecordKind.FileKey, f.FileKey))).ToList();
            await PostSealedAsync(caseId, recordId, content, keys, ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }

    /// <summary>A reply sealed in the browser (JavaScript path), with the sealed keys of files it staged.</summary>
    public async Task PostSealedAsync(Guid caseId, Guid recordId, byte[] sealedContent, IReadOnlyList<SealedFileKey> files, CancellationToken ct = default)
    {
        if (recordId == Guid.Empty || sealedContent.Length > Records.Overhead + (long)options.Value.MaxTextLength * 4 + 64 * 1024)
        {
            throw new RuleViolationException("The message is malformed or too large.");
        }

        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("No such case.");
        if (c.Status is CaseStatus.Closed or CaseStatus.Purged)
        {
            throw new RuleViolationException("This case is closed; file a new report and mention this one.");
        }

        var today = await TodayAsync(c, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sequence = await NextSequenceAsync(db, caseId, ct);
        db.CaseRecords.Add(CaseRecord.Sealed(recordId, c.OrganisationId, caseId, sequence, today, EntryAuthor.Reporter, null, RecordKind.Message, sealedContent));
        var fileIds = await StagedFiles.AttachAsync(db, time, c.OrganisationId, caseId, recordId, files, options.Value.MaxFiles, ct);
        await db.SaveChangesAsync(ct);
        await StagedFiles.MoveChunksAsync(db, fileIds, ct);
        await tx.CommitAsync(ct);
        LogReporterPosted(logger, caseId, fileIds.Count);
    }

    /// <summary>
    /// The reporter agrees that the minutes a handler registered of their oral report are complete and accurate
    /// (Directive Art. 18(2)–(4)): recorded as a content-free entry, dated to the day. Corrections are ordinary
    /// messages. Only for a registered oral report, once, while the case is open.
    /// </summary>
    public async Task AgreeToMinutesAsync(Guid caseId, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("No such case.");
        if (c.OralMedium is null)
        {
            throw new RuleViolationException("This report was not registered from an oral report, so there are no minutes to agree to.");
        }

        if (c.Status is CaseStatus.Closed or CaseStatus.Purged)
        {
            throw new RuleViolationException("This case is closed; file a new report and mention this one.");
        }

        var today = await TodayAsync(c, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sequence = await NextSequenceAsync(db, caseId, ct);
        if (await db.CaseRecords.AnyAsync(r => r.CaseId == caseId && r.TemplateId == SystemTemplates.MinutesAgreed, ct))
        {
            throw new RuleViolationException("You have already agreed to the minutes.");
        }

        db.CaseRecords.Add(CaseRecord.ReporterConfirmation(Guid.NewGuid(), c.OrganisationId, caseId, sequence, today, SystemTemplates.MinutesAgreed));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogMinutesAgreed(logger, caseId);
    }

    internal static async Task<int> NextSequenceAsync(VarslingDbContext db, Guid caseId, CancellationToken ct)
    {
        // Serialises writers of one case (the unique (case, sequence) index is the backstop) and moves the case's
        // version, so a handler's form opened before this entry is refused as stale.
        await CaseLocks.TouchAsync(db, caseId, ct);
        return (await db.CaseRecords.Where(r => r.CaseId == caseId).MaxAsync(r => (int?)r.Sequence, ct) ?? 0) + 1;
    }

    internal static async Task<DateOnly> LocalTodayAsync(VarslingDbContext db, TimeProvider time, Guid legalEntityId, CancellationToken ct)
    {
        var code = await db.LegalEntities.Where(e => e.Id == legalEntityId).Select(e => e.JurisdictionCode).SingleAsync(ct);
        return Jurisdictions.Get(code).LocalDate(time.GetUtcNow());
    }

    private Task<DateOnly> TodayAsync(Case c, CancellationToken ct) => LocalTodayAsync(db, time, c.LegalEntityId, ct);

    private async Task<(CaseSummary Summary, Case Case)> SummaryAsync(Guid caseId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("No such case.");
        var code = await db.LegalEntities.Where(e => e.Id == c.LegalEntityId).Select(e => e.JurisdictionCode).SingleAsync(ct);
        var j = Jurisdictions.Get(code);
        DateOnly? Day(DateTimeOffset? at) => at is { } v ? j.LocalDate(v) : null;
        var agreed = c.OralMedium is null ? null
            : await db.CaseRecords.AsNoTracking().Where(r => r.CaseId == caseId && r.TemplateId == SystemTemplates.MinutesAgreed)
                .Select(r => (DateOnly?)r.Date).FirstOrDefaultAsync(ct);
        return (new CaseSummary(c.Status, j.LocalDate(c.ReceivedAt), Day(c.AcknowledgedAt), c.FeedbackDue, Day(c.FeedbackGivenAt), Day(c.ClosedAt),
            c.OralMedium, agreed), c);
    }

    private async Task<ReporterCredential?> FindCredentialAsync(byte[] lookupToken, CancellationToken ct)
    {
        var hash = ReceiptCode.HashLookupToken(lookupToken);
        var candidate = await db.ReporterCredentials.AsNoTracking().SingleOrDefaultAsync(r => r.LookupHash == hash, ct);
        // The index finds the row; the constant-time check keeps the final comparison free of timing differences.
        return candidate is not null && ReceiptCode.LookupTokenMatches(lookupToken, candidate.LookupHash) ? candidate : null;
    }

    private async Task<NewReporterSession> StartSessionAsync(ReporterCredential credential, byte[] wrappedKey, byte[] sessionKey, CancellationToken ct)
    {
        var session = new ReporterSession(Guid.NewGuid(), credential.OrganisationId, credential.CaseId, wrappedKey, time.GetUtcNow());
        db.ReporterSessions.Add(session);
        await db.SaveChangesAsync(ct);
        LogLoggedIn(logger, credential.CaseId, wrappedKey.Length > 0);
        return new NewReporterSession(session.Id, sessionKey, credential.CaseId);
    }

    private NewReporterSession? Refused()
    {
        LogRefused(logger);
        return null;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reporter logged in to case {CaseId}; server-held key {ServerHeldKey}")]
    private static partial void LogLoggedIn(ILogger logger, Guid caseId, bool serverHeldKey);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Reporter login refused")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Reporter agreed to the minutes of case {CaseId}")]
    private static partial void LogMinutesAgreed(ILogger logger, Guid caseId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Reporter posted to case {CaseId} with {FileCount} files")]
    private static partial void LogReporterPosted(ILogger logger, Guid caseId, int fileCount);
}
