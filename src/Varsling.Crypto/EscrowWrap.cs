using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Varsling.Crypto;

/// <summary>
/// A person's X25519 private key sealed with HPKE to the organisation's escrow public key, bound by its AAD to the
/// organisation id and the person's user id, so an escrow blob cannot be moved to another person or organisation.
/// The server can write these blobs whenever it holds a person's unlocked key (enrolment, password change, recovery,
/// sign-in) without holding anything that opens them. Layout: 120 bytes, see crypto-docs/protocol.md §10.
/// </summary>
public static class EscrowWrap
{
    /// <summary>Length of every escrowed private key blob.</summary>
    public const int WrappedLength = CiphertextOffset + X25519KeyPair.PrivateKeyLength + Hpke.TagLength;

    private const int HeaderLength = 8;
    private const int PublicKeyOffset = HeaderLength;
    private const int EncOffset = PublicKeyOffset + X25519KeyPair.PublicKeyLength;
    private const int CiphertextOffset = EncOffset + Hpke.EncLength;
    private static readonly byte[] _info = "varsling/v1 escrow"u8.ToArray();

    /// <summary>Seals <paramref name="person"/>'s private key to <paramref name="escrowPublicKey"/> for this organisation and user.</summary>
    public static byte[] Seal(X25519KeyPair person, ReadOnlySpan<byte> escrowPublicKey, Guid organisationId, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(person);
        var blob = new byte[WrappedLength];
        blob[0] = BlobFormat.Version;
        blob[1] = (byte)BlobType.EscrowedPrivateKey;
        BinaryPrimitives.WriteUInt16BigEndian(blob.AsSpan(2), Hpke.KemId);
        BinaryPrimitives.WriteUInt16BigEndian(blob.AsSpan(4), Hpke.KdfId);
        BinaryPrimitives.WriteUInt16BigEndian(blob.AsSpan(6), (ushort)HpkeAead.Aes256Gcm);
        person.PublicKeySpan.CopyTo(blob.AsSpan(PublicKeyOffset));
        var scalar = person.ExportPrivateKey();
        try
        {
            using var ctx = Hpke.SetupBaseS(escrowPublicKey, _info, HpkeAead.Aes256Gcm, out var enc);
            enc.CopyTo(blob, EncOffset);
            ctx.Seal(Aad(blob, organisationId, userId), scalar).CopyTo(blob, CiphertextOffset);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }

        return blob;
    }

    /// <summary>
    /// Opens an escrow blob with the escrow key pair; the caller disposes the result. Throws
    /// <see cref="CryptoFormatException"/> on an unknown version, type or suite, a wrong length, or when the blob
    /// does not authenticate for this escrow key, organisation and user.
    /// </summary>
    public static X25519KeyPair Open(ReadOnlySpan<byte> blob, X25519KeyPair escrow, Guid organisationId, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(escrow);
        BlobFormat.CheckHeader(blob, BlobType.EscrowedPrivateKey);

        if (blob.Length != WrappedLength)
        {
            throw new CryptoFormatException($"Escrowed private key must be {WrappedLength} bytes, got {blob.Length}.");
        }

        byte[] scalar;
        try
        {
            using var ctx = Hpke.SetupBaseR(blob.Slice(EncOffset, Hpke.EncLength), escrow, _info, HpkeAead.Aes256Gcm);
            scalar = ctx.Open(Aad(blob, organisationId, userId), blob[CiphertextOffset..]);
        }
        catch (CryptoFormatException)
        {
            throw new CryptoFormatException("Escrowed private key failed authentication (wrong escrow key, organisation or person, or damaged).");
        }

        try
        {
            return X25519KeyPair.FromPrivateKey(scalar, blob.Slice(PublicKeyOffset, X25519KeyPair.PublicKeyLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    /// <summary>The public key of the escrowed key pair, read without opening the blob.</summary>
    public static byte[] ReadPublicKey(ReadOnlySpan<byte> blob)
    {
        BlobFormat.CheckHeader(blob, BlobType.EscrowedPrivateKey);
        if (blob.Length != WrappedLength)
        {
            throw new CryptoFormatException($"Escrowed private key must be {WrappedLength} bytes, got {blob.Length}.");
        }

        return blob.Slice(PublicKeyOffset, X25519KeyPair.PublicKeyLength).ToArray();
    }

    // aad = header (8) || public key (32) || GUID(organisation id) || GUID(user id): 72 bytes.
    private static byte[] Aad(ReadOnlySpan<byte> blob, Guid organisationId, Guid userId)
    {
        var aad = new byte[EncOffset + 32];
        blob[..EncOffset].CopyTo(aad);
        BlobFormat.WriteGuid(organisationId, aad.AsSpan(EncOffset, 16));
        BlobFormat.WriteGuid(userId, aad.AsSpan(EncOffset + 16, 16));
        return aad;
    }
}
