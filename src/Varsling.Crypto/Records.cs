using System.Security.Cryptography;

namespace Varsling.Crypto;

/// <summary>What a sealed record holds; bound into its AAD. See crypto-docs/protocol.md §4.</summary>
public enum RecordKind : byte
{
    /// <summary>The report's answers (shared key).</summary>
    Answers = 0x01,

    /// <summary>The reporter's identity (identity key).</summary>
    Identity = 0x02,

    /// <summary>A reporter–handler message (shared key).</summary>
    Message = 0x03,

    /// <summary>An internal note or assessment (internal key).</summary>
    Note = 0x04,

    /// <summary>The closing summary (summary key).</summary>
    Summary = 0x05,

    /// <summary>A chunked file's per-file key; the record id is the file id (shared key).</summary>
    FileKey = 0x06,
}

/// <summary>
/// Records sealed under a 256-bit case key with AES-256-GCM, a random 96-bit nonce, and AAD binding
/// case id, record id and kind. Layout: 4-byte header, nonce, ciphertext, tag; see crypto-docs/protocol.md §4.
/// </summary>
public static class Records
{
    /// <summary>Bytes a sealed record adds to its plaintext (header, nonce, tag).</summary>
    public const int Overhead = HeaderLength + BlobFormat.NonceLength + BlobFormat.TagLength;

    private const int HeaderLength = 4;

    /// <summary>Seals <paramref name="plaintext"/> under <paramref name="caseKey"/> for one record of one case.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> caseKey, Guid caseId, Guid recordId, RecordKind kind, ReadOnlySpan<byte> plaintext)
    {
        BlobFormat.CheckKey(caseKey, "A case key");
        CheckKind(kind);
        var blob = new byte[Overhead + plaintext.Length];
        blob[0] = BlobFormat.Version;
        blob[1] = (byte)BlobType.Record;
        blob[2] = 0x00;
        blob[3] = (byte)HpkeAead.Aes256Gcm;
        var nonce = blob.AsSpan(HeaderLength, BlobFormat.NonceLength);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[AadLength];
        WriteAad(blob, caseId, recordId, kind, aad);
        Aes256.Seal(caseKey, nonce, aad, plaintext, blob.AsSpan(HeaderLength + BlobFormat.NonceLength));
        return blob;
    }

    /// <summary>
    /// Opens a sealed record. Throws <see cref="CryptoFormatException"/> on an unknown version or AEAD,
    /// a truncated blob, or when it does not authenticate under this key, case, record id and kind.
    /// </summary>
    public static byte[] Open(ReadOnlySpan<byte> caseKey, Guid caseId, Guid recordId, RecordKind kind, ReadOnlySpan<byte> blob)
    {
        BlobFormat.CheckKey(caseKey, "A case key");
        CheckKind(kind);
        BlobFormat.CheckHeader(blob, BlobType.Record);
        if (blob.Length < Overhead)
        {
            throw new CryptoFormatException($"Sealed record must be at least {Overhead} bytes, got {blob.Length}.");
        }
        Span<byte> aad = stackalloc byte[AadLength];
        WriteAad(blob, caseId, recordId, kind, aad);
        var ctStart = HeaderLength + BlobFormat.NonceLength;
        var ptLength = blob.Length - Overhead;
        var plaintext = new byte[ptLength];
        if (!Aes256.Open(caseKey, blob.Slice(HeaderLength, BlobFormat.NonceLength), aad, blob[ctStart..], plaintext))
        {
            throw new CryptoFormatException("Sealed record failed authentication (wrong key, case, record or kind, or damaged).");
        }
        return plaintext;
    }

    private const int AadLength = HeaderLength + 16 + 16 + 1;

    private static void WriteAad(ReadOnlySpan<byte> blob, Guid caseId, Guid recordId, RecordKind kind, Span<byte> aad)
    {
        blob[..HeaderLength].CopyTo(aad);
        BlobFormat.WriteGuid(caseId, aad.Slice(HeaderLength, 16));
        BlobFormat.WriteGuid(recordId, aad.Slice(HeaderLength + 16, 16));
        aad[^1] = (byte)kind;
    }

    private static void CheckKind(RecordKind kind)
    {
        if (kind is < RecordKind.Answers or > RecordKind.FileKey)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Unknown record kind.");
        }
    }
}
