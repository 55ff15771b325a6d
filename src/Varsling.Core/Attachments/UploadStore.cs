using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varsling.Core.Data;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Attachments;

/// <summary>What the staging area holds for one upload, as the uploader sees it (to resume after a broken connection).</summary>
public sealed record UploadState(Guid FileId, int ChunkCount, bool IsComplete);

/// <summary>
/// The staging area for chunked, resumable uploads. Every call checks what it can without a key: the header's
/// format and file id, each chunk's position and length (protocol.md §5), the per-file size limit. Uploads are
/// scoped to the organisation whose intake received them; stale ones expire.
/// </summary>
public sealed class UploadStore(VarslingDbContext db, OrganisationScope scope, TimeProvider time, IOptions<IntakeOptions> options)
{
    /// <summary>Starts an upload with its 24-byte header; the header names the file id.</summary>
    public async Task<UploadState> BeginAsync(Guid fileId, byte[] header, CancellationToken ct)
    {
        var organisationId = scope.OrganisationId ?? throw new InvalidOperationException("Uploads need an organisation scope.");
        ChunkedFileHeader parsed;
        try
        {
            parsed = ChunkedFile.ParseHeader(header);
        }
        catch (CryptoFormatException)
        {
            throw new RuleViolationException("The file header is not valid.");
        }

        if (parsed.FileId != fileId || header.Length != ChunkedFile.HeaderLength)
        {
            throw new RuleViolationException("The file header names a different file.");
        }

        if (await db.Uploads.IgnoreQueryFilters().AnyAsync(u => u.Id == fileId, ct)
            || await db.Attachments.IgnoreQueryFilters().AnyAsync(a => a.Id == fileId, ct))
        {
            throw new RuleViolationException("This file id is already in use.");
        }

        var now = time.GetUtcNow();
        db.Uploads.Add(new Upload(fileId, organisationId, header, now, now + options.Value.UploadLifetime));
        await db.SaveChangesAsync(ct);
        return new UploadState(fileId, 0, false);
    }

    /// <summary>Where an upload stands; not found (or expired, or another organisation's) answers 404.</summary>
    public async Task<UploadState> GetAsync(Guid fileId, CancellationToken ct)
    {
        var upload = await FindAsync(fileId, ct);
        return new UploadState(upload.Id, upload.ChunkCount, upload.IsComplete);
    }

    /// <summary>
    /// Adds chunk <paramref name="index"/>. Chunks arrive in order; re-sending the last accepted chunk is answered
    /// as accepted (the acknowledgement was lost), so a client can always resume from <see cref="UploadState.ChunkCount"/>.
    /// </summary>
    public async Task<UploadState> AppendAsync(Guid fileId, int index, byte[] data, bool isFinal, CancellationToken ct)
    {
        var upload = await FindAsync(fileId, ct);
        if (index == upload.ChunkCount - 1)
        {
            return new UploadState(upload.Id, upload.ChunkCount, upload.IsComplete);
        }

        if (upload.IsComplete)
        {
            throw new RuleViolationException("The file is already complete.");
        }

        if (index != upload.ChunkCount)
        {
            throw new RuleViolationException($"Expected chunk {upload.ChunkCount} next.");
        }

        try
        {
            ChunkedFile.CheckChunkLength(upload.Header, data.Length, isFinal);
        }
        catch (CryptoFormatException)
        {
            throw new RuleViolationException("The chunk has the wrong size for its position.");
        }

        var chunkSize = ChunkedFile.ParseHeader(upload.Header).ChunkSize;
        if (upload.Bytes + data.Length + ChunkedFile.HeaderLength > options.Value.MaxFileCiphertextBytes(chunkSize))
        {
            throw new RuleViolationException($"The file is larger than {options.Value.MaxFileBytes / (1024 * 1024)} MB.");
        }

        upload.Accept(data.Length, isFinal);
        db.UploadChunks.Add(new UploadChunk(upload.Id, upload.OrganisationId, index, data));
        await db.SaveChangesAsync(ct);
        return new UploadState(upload.Id, upload.ChunkCount, upload.IsComplete);
    }

    /// <summary>Removes an upload that will not be submitted (e.g. a form that failed half-way).</summary>
    public Task DiscardAsync(Guid fileId, CancellationToken ct) =>
        db.Uploads.Where(u => u.Id == fileId).ExecuteDeleteAsync(ct);

    /// <summary>Deletes every expired upload of every organisation; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Uploads.IgnoreQueryFilters().Where(u => u.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    private async Task<Upload> FindAsync(Guid fileId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.Uploads.SingleOrDefaultAsync(u => u.Id == fileId && u.ExpiresAt > now, ct)
            ?? throw new NotFoundException("No such upload.");
    }
}
