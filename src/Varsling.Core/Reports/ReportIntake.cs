using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varsling.Core.Attachments;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Crypto;

namespace Varsling.Core.Reports;

public sealed record ChannelChoice(string Slug, string Name, bool IsOpen);

/// <summary>An organisation as its intake landing page shows it.</summary>
public sealed record IntakeOrganisation(Guid Id, string Slug, string Name, IReadOnlyList<ChannelChoice> Channels,
    string ControllerName, string ControllerContact, string? DpoContact, string? Processors, int RetentionMonths, string JurisdictionCode);

public sealed record CategoryChoice(Guid Id, string Name);

/// <summary>A handler key a new case is sealed to, and which of the case's keys the handler receives.</summary>
public sealed record RecipientKey(Guid UserId, byte[] PublicKey)
{
    /// <summary>All four, except identity on a channel whose identities are held by custodians when the handler is not one.</summary>
    public IReadOnlyList<CaseKeyKind> Kinds { get; init; } = ReportIntake.HandlerKinds;
}

/// <summary>A channel as the report form needs it: its categories and the public keys its cases are sealed to.</summary>
public sealed record IntakeChannel(Guid OrganisationId, string OrganisationSlug, string OrganisationName, Guid ChannelId,
    string Slug, string Name, bool IsOpen, IReadOnlyList<CategoryChoice> Categories, IReadOnlyList<RecipientKey> Recipients)
{
    /// <summary>The channel's extra questions in form order.</summary>
    public IReadOnlyList<QuestionChoice> Questions { get; init; } = [];
}

/// <summary>An extra question of a channel's report form.</summary>
public sealed record QuestionChoice(Guid Id, string Text, bool Required);

/// <summary>A report in plaintext, as the no-JavaScript form delivers it; sealed in memory before anything is written.</summary>
public sealed record PlainReport(Guid? CategoryId, ReportAnswers Answers, ReporterIdentity Identity, IReadOnlyList<PlainFile> Files)
{
    /// <summary>
    /// A random id the review form carries, used as the case id, so the same form posted twice (a reload of the
    /// receipt page) files one case and is then refused, instead of filing a duplicate with a second code.
    /// </summary>
    public Guid? SubmissionId { get; init; }
}

/// <summary>A file the server encrypted while reading the form: its staged upload, its description and its file key.</summary>
public sealed record PlainFile(FileMention Mention, byte[] FileKey);

/// <summary>A case key wrapped in the browser: to a handler (<paramref name="UserId"/>) or, when null, to the reporter.</summary>
public sealed record SealedKey(Guid? UserId, CaseKeyKind Kind, byte[] WrappedKey);

/// <summary>A report sealed in the browser (JavaScript path): the server sees only ciphertext and the lookup token.</summary>
public sealed record SealedReport(Guid CaseId, Guid? CategoryId, Guid AnswersRecordId, byte[] Answers, Guid? IdentityRecordId,
    byte[]? Identity, IReadOnlyList<SealedKey> Keys, byte[] LookupToken, byte[] WrappedPrivateKey, IReadOnlyList<SealedFileKey> Files);

/// <summary>How an oral report is filed: its medium, when it was received, and what must commit with it.</summary>
internal sealed record OralFiling(ReportMedium Medium, DateTimeOffset ReceivedAt, Func<Case, Task> BeforeCommit);

/// <summary>What filing a report returns; <see cref="ReceiptCode"/> is set only in the no-JavaScript path and must be shown once, never stored.</summary>
public sealed record FiledReport(Guid CaseId, string? ReceiptCode, bool Acknowledged);

