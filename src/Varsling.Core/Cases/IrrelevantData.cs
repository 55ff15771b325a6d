using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Cases;

/// <summary>Why a handler deleted something as manifestly irrelevant. Recorded in the audit event by name; never content.</summary>
public enum IrrelevanceReason
{
    /// <summary>It has nothing to do with the reported breach.</summary>
    NotRelatedToTheReport,

    /// <summary>It holds more personal data than handling the report needs.</summary>
    ExcessivePersonalData,

    /// <summary>It holds special categories of personal data (GDPR Art. 9) the case does not need.</summary>
    SpecialCategoryData,

    /// <summary>It repeats something the case already holds.</summary>
    Duplicate,
}

/// <summary>
/// "Delete as irrelevant" (Directive Art. 17; compliance.md §2): personal data manifestly not relevant to handling
/// the report is deleted without undue delay. A reporter's message goes with its files and chunks, and a
/// content-free tombstone takes its place in the thread, dated the day of deletion, for handlers and the
/// reporter alike; an attachment goes with its chunks, its name is taken out of the entry that brought it, and a
/// tombstone is added. The report's own answers cannot be deleted this way. Audited with who, which id and the
/// reason category, in the same transaction.
/// </summary>
public sealed partial class IrrelevantData(VarslingDbContext db, AuditLog audit, TimeProvider time, ILogger<IrrelevantData> logger)
{
    /// <summary>Deletes a message the reporter wrote, with any files it brought; a tombstone stands in its place.</summary>
    public async Task DeleteMessageAsync(Guid caseId, Guid userId, Guid recordId, IrrelevanceReason reason, uint? expectedVersion = null,
        CancellationToken ct = default)
    {
        RequireReason(reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await CaseLocks.LockAsync(db, caseId, userId, expectedVersion, ct);
        var record = await db.CaseRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId && r.CaseId == caseId, ct)
            ?? throw new NotFoundException("No such entry.");
        if (record.Kind == RecordKind.Answers)
        {
            throw new RuleViolationException("The report's own answers cannot be deleted as irrelevant; delete an attachment of it instead.");
        }

        if (record.Author != EntryAuthor.Reporter || record.Kind != RecordKind.Message || record.SealedContent is null)
        {
            throw new RuleViolationException("Only a message the reporter wrote can be deleted as irrelevant.");
        }

        var files = await db.Attachments.Where(a => a.RecordId == recordId && a.CaseId == caseId).Select(a => a.Id).ToListAsync(ct);
        await DeleteFilesAsync(files, ct);
        await db.CaseRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(ct);
        var today = await ReporterMailbox.LocalTodayAsync(db, time, c.LegalEntityId, ct);
        // The tombstone keeps the deleted entry's place in the thread.
        db.CaseRecords.Add(CaseRecord.FromTemplate(Guid.NewGuid(), c.OrganisationId, caseId, record.Sequence, today, SystemTemplates.DeletedAsIrrelevant));
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.RecordDeletedAsIrrelevant, caseId,
            $"record {recordId} with {files.Count} files; reason {reason}"), ct);
        await tx.CommitAsync(ct);
        LogDeleted(logger, caseId, userId, recordId, reason);
    }

    /// <summary>
    /// Deletes an attachment and its chunks. The entry that brought it (the report or a message) is sealed again
    /// without the file's name, which the handler's key opens; a tombstone is added at the end of the thread.
    /// </summary>
    public async Task DeleteFileAsync(Guid caseId, Guid userId, X25519KeyPair key, Guid fileId, IrrelevanceReason reason, uint? expectedVersion = null,
        CancellationToken ct = default)
    {
        RequireReason(reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await CaseLocks.LockAsync(db, caseId, userId, expectedVersion, ct);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CaseId == caseId, ct)
            ?? throw new NotFoundException("No such file.");
        var record = await db.CaseRecords.SingleAsync(r => r.Id == attachment.RecordId && r.CaseId == caseId, ct);
        var grant = await db.CaseKeyGrants.AsNoTracking().SingleAsync(g => g.CaseId == caseId && g.UserId == userId && g.Kind == CaseKeyKind.Shared, ct);
        var shared = CaseKeys.Unwrap(grant.WrappedKey, key, caseId, CaseKeyKind.Shared);
        try
        {
            var plain = Records.Open(shared, caseId, record.Id, record.Kind, record.SealedContent!);
            byte[] without;
            if (record.Kind == RecordKind.Answers)
            {
                var answers = EntryJson.Decode<ReportAnswers>(plain);
                without = EntryJson.Encode(answers with { Files = answers.Files.Where(f => f.Id != fileId).ToList() });
            }
            else
            {
                var message = EntryJson.Decode<MessageContent>(plain);
                without = EntryJson.Encode(message with { Files = message.Files.Where(f => f.Id != fileId).ToList() });
            }

            record.Reseal(Records.Seal(shared, caseId, record.Id, record.Kind, without));
            CryptographicOperations.ZeroMemory(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }

        await DeleteFilesAsync([fileId], ct);
        var today = await ReporterMailbox.LocalTodayAsync(db, time, c.LegalEntityId, ct);
        var sequence = await ReporterMailbox.NextSequenceAsync(db, caseId, ct);
        db.CaseRecords.Add(CaseRecord.FromTemplate(Guid.NewGuid(), c.OrganisationId, caseId, sequence, today, SystemTemplates.DeletedAsIrrelevant));
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.RecordDeletedAsIrrelevant, caseId,
            $"file {fileId} of record {record.Id}; reason {reason}"), ct);
        await tx.CommitAsync(ct);
        LogDeleted(logger, caseId, userId, fileId, reason);
    }

    private async Task DeleteFilesAsync(IReadOnlyList<Guid> fileIds, CancellationToken ct)
    {
        if (fileIds.Count == 0)
        {
            return;
        }

        await db.AttachmentChunks.Where(x => fileIds.Contains(x.AttachmentId)).ExecuteDeleteAsync(ct);
        await db.Attachments.Where(a => fileIds.Contains(a.Id)).ExecuteDeleteAsync(ct);
    }

    private static void RequireReason(IrrelevanceReason reason)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new RuleViolationException("Choose why the entry is irrelevant.");
        }
    }

    [LoggerMessage(EventId = 4321, Level = LogLevel.Information, Message = "Handler {UserId} deleted {RecordId} of case {CaseId} as irrelevant ({Reason})")]
    private static partial void LogDeleted(ILogger logger, Guid caseId, Guid userId, Guid recordId, IrrelevanceReason reason);
}
