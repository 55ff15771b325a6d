namespace Varsling.Core.Attachments;

/// <summary>
/// A file being uploaded chunk by chunk before it joins a case: the staging area of architecture.md §2. The browser
/// (or the no-JavaScript form reader) sends the header, then one encrypted chunk per request; the server checks
/// each chunk's length without any key. An upload becomes an <see cref="Attachment"/> only when its final chunk
/// has arrived and the submission that names it commits; uploads never committed expire.
/// </summary>
public sealed class Upload : IOrganisationOwned
{
    private Upload() { }

    public Upload(Guid id, Guid organisationId, byte[] header, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        OrganisationId = organisationId;
        Header = header;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The file id; knowing it (122 random bits) is what lets a client add chunks.</summary>
    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }
    public byte[] Header { get; private set; } = [];

    /// <summary>Chunks received so far; the next expected index.</summary>
    public int ChunkCount { get; private set; }

    /// <summary>Total ciphertext bytes received, for the per-file size limit.</summary>
    public long Bytes { get; private set; }

    public bool IsComplete { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    internal void Accept(int length, bool isFinal)
    {
        ChunkCount++;
        Bytes += length;
        IsComplete = isFinal;
    }
}

/// <summary>One staged encrypted chunk.</summary>
public sealed class UploadChunk : IOrganisationOwned
{
    private UploadChunk() { }

    public UploadChunk(Guid uploadId, Guid organisationId, int index, byte[] data)
    {
        UploadId = uploadId;
        OrganisationId = organisationId;
        Index = index;
        Data = data;
    }

    public Guid UploadId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Index { get; private set; }
    public byte[] Data { get; private set; } = [];
}