/// <summary>
/// Files reports in either path, all or nothing: the case, its wrapped keys, its sealed records, its attachments and
/// the reporter's credential are written in one transaction, so no half-written case can exist. Both paths store
/// the same format. A channel with no recipients refuses reports, so no case is filed that nobody can read.
/// </summary>
public sealed partial class ReportIntake(
    VarslingDbContext db,
    OrganisationScope scope,
    TimeProvider time,
    DeploymentSalt salt,
    BoundedDerivations derivation,
    IOptions<IntakeOptions> options,
    Audit.AuditLog audit,
    ILogger<ReportIntake> logger)
{
    /// <summary>The keys an ordinary channel's handlers receive: all four.</summary>
    public static readonly IReadOnlyList<CaseKeyKind> HandlerKinds = [CaseKeyKind.Shared, CaseKeyKind.Identity, CaseKeyKind.Internal, CaseKeyKind.Summary];

    private static readonly IReadOnlyList<CaseKeyKind> s_withoutIdentity = [CaseKeyKind.Shared, CaseKeyKind.Internal, CaseKeyKind.Summary];
    private static readonly CaseKeyKind[] s_handlerKinds = [.. HandlerKinds];

    /// <summary>The organisation by its URL name, entering its scope for the rest of the request.</summary>
    public async Task<IntakeOrganisation> GetOrganisationAsync(string organisationSlug, CancellationToken ct = default)
    {
        var org = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == organisationSlug, ct)
            ?? throw new NotFoundException("No such organisation.");
        scope.Enter(org.Id);
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new ChannelChoice(c.Slug, c.Name, c.IsOpen)).ToListAsync(ct);
        var jurisdiction = await db.LegalEntities.AsNoTracking().OrderBy(e => e.Name).Select(e => e.JurisdictionCode).FirstOrDefaultAsync(ct) ?? "NO";
        return new IntakeOrganisation(org.Id, org.Slug, org.Name, channels,
            org.ControllerName.Length > 0 ? org.ControllerName : org.Name, org.ControllerContact, org.DpoContact, org.Processors,
            org.RetentionMonths, jurisdiction);
    }

    /// <summary>A channel of the organisation with its categories and recipients.</summary>
    public async Task<IntakeChannel> GetChannelAsync(string organisationSlug, string channelSlug, CancellationToken ct = default)
    {
        var org = await GetOrganisationAsync(organisationSlug, ct);
        var channel = await db.Channels.AsNoTracking().Include(c => c.Categories).SingleOrDefaultAsync(c => c.Slug == channelSlug, ct)
            ?? throw new NotFoundException("No such channel.");
        var custodians = channel.IdentityHeldByCustodians
            ? await db.ChannelCustodians.AsNoTracking().Where(c => c.ChannelId == channel.Id).Select(c => c.UserId).ToListAsync(ct)
            : [];
        var recipients = (await (
                from r in db.ChannelRecipients.AsNoTracking()
                join k in db.UserKeys.AsNoTracking() on r.UserId equals k.UserId
                join u in db.Users.AsNoTracking().Where(Administration.IsActive) on r.UserId equals u.Id
                where r.ChannelId == channel.Id
                orderby r.UserId
                select new RecipientKey(r.UserId, k.PublicKey))
            .ToListAsync(ct))
            .Select(r => channel.IdentityHeldByCustodians && !custodians.Contains(r.UserId) ? r with { Kinds = s_withoutIdentity } : r)
            .ToList();
        var questions = await db.ChannelQuestions.AsNoTracking().Where(q => q.ChannelId == channel.Id).OrderBy(q => q.SortOrder)
            .Select(q => new QuestionChoice(q.Id, q.Text, q.Required)).ToListAsync(ct);
        return new IntakeChannel(org.Id, org.Slug, org.Name, channel.Id, channel.Slug, channel.Name, channel.IsOpen,
            channel.Categories.OrderBy(c => c.SortOrder).Select(c => new CategoryChoice(c.Id, c.Name)).ToList(), recipients)
        {
            Questions = questions,
        };
    }

    /// <summary>The deployment's public receipt salt, which the browser needs to derive a code's secrets.</summary>
    public Task<byte[]> ReceiptSaltAsync(CancellationToken ct = default) => salt.GetAsync(ct);

    /// <summary>
    /// No-JavaScript path: generates the reporter's key pair and receipt code, seals everything in memory and files
    /// the case. The returned code is the only copy; the caller shows it once and forgets it.
    /// </summary>
    public Task<FiledReport> FilePlainAsync(IntakeChannel channel, PlainReport report, CancellationToken ct = default) =>
        SealAndFileAsync(channel, report, null, ct);

    /// <summary>
    /// Files a report a handler registered from an oral report (Directive Art. 9(2)), through the same server-side
    /// sealing as the no-JavaScript path: received at <see cref="OralFiling.ReceivedAt"/>, marked with its medium,
    /// and <see cref="OralFiling.BeforeCommit"/> runs inside the filing's transaction (for the handler's audit row).
    /// </summary>
    internal Task<FiledReport> FileOralAsync(IntakeChannel channel, PlainReport report, OralFiling oral, CancellationToken ct) =>
        SealAndFileAsync(channel, report, oral, ct);

    private async Task<FiledReport> SealAndFileAsync(IntakeChannel channel, PlainReport report, OralFiling? oral, CancellationToken ct)
    {
        RequireAcceptsReports(channel);
        ValidateText(report.Answers, report.Identity);
        ValidateExtra(channel, report.Answers);
        var caseId = report.SubmissionId ?? Guid.NewGuid();
        if (await db.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == caseId, ct))
        {
            throw new RuleViolationException(AlreadySubmitted);
        }

        var code = ReceiptCode.Generate();
        var secrets = await derivation.DeriveReceiptAsync(code, await salt.GetAsync(ct), ct);
        var keys = s_handlerKinds.ToDictionary(k => k, _ => CaseKeys.Generate());
        try
        {
            using var reporter = X25519KeyPair.Generate();
            var sealedKeys = new List<SealedKey>();
            foreach (var recipient in channel.Recipients)
            {
                sealedKeys.AddRange(recipient.Kinds.Select(k => new SealedKey(recipient.UserId, k, CaseKeys.Wrap(keys[k], recipient.PublicKey, caseId, k))));
            }

            sealedKeys.Add(new SealedKey(null, CaseKeyKind.Shared, CaseKeys.Wrap(keys[CaseKeyKind.Shared], reporter.PublicKey, caseId, CaseKeyKind.Shared)));
            var answersId = Guid.NewGuid();
            var answers = Records.Seal(keys[CaseKeyKind.Shared], caseId, answersId, RecordKind.Answers, EntryJson.Encode(report.Answers));
            Guid? identityId = report.Identity.IsEmpty ? null : Guid.NewGuid();
            var identity = identityId is { } iid
                ? Records.Seal(keys[CaseKeyKind.Identity], caseId, iid, RecordKind.Identity, EntryJson.Encode(report.Identity))
                : null;
            var files = report.Files.Select(f => new SealedFileKey(f.Mention.Id,
                Records.Seal(keys[CaseKeyKind.Shared], caseId, f.Mention.Id, RecordKind.FileKey, f.FileKey))).ToList();
            var sealedReport = new SealedReport(caseId, report.CategoryId, answersId, answers, identityId, identity, sealedKeys,
                secrets.LookupToken, PrivateKeyWrap.WrapWithKey(reporter, secrets.WrapKey), files);
            var filed = await FileAsync(channel, sealedReport, oral, ct);
            return filed with { ReceiptCode = ReceiptCode.Format(code) };
        }
        finally
        {
            foreach (var key in keys.Values)
            {
                CryptographicOperations.ZeroMemory(key);
            }

            CryptographicOperations.ZeroMemory(secrets.WrapKey);
        }
    }

    /// <summary>JavaScript path: files a report the browser sealed. Checks everything that can be checked without keys.</summary>
    public async Task<FiledReport> FileSealedAsync(IntakeChannel channel, SealedReport report, CancellationToken ct = default)
    {
        RequireAcceptsReports(channel);
        return await FileAsync(channel, report, null, ct);
    }

    private async Task<FiledReport> FileAsync(IntakeChannel channel, SealedReport report, OralFiling? oral, CancellationToken ct)
    {
        Validate(channel, report);
        var lookupHash = ReceiptCode.HashLookupToken(report.LookupToken);
        if (await db.ReporterCredentials.IgnoreQueryFilters().AnyAsync(r => r.LookupHash == lookupHash, ct)
            || await db.Cases.IgnoreQueryFilters().AnyAsync(c => c.Id == report.CaseId, ct))
        {
            throw new RuleViolationException("This report was already submitted, or its receipt code is in use. Please start again.");
        }

        var ch = await db.Channels.Include(c => c.LegalEntity).SingleAsync(c => c.Id == channel.ChannelId, ct);
        var org = await db.Organisations.SingleAsync(o => o.Id == channel.OrganisationId, ct);
        if (report.CategoryId is { } categoryId && !channel.Categories.Any(c => c.Id == categoryId))
        {
            throw new RuleViolationException("Choose one of the channel's categories.");
        }

        var legalEntity = ch.LegalEntity!;
        var jurisdiction = Jurisdictions.Get(legalEntity.JurisdictionCode);
        var clock = CaseClockContexts.For(org, legalEntity, ch);
        var now = time.GetUtcNow();
        var today = jurisdiction.LocalDate(now);
        var orgId = channel.OrganisationId;

        var c = Case.Receive(report.CaseId, orgId, legalEntity.Id, ch.Id, report.CategoryId, References.New("V-", 10), oral?.ReceivedAt ?? now, clock); // 50 random bits
        if (oral is not null)
        {
            c.RecordOral(oral.Medium);
        }

        db.Cases.Add(c);
        db.CaseKeyGrants.AddRange(report.Keys.Select(k =>
            new CaseKeyGrant(Guid.NewGuid(), orgId, c.Id, k.UserId is null ? KeyHolder.Reporter : KeyHolder.Handler, k.UserId, k.Kind, k.WrappedKey)));
        db.ReporterCredentials.Add(new ReporterCredential(c.Id, orgId, lookupHash, report.WrappedPrivateKey));
        var sequence = 1;
        db.CaseRecords.Add(CaseRecord.Sealed(report.AnswersRecordId, orgId, c.Id, sequence++, today, EntryAuthor.Reporter, null, RecordKind.Answers, report.Answers));
        if (report.IdentityRecordId is { } identityId && report.Identity is { } identity)
        {
            db.CaseRecords.Add(CaseRecord.Sealed(identityId, orgId, c.Id, sequence++, today, EntryAuthor.Reporter, null, RecordKind.Identity, identity));
        }

        if (ch.AutoAcknowledge)
        {
            c.Acknowledge(now, clock);
            db.CaseRecords.Add(CaseRecord.FromTemplate(Guid.NewGuid(), orgId, c.Id, sequence, today, SystemTemplates.Acknowledgement));
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var fileIds = await StagedFiles.AttachAsync(db, time, orgId, c.Id, report.AnswersRecordId, report.Files, options.Value.MaxFiles, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same submission arrived twice at once: the first one won, this one files nothing.
            throw new RuleViolationException(AlreadySubmitted);
        }

        await StagedFiles.MoveChunksAsync(db, fileIds, ct);
        if (oral is not null)
        {
            await oral.BeforeCommit(c);
        }
        else
        {
            // Content-free: the reporter is never identified, and the detail holds counts only.
            await audit.AppendAsync(new Audit.AuditEntry(orgId, Audit.AuditActor.Reporter, Audit.AuditAction.ReportSubmitted, c.Id,
                $"files {fileIds.Count}"), ct);
        }

        await tx.CommitAsync(ct);
        LogFiled(logger, c.Id, ch.Id, fileIds.Count, ch.AutoAcknowledge);
        return new FiledReport(c.Id, null, ch.AutoAcknowledge);
    }

    internal const string AlreadySubmitted =
        "This report has already been submitted. Its receipt code was shown once, when it was submitted, and cannot be shown again. " +
        "If you did not keep it, file a new report and mention the earlier one.";

    private static void RequireAcceptsReports(IntakeChannel channel)
    {
        if (!channel.IsOpen)
        {
            throw new RuleViolationException("This channel is closed and accepts no new reports.");
        }

        if (channel.Recipients.Count == 0)
        {
            throw new RuleViolationException(
                "This channel has no case handlers yet, so a report could not be read by anyone. Nothing was saved; please contact the organisation another way or try later.");
        }

        if (!channel.Recipients.Any(r => r.Kinds.Contains(CaseKeyKind.Identity)))
        {
            throw new RuleViolationException(
                "This channel's identity custodians cannot receive reports yet, so your identity could not be read by anyone. Nothing was saved; please contact the organisation another way or try later.");
        }
    }

    private void ValidateText(ReportAnswers answers, ReporterIdentity identity)
    {
        if (string.IsNullOrWhiteSpace(answers.What))
        {
            throw new RuleViolationException("Describe what happened.");
        }

        var max = options.Value.MaxTextLength;
        string?[] all = [answers.What, answers.When, answers.Where, answers.Who, answers.HowKnown, identity.Name, identity.Contact];
        if (all.Any(t => t is not null && t.Length > max))
        {
            throw new RuleViolationException($"Each answer can be at most {max:N0} characters.");
        }
    }

    /// <summary>The plain path sees the answers, so it holds them to the channel's questions; the sealed path cannot.</summary>
    private void ValidateExtra(IntakeChannel channel, ReportAnswers answers)
    {
        var extra = answers.Extra ?? [];
        if (extra.Any(a => channel.Questions.All(q => q.Id != a.Id)))
        {
            throw new RuleViolationException("The form has changed since it was opened. Please start the report again.");
        }

        if (extra.Any(a => a.Answer.Length > options.Value.MaxTextLength))
        {
            throw new RuleViolationException($"Each answer can be at most {options.Value.MaxTextLength:N0} characters.");
        }

        if (channel.Questions.Any(q => q.Required && string.IsNullOrWhiteSpace(extra.FirstOrDefault(a => a.Id == q.Id)?.Answer)))
        {
            throw new RuleViolationException("Answer every question marked as required.");
        }
    }

    private void Validate(IntakeChannel channel, SealedReport report)
    {
        if (report.CaseId == Guid.Empty || report.AnswersRecordId == Guid.Empty || report.IdentityRecordId == Guid.Empty)
        {
            throw new RuleViolationException("The report's ids are missing.");
        }

        // Answers hold at most seven texts and one answer per channel question of MaxTextLength characters (4 UTF-8
        // bytes each at worst), the questions' own texts, plus file names.
        var maxRecord = Records.Overhead + (long)options.Value.MaxTextLength * 4 * (7 + ChannelQuestion.MaxPerChannel)
            + ChannelQuestion.MaxPerChannel * ChannelQuestion.MaxLength * 4 + 64 * 1024;
        RequireRecord(report.Answers, maxRecord);
        if ((report.IdentityRecordId is null) != (report.Identity is null))
        {
            throw new RuleViolationException("The identity record is incomplete.");
        }

        if (report.Identity is { } identity)
        {
            RequireRecord(identity, maxRecord);
        }

        if (report.LookupToken.Length != 32)
        {
            throw new RuleViolationException("The receipt lookup token has the wrong length.");
        }

        try
        {
            PrivateKeyWrap.ReadPublicKey(report.WrappedPrivateKey);
        }
        catch (CryptoFormatException)
        {
            throw new RuleViolationException("The reporter's wrapped key is not valid.");
        }

        if (report.WrappedPrivateKey.Length != PrivateKeyWrap.WrappedLength || report.WrappedPrivateKey[6] != 0)
        {
            throw new RuleViolationException("The reporter's key must be wrapped under the receipt-derived key.");
        }

        var expected = channel.Recipients.SelectMany(r => r.Kinds.Select(k => (UserId: (Guid?)r.UserId, Kind: k)))
            .Append((UserId: (Guid?)null, Kind: CaseKeyKind.Shared)).ToHashSet();
        var given = report.Keys.Select(k => (k.UserId, k.Kind)).ToList();
        if (given.Count != expected.Count || !given.ToHashSet().SetEquals(expected))
        {
            throw new RuleViolationException("The case keys must be wrapped to exactly the channel's handlers (identity only to its custodians, when it has them) and the reporter.");
        }

        foreach (var key in report.Keys)
        {
            if (key.WrappedKey.Length != CaseKeys.WrappedLength || key.WrappedKey[0] != 1 || key.WrappedKey[1] != 1)
            {
                throw new RuleViolationException("A wrapped case key is malformed.");
            }
        }
    }

    private static void RequireRecord(byte[] blob, long maxLength)
    {
        if (blob.Length < Records.Overhead || blob.Length > maxLength || blob[0] != 1 || blob[1] != 2)
        {
            throw new RuleViolationException("A sealed record is malformed or too large.");
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Report filed as case {CaseId} on channel {ChannelId} with {FileCount} files; acknowledged {Acknowledged}")]
    private static partial void LogFiled(ILogger logger, Guid caseId, Guid channelId, int fileCount, bool acknowledged);
}
