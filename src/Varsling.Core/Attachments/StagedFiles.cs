using Microsoft.EntityFrameworkCore;
using Varsling.Core.Data;
using Varsling.Crypto;

namespace Varsling.Core.Attachments;

/// <summary>A file a submission brings: its staged upload and its per-file key sealed under the case's shared key.</summary>
public sealed record SealedFileKey(Guid FileId, byte[] SealedKey);

/// <summary>
/// Turns completed uploads into attachments of a case, inside the caller's transaction: the attachment rows are
/// added to the context, and after they are saved the chunks move over in one statement and the staging rows go.
/// An incomplete, expired or unknown upload refuses the whole submission.
/// </summary>
internal static class StagedFiles
{
    public static async Task<IReadOnlyList<Guid>> AttachAsync(VarslingDbContext db, TimeProvider time, Guid organisationId, Guid caseId,
        Guid recordId, IReadOnlyList<SealedFileKey> files, int maxFiles, CancellationToken ct)
    {
        if (files.Count > maxFiles)
        {
            throw new RuleViolationException($"At most {maxFiles} files can be attached at once.");
        }

        if (files.Select(f => f.FileId).Distinct().Count() != files.Count)
        {
            throw new RuleViolationException("The same file is attached twice.");
        }

        var now = time.GetUtcNow();
        foreach (var file in files)
        {
            var upload = await db.Uploads.SingleOrDefaultAsync(u => u.Id == file.FileId && u.ExpiresAt > now, ct)
                ?? throw new RuleViolationException("An attached file was not uploaded, or its upload expired. Please attach it again.");
            if (!upload.IsComplete)
            {
                throw new RuleViolationException("An attached file has not finished uploading.");
            }

            if (file.SealedKey.Length != Records.Overhead + 32 || file.SealedKey[0] != 1 || file.SealedKey[1] != 2)
            {
                throw new RuleViolationException("An attached file's key is not a sealed record.");
            }

            db.Attachments.Add(new Attachment(upload.Id, organisationId, caseId, recordId, file.SealedKey, upload.Header, upload.ChunkCount));
        }

        return files.Select(f => f.FileId).ToList();
    }

    /// <summary>Moves the chunks of saved attachments out of staging; call after SaveChanges, inside the transaction.</summary>
    public static async Task MoveChunksAsync(VarslingDbContext db, IReadOnlyList<Guid> fileIds, CancellationToken ct)
    {
        foreach (var id in fileIds)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO attachment_chunks (attachment_id, index, organisation_id, data) SELECT upload_id, index, organisation_id, data FROM upload_chunks WHERE upload_id = {id}", ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM uploads WHERE id = {id}", ct);
        }
    }
}
