using System.Security.Cryptography;

namespace Varsling.Crypto;

/// <summary>Which of a case's four keys a wrapped key is. See crypto-docs/key-hierarchy.md and protocol.md §3.</summary>
public enum CaseKeyKind : byte
{
    /// <summary>Report answers, attachments, reporter–handler messages; reporter and handlers.</summary>
    Shared = 0x01,

    /// <summary>Reporter identity; designated handlers.</summary>
    Identity = 0x02,

    /// <summary>Internal notes and assessments; handlers only.</summary>
    Internal = 0x03,

    /// <summary>Closing summary; handlers and the legal team.</summary>
    Summary = 0x04,
}

/// <summary>
/// Case keys (random 256-bit) and their HPKE wrapping to one recipient's X25519 public key, bound to the
/// case id and key kind. Layout: 88 bytes, see crypto-docs/protocol.md §3.
/// </summary>
public static class CaseKeys
{
    /// <summary>Length of a wrapped case key blob.</summary>
    public const int WrappedLength = HeaderLength + Hpke.EncLength + BlobFormat.KeyLength + Hpke.TagLength;

    private const int HeaderLength = 8;
    private static readonly byte[] _info = "varsling/v1 case-key"u8.ToArray();

    /// <summary>Generates a new random 256-bit case key.</summary>
    public static byte[] Generate() => BlobFormat.NewKey();

    /// <summary>Wraps <paramref name="caseKey"/> (32 bytes) to <paramref name="recipientPublicKey"/> for this case and kind.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> caseKey, ReadOnlySpan<byte> recipientPublicKey, Guid caseId, CaseKeyKind kind)
    {
        BlobFormat.CheckKey(caseKey, "A case key");
        CheckKind(kind);
        var blob = new byte[WrappedLength];
        WriteHeader(blob);
        var aad = Aad(blob, caseId, kind);
        using var ctx = Hpke.SetupBaseS(recipientPublicKey, _info, HpkeAead.Aes256Gcm, out var enc);
        enc.CopyTo(blob, HeaderLength);
        ctx.Seal(aad, caseKey).CopyTo(blob, HeaderLength + Hpke.EncLength);
        return blob;
    }

    /// <summary>
    /// Opens a wrapped case key with the recipient's key pair. Throws <see cref="CryptoFormatException"/> on an
    /// unknown version or suite, a wrong length, or when the blob does not authenticate for this recipient,
    /// case and kind.
    /// </summary>
    public static byte[] Unwrap(ReadOnlySpan<byte> blob, X25519KeyPair recipient, Guid caseId, CaseKeyKind kind)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        CheckKind(kind);
        BlobFormat.CheckHeader(blob, BlobType.WrappedCaseKey);
        if (blob.Length != WrappedLength)
        {
            throw new CryptoFormatException($"Wrapped case key must be {WrappedLength} bytes, got {blob.Length}.");
        }
        var aad = Aad(blob, caseId, kind);
        try
        {
            using var ctx = Hpke.SetupBaseR(blob.Slice(HeaderLength, Hpke.EncLength), recipient, _info, HpkeAead.Aes256Gcm);
            return ctx.Open(aad, blob[(HeaderLength + Hpke.EncLength)..]);
        }
        catch (CryptoFormatException)
        {
            throw new CryptoFormatException("Wrapped case key failed authentication (wrong recipient, case or kind, or damaged).");
        }
    }

    private static void WriteHeader(Span<byte> blob)
    {
        blob[0] = BlobFormat.Version;
        blob[1] = (byte)BlobType.WrappedCaseKey;
        blob[2] = Hpke.KemId >> 8;
        blob[3] = Hpke.KemId & 0xFF;
        blob[4] = Hpke.KdfId >> 8;
        blob[5] = Hpke.KdfId & 0xFF;
        blob[6] = (ushort)HpkeAead.Aes256Gcm >> 8;
        blob[7] = (ushort)HpkeAead.Aes256Gcm & 0xFF;
    }

    private static byte[] Aad(ReadOnlySpan<byte> blob, Guid caseId, CaseKeyKind kind)
    {
        var aad = new byte[HeaderLength + 16 + 1];
        blob[..HeaderLength].CopyTo(aad);
        BlobFormat.WriteGuid(caseId, aad.AsSpan(HeaderLength, 16));
        aad[^1] = (byte)kind;
        return aad;
    }

    private static void CheckKind(CaseKeyKind kind)
    {
        if (kind is not (CaseKeyKind.Shared or CaseKeyKind.Identity or CaseKeyKind.Internal or CaseKeyKind.Summary))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Unknown case key kind.");
        }
    }
}
