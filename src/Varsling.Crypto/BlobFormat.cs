using System.Security.Cryptography;
using NSec.Cryptography;

namespace Varsling.Crypto;

/// <summary>
/// Blob type ids (byte 1 of every blob, after the format version). See crypto-docs/protocol.md §0.
/// </summary>
public enum BlobType : byte
{
    /// <summary>A case key wrapped to one recipient with HPKE (protocol.md §3).</summary>
    WrappedCaseKey = 0x01,

    /// <summary>A record sealed under a case key (protocol.md §4).</summary>
    Record = 0x02,

    /// <summary>The header of a chunked file (protocol.md §5).</summary>
    ChunkedFile = 0x03,

    /// <summary>An X25519 private key wrapped under a secret (protocol.md §6).</summary>
    WrappedPrivateKey = 0x04,

    /// <summary>A person's private key sealed to the organisation's escrow public key with HPKE (protocol.md §10).</summary>
    EscrowedPrivateKey = 0x05,
}

/// <summary>Shared header rules and encodings for every blob.</summary>
internal static class BlobFormat
{
    internal const byte Version = 0x01;
    internal const int KeyLength = 32;
    internal const int NonceLength = 12;
    internal const int TagLength = 16;

    /// <summary>
    /// Checks version, type and suite ids (<see cref="BlobHeader.Describe"/>); the first failure names what was wrong.
    /// </summary>
    internal static void CheckHeader(ReadOnlySpan<byte> blob, BlobType expected)
    {
        if (BlobHeader.Describe(blob, expected) is { } problem)
        {
            throw new CryptoFormatException(problem);
        }
    }

    internal static void CheckKey(ReadOnlySpan<byte> key, string what)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"{what} must be {KeyLength} bytes.");
        }
    }

    /// <summary>A Guid as its 16 bytes in RFC 9562 (big-endian) order, the same bytes as its hex text.</summary>
    internal static void WriteGuid(Guid id, Span<byte> destination)
    {
        if (!id.TryWriteBytes(destination, bigEndian: true, out _))
        {
            throw new ArgumentException("Destination too small for a Guid.", nameof(destination));
        }
    }

    /// <summary>A fresh random 256-bit key. NSec 26 exposes no random generator, so the OS CSPRNG comes from the BCL.</summary>
    internal static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyLength);

    /// <summary>
    /// Reads a blob's format header without keys: version, type and, for the types that carry them, the suite ids.
    /// Returns null when the header is one this version writes and reads, otherwise why not. This is the check the
    /// intake API applies at the door; see crypto-docs/protocol.md §0.
    /// </summary>
    internal static string? DescribeHeader(ReadOnlySpan<byte> blob, BlobType expected) => BlobHeader.Describe(blob, expected);
}

/// <summary>
/// Key-free checks of a blob's header (format version, blob type, suite ids), for refusing unknown formats at the
/// door before anything is stored. See crypto-docs/protocol.md §0.
/// </summary>
public static class BlobHeader
{
    /// <summary>The single format version every blob starts with.</summary>
    public const byte Version = BlobFormat.Version;

    /// <summary>
    /// True when <paramref name="blob"/> starts with the header this version accepts for <paramref name="expected"/>:
    /// version 1, the expected type, and the suite ids of the one suite (kem 0x0020, kdf 0x0001, aead 0x0002; for
    /// wrapped private keys also a known key-derivation id). Lengths beyond the header are not checked here.
    /// </summary>
    public static bool IsAccepted(ReadOnlySpan<byte> blob, BlobType expected) => Describe(blob, expected) is null;

    /// <summary>Like <see cref="IsAccepted"/>, but returns why a header is refused (null when it is accepted).</summary>
    public static string? Describe(ReadOnlySpan<byte> blob, BlobType expected)
    {
        var name = expected switch
        {
            BlobType.WrappedCaseKey => "Wrapped case key",
            BlobType.Record => "Sealed record",
            BlobType.ChunkedFile => "Chunked file header",
            BlobType.WrappedPrivateKey => "Wrapped private key",
            BlobType.EscrowedPrivateKey => "Escrowed private key",
            _ => throw new ArgumentOutOfRangeException(nameof(expected), "Unknown blob type."),
        };
        if (blob.Length < 2)
        {
            return $"{name} is too short to hold a format header.";
        }

        if (blob[0] != BlobFormat.Version)
        {
            return $"{name} has unsupported format version {blob[0]}.";
        }

        if (blob[1] != (byte)expected)
        {
            return $"{name} has blob type {blob[1]}, expected {(byte)expected}.";
        }

        var aead = (ushort)HpkeAead.Aes256Gcm;
        switch (expected)
        {
            case BlobType.WrappedCaseKey:
            case BlobType.EscrowedPrivateKey:
                if (blob.Length < 8)
                {
                    return $"{name} is too short to hold its suite ids.";
                }

                var kem = Read16(blob, 2);
                var kdf = Read16(blob, 4);
                var a = Read16(blob, 6);
                return kem == Hpke.KemId && kdf == Hpke.KdfId && a == aead
                    ? null
                    : $"{name} uses unsupported suite kem 0x{kem:x4}, kdf 0x{kdf:x4}, aead 0x{a:x4}.";
            case BlobType.Record:
            case BlobType.ChunkedFile:
                if (blob.Length < 4)
                {
                    return $"{name} is too short to hold its AEAD id.";
                }

                var recordAead = Read16(blob, 2);
                return recordAead == aead ? null : $"{name} uses unsupported AEAD 0x{recordAead:x4}.";
            case BlobType.WrappedPrivateKey:
                if (blob.Length < 7)
                {
                    return $"{name} is too short to hold its suite ids.";
                }

                var wrapKem = Read16(blob, 2);
                var wrapAead = Read16(blob, 4);
                if (wrapKem != Hpke.KemId || wrapAead != aead)
                {
                    return $"{name} uses unsupported suite kem 0x{wrapKem:x4}, aead 0x{wrapAead:x4}.";
                }

                return blob[6] is (byte)KeyWrapKdf.Direct or (byte)KeyWrapKdf.Argon2id
                    ? null
                    : $"{name} uses unsupported key derivation {blob[6]}.";
            default:
                throw new ArgumentOutOfRangeException(nameof(expected), "Unknown blob type.");
        }
    }

    private static ushort Read16(ReadOnlySpan<byte> b, int offset) => (ushort)((b[offset] << 8) | b[offset + 1]);
}

/// <summary>AES-256-GCM on NSec for the blob formats: 12-byte nonce, tag appended to the ciphertext.</summary>
internal static class Aes256
{
    internal static readonly AeadAlgorithm Algorithm = AeadAlgorithm.Aes256Gcm;

    /// <summary>Imports a raw 256-bit key; dispose it (libsodium zeroes it).</summary>
    internal static Key Import(ReadOnlySpan<byte> key) => Key.Import(Algorithm, key, KeyBlobFormat.RawSymmetricKey);

    /// <summary>Encrypts into <paramref name="ciphertextAndTag"/> (plaintext length + 16 bytes).</summary>
    internal static void Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext, Span<byte> ciphertextAndTag)
    {
        using var k = Import(key);
        Algorithm.Encrypt(k, nonce, aad, plaintext, ciphertextAndTag);
    }

    /// <summary>Decrypts into <paramref name="plaintext"/>; false when the tag does not authenticate.</summary>
    internal static bool Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertextAndTag, Span<byte> plaintext)
    {
        using var k = Import(key);
        return Algorithm.Decrypt(k, nonce, aad, ciphertextAndTag, plaintext);
    }
}
