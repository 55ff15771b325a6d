using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Data;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Messaging;

/// <summary>An entry opened by a handler: the report's answers, the identity, or a message.</summary>
public sealed record HandlerEntry(Guid Id, int Sequence, DateOnly Date, EntryAuthor Author, RecordKind Kind, string? TemplateId,
    ReportAnswers? Answers, ReporterIdentity? Identity, MessageContent? Message);

/// <summary>
/// The handler's side of the reporter conversation, for a handler whose private key the caller has unlocked (the
/// back office's split-key session). The case is read and written in the caller's organisation scope.
/// </summary>
public sealed partial class HandlerMessages(VarslingDbContext db, TimeProvider time, ILogger<HandlerMessages> logger)
{
    /// <summary>Seals a message to the reporter under the case's shared key, as unwrapped with the handler's key.</summary>
    public async Task<Guid> PostAsync(Guid caseId, Guid handlerUserId, X25519KeyPair handlerKey, string text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleViolationException("Write a message.");
        }

        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException("No such case.");
        var shared = await UnwrapAsync(caseId, handlerUserId, handlerKey, CaseKeyKind.Shared, ct);
        try
        {
            var recordId = Guid.NewGuid();
            var content = Records.Seal(shared, caseId, recordId, RecordKind.Message, EntryJson.Encode(new MessageContent(text.Trim(), [])));
            var today = await ReporterMailbox.LocalTodayAsync(db, time, c.LegalEntityId, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sequence = await ReporterMailbox.NextSequenceAsync(db, caseId, ct);
            db.CaseRecords.Add(CaseRecord.Sealed(recordId, c.OrganisationId, caseId, sequence, today, EntryAuthor.Handler, handlerUserId, RecordKind.Message, content));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            LogHandlerPosted(logger, caseId, handlerUserId);
            return recordId;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }

    /// <summary>
    /// Every entry of the case opened with the handler's keys. The identity (identity key: withheld from handlers
    /// who are not custodians until released), notes (internal key) and
    /// closing summaries (summary key) are opened when the handler holds that key and left out otherwise; their
    /// text comes back as <see cref="HandlerEntry.Message"/>.
    /// </summary>
    public async Task<IReadOnlyList<HandlerEntry>> ReadAsync(Guid caseId, Guid handlerUserId, X25519KeyPair handlerKey, CancellationToken ct = default)
    {
        var records = await db.CaseRecords.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.Sequence).ToListAsync(ct);
        var keys = new Dictionary<CaseKeyKind, byte[]>
        {
            [CaseKeyKind.Shared] = await UnwrapAsync(caseId, handlerUserId, handlerKey, CaseKeyKind.Shared, ct),
        };
        try
        {
            foreach (var kind in records.Select(r => KeyFor(r.Kind)).Distinct().Where(k => !keys.ContainsKey(k)).ToList())
            {
                if (await TryUnwrapAsync(caseId, handlerUserId, handlerKey, kind, ct) is { } key)
                {
                    keys[kind] = key;
                }
            }

            return records.Where(r => r.SealedContent is null || keys.ContainsKey(KeyFor(r.Kind))).Select(r =>
            {
                if (r.SealedContent is null)
                {
                    return new HandlerEntry(r.Id, r.Sequence, r.Date, r.Author, r.Kind, r.TemplateId, null, null, null);
                }

                var plain = Records.Open(keys[KeyFor(r.Kind)], caseId, r.Id, r.Kind, r.SealedContent);
                return r.Kind switch
                {
                    RecordKind.Answers => new HandlerEntry(r.Id, r.Sequence, r.Date, r.Author, r.Kind, null, EntryJson.Decode<ReportAnswers>(plain), null, null),
                    RecordKind.Identity => new HandlerEntry(r.Id, r.Sequence, r.Date, r.Author, r.Kind, null, null, EntryJson.Decode<ReporterIdentity>(plain), null),
                    _ => new HandlerEntry(r.Id, r.Sequence, r.Date, r.Author, r.Kind, null, null, null, EntryJson.Decode<MessageContent>(plain)),
                };
            }).ToList();
        }
        finally
        {
            foreach (var key in keys.Values)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }

    /// <summary>The case key each record kind is sealed under (architecture.md §2).</summary>
    public static CaseKeyKind KeyFor(RecordKind kind) => kind switch
    {
        RecordKind.Identity => CaseKeyKind.Identity,
        RecordKind.Note => CaseKeyKind.Internal,
        RecordKind.Summary => CaseKeyKind.Summary,
        RecordKind.Answers or RecordKind.Message or RecordKind.FileKey => CaseKeyKind.Shared,
        _ => throw new CryptoFormatException("Unknown record kind."),
    };

    /// <summary>Decrypts an attachment into <paramref name="output"/> with the handler's keys.</summary>
    public async Task ReadFileAsync(Guid caseId, Guid fileId, Guid handlerUserId, X25519KeyPair handlerKey, Stream output, CancellationToken ct = default)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CaseId == caseId, ct)
            ?? throw new NotFoundException("No such file.");
        var shared = await UnwrapAsync(caseId, handlerUserId, handlerKey, CaseKeyKind.Shared, ct);
        var fileKey = Records.Open(shared, caseId, fileId, RecordKind.FileKey, attachment.SealedFileKey);
        CryptographicOperations.ZeroMemory(shared);
        try
        {
            for (var i = 0; i < attachment.ChunkCount; i++)
            {
                var index = i;
                var data = await db.AttachmentChunks.AsNoTracking().Where(c => c.AttachmentId == fileId && c.Index == index).Select(c => c.Data).SingleAsync(ct);
                var plain = ChunkedFile.OpenChunk(fileKey, attachment.Header, (ulong)i, data, i == attachment.ChunkCount - 1);
                await output.WriteAsync(plain, ct);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    private async Task<byte[]?> TryUnwrapAsync(Guid caseId, Guid userId, X25519KeyPair key, CaseKeyKind kind, CancellationToken ct)
    {
        var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(k => k.CaseId == caseId && k.UserId == userId && k.Kind == kind, ct);
        return grant is null ? null : CaseKeys.Unwrap(grant.WrappedKey, key, caseId, kind);
    }

    private async Task<byte[]> UnwrapAsync(Guid caseId, Guid userId, X25519KeyPair key, CaseKeyKind kind, CancellationToken ct)
    {
        var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(k => k.CaseId == caseId && k.UserId == userId && k.Kind == kind, ct)
            ?? throw new NotFoundException("No such case.");
        return CaseKeys.Unwrap(grant.WrappedKey, key, caseId, kind);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Handler {UserId} posted to case {CaseId}")]
    private static partial void LogHandlerPosted(ILogger logger, Guid caseId, Guid userId);
}
