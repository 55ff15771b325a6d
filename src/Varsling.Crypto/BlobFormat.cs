using System.Security.Cryptography;

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

    /// <summary>A P-256 private key wrapped under a secret (protocol.md §6).</summary>
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

    /// <summary>Checks version and type; the first failure names what was wrong.</summary>
    internal static void CheckPrefix(ReadOnlySpan<byte> blob, BlobType expected, string what)
    {
        if (blob.Length < 2)
        {
            throw new CryptoFormatException($"{what} is too short to hold a format header.");
        }
        if (blob[0] != Version)
        {
            throw new CryptoFormatException($"{what} has unsupported format version {blob[0]}.");
        }
        if (blob[1] != (byte)expected)
        {
            throw new CryptoFormatException($"{what} has blob type {blob[1]}, expected {(byte)expected}.");
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

    internal static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyLength);
}
