using Varsling.Crypto;

namespace Varsling.Core.Attachments;

/// <summary>
/// An encrypted file that is part of a case (protocol.md §5). Its per-file key is a sealed record of kind FileKey
/// under the case's shared key with record id = file id; its name and type live in the sealed entry that brought it,
/// so the server knows only its size in chunks. The chunks are rows of <see cref="AttachmentChunk"/>.
/// </summary>
public sealed class Attachment : IOrganisationOwned
{
    private Attachment() { }

    public Attachment(Guid id, Guid organisationId, Guid caseId, Guid recordId, byte[] sealedFileKey, byte[] header, int chunkCount)
    {
        if (sealedFileKey.Length != Records.Overhead + 32)
        {
            throw new RuleViolationException("A sealed file key has the wrong length.");
        }

        Id = id;
        OrganisationId = organisationId;
        CaseId = caseId;
        RecordId = recordId;
        SealedFileKey = sealedFileKey;
        Header = header;
        ChunkCount = chunkCount;
    }

    /// <summary>The file id, as written in <see cref="Header"/>.</summary>
    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>The case entry (answers or message) whose sealed content names this file.</summary>
    public Guid RecordId { get; private set; }

    public byte[] SealedFileKey { get; private set; } = [];

    /// <summary>The 24-byte chunked-file header (protocol.md §5).</summary>
    public byte[] Header { get; private set; } = [];

    public int ChunkCount { get; private set; }
}

/// <summary>One encrypted chunk of an attachment, index from 0; the last one is the final chunk.</summary>
public sealed class AttachmentChunk : IOrganisationOwned
{
    private AttachmentChunk() { }

    public AttachmentChunk(Guid attachmentId, Guid organisationId, int index, byte[] data)
    {
        AttachmentId = attachmentId;
        OrganisationId = organisationId;
        Index = index;
        Data = data;
    }

    public Guid AttachmentId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Index { get; private set; }
    public byte[] Data { get; private set; } = [];
}
