using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Varsling.Crypto;

/// <summary>How the wrapping key of a wrapped private key is obtained (byte 6 of the blob). See crypto-docs/protocol.md §6.</summary>
public enum KeyWrapKdf : byte
{
    /// <summary>The secret is already a uniformly random 256-bit key and is used directly (receipt key, recovery, escrow, session).</summary>
    Direct = 0x00,

    /// <summary>PBKDF2-HMAC-SHA256 over the UTF-8 bytes of the NFC-normalised password, with the blob's salt and iteration count.</summary>
    Pbkdf2Sha256 = 0x01,
}

/// <summary>
/// A private key re-wrapped for one session: the blob goes to the server-side store, the key only to the auth cookie.
/// See crypto-docs/protocol.md §8.
/// </summary>
/// <param name="Blob">The wrapped private key (direct wrap under <paramref name="SessionKey"/>).</param>
/// <param name="SessionKey">The random 256-bit session key; never stored next to the blob.</param>
public sealed record SessionWrap(byte[] Blob, byte[] SessionKey);

/// <summary>
/// Wraps a P-256 private key under a secret with AES-256-GCM: either a password (PBKDF2-HMAC-SHA256, salt and
/// iterations in the blob) or a 256-bit key used directly. The public key is stored in the authenticated header so
/// unwrapping yields the whole key pair. Layout: 152 bytes, see crypto-docs/protocol.md §6.
/// </summary>
public static class PrivateKeyWrap
{
    /// <summary>PBKDF2 iterations for passwords (OWASP's figure for PBKDF2-HMAC-SHA256).</summary>
    public const int PasswordIterations = 600_000;

    /// <summary>Largest iteration count accepted when opening, so a crafted blob cannot pin a CPU.</summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>Length of every wrapped private key blob.</summary>
    public const int WrappedLength = CiphertextOffset + P256KeyPair.PrivateKeyLength + BlobFormat.TagLength;

    private const int SaltLength = 16;
    private const int KdfOffset = 6;
    private const int IterationsOffset = 7;
    private const int SaltOffset = 11;
    private const int PublicKeyOffset = SaltOffset + SaltLength;
    private const int NonceOffset = PublicKeyOffset + P256KeyPair.PublicKeyLength;
    private const int CiphertextOffset = NonceOffset + BlobFormat.NonceLength;

    /// <summary>Wraps under a password with <see cref="PasswordIterations"/> PBKDF2 iterations and a random 16-byte salt.</summary>
    public static byte[] WrapWithPassword(P256KeyPair keyPair, string password) => WrapWithPassword(keyPair, password, PasswordIterations);

    /// <summary>Same as the public overload with a chosen iteration count; tests use it to stay fast.</summary>
    internal static byte[] WrapWithPassword(P256KeyPair keyPair, string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        if (iterations is < 1 or > MaxIterations)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations));
        }
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var key = PasswordKey(password, salt, iterations);
        try
        {
            return Wrap(keyPair, KeyWrapKdf.Pbkdf2Sha256, iterations, salt, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Wraps directly under a 256-bit key that is already uniformly random (receipt-derived key, recovery key,
    /// escrow key, session key); no stretching is needed or applied.
    /// </summary>
    public static byte[] WrapWithKey(P256KeyPair keyPair, ReadOnlySpan<byte> secretKey)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        BlobFormat.CheckKey(secretKey, "A wrapping key");
        return Wrap(keyPair, KeyWrapKdf.Direct, 0, new byte[SaltLength], secretKey);
    }

    /// <summary>Unwraps a password-wrapped blob; a wrong password or any damage raises <see cref="CryptoFormatException"/>.</summary>
    public static P256KeyPair UnwrapWithPassword(ReadOnlySpan<byte> blob, string password)
    {
        var (kdf, iterations) = ParseHeader(blob);
        if (kdf != KeyWrapKdf.Pbkdf2Sha256)
        {
            throw new CryptoFormatException("Wrapped private key is not password-wrapped.");
        }
        var key = PasswordKey(password, blob.Slice(SaltOffset, SaltLength), iterations);
        try
        {
            return Unwrap(blob, key, "wrong password");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Unwraps a directly wrapped blob; a wrong key or any damage raises <see cref="CryptoFormatException"/>.</summary>
    public static P256KeyPair UnwrapWithKey(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> secretKey)
    {
        BlobFormat.CheckKey(secretKey, "A wrapping key");
        var (kdf, _) = ParseHeader(blob);
        if (kdf != KeyWrapKdf.Direct)
        {
            throw new CryptoFormatException("Wrapped private key is not key-wrapped.");
        }
        return Unwrap(blob, secretKey, "wrong key");
    }

    /// <summary>The public key recorded in a wrapped blob's header (validated, not authenticated until unwrapped).</summary>
    public static byte[] ReadPublicKey(ReadOnlySpan<byte> blob)
    {
        ParseHeader(blob);
        var pk = blob.Slice(PublicKeyOffset, P256KeyPair.PublicKeyLength).ToArray();
        P256KeyPair.ValidatePublicKey(pk);
        return pk;
    }

    /// <summary>
    /// The session re-wrap of architecture.md §3: wraps an unlocked key pair under a fresh random session key.
    /// Store <see cref="SessionWrap.Blob"/> server-side and put <see cref="SessionWrap.SessionKey"/> only in the
    /// protected auth cookie; neither alone yields the private key. See crypto-docs/key-hierarchy.md.
    /// </summary>
    public static SessionWrap RewrapForSession(P256KeyPair keyPair)
    {
        var sessionKey = BlobFormat.NewKey();
        return new SessionWrap(WrapWithKey(keyPair, sessionKey), sessionKey);
    }

    /// <summary>Unwraps a password-wrapped blob and re-wraps it for a session in one step (login).</summary>
    public static SessionWrap RewrapForSession(ReadOnlySpan<byte> passwordWrappedBlob, string password)
    {
        using var pair = UnwrapWithPassword(passwordWrappedBlob, password);
        return RewrapForSession(pair);
    }

    private static byte[] Wrap(P256KeyPair keyPair, KeyWrapKdf kdf, int iterations, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> key)
    {
        var blob = new byte[WrappedLength];
        blob[0] = BlobFormat.Version;
        blob[1] = (byte)BlobType.WrappedPrivateKey;
        BinaryPrimitives.WriteUInt16BigEndian(blob.AsSpan(2), Hpke.KemId);
        BinaryPrimitives.WriteUInt16BigEndian(blob.AsSpan(4), (ushort)HpkeAead.Aes256Gcm);
        blob[KdfOffset] = (byte)kdf;
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(IterationsOffset), (uint)iterations);
        salt.CopyTo(blob.AsSpan(SaltOffset));
        keyPair.PublicKeySpan.CopyTo(blob.AsSpan(PublicKeyOffset));
        RandomNumberGenerator.Fill(blob.AsSpan(NonceOffset, BlobFormat.NonceLength));
        var scalar = keyPair.ExportPrivateKey();
        try
        {
            using var gcm = new AesGcm(key, BlobFormat.TagLength);
            gcm.Encrypt(blob.AsSpan(NonceOffset, BlobFormat.NonceLength), scalar,
                blob.AsSpan(CiphertextOffset, P256KeyPair.PrivateKeyLength),
                blob.AsSpan(CiphertextOffset + P256KeyPair.PrivateKeyLength), blob.AsSpan(0, CiphertextOffset));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
        return blob;
    }

    private static P256KeyPair Unwrap(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> key, string likelyCause)
    {
        var scalar = new byte[P256KeyPair.PrivateKeyLength];
        try
        {
            using var gcm = new AesGcm(key, BlobFormat.TagLength);
            try
            {
                gcm.Decrypt(blob.Slice(NonceOffset, BlobFormat.NonceLength),
                    blob.Slice(CiphertextOffset, P256KeyPair.PrivateKeyLength),
                    blob[(CiphertextOffset + P256KeyPair.PrivateKeyLength)..], scalar, blob[..CiphertextOffset]);
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new CryptoFormatException($"Wrapped private key failed authentication ({likelyCause}, or damaged).");
            }
            return P256KeyPair.FromPrivateKey(scalar, blob.Slice(PublicKeyOffset, P256KeyPair.PublicKeyLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
        }
    }

    private static (KeyWrapKdf Kdf, int Iterations) ParseHeader(ReadOnlySpan<byte> blob)
    {
        BlobFormat.CheckPrefix(blob, BlobType.WrappedPrivateKey, "Wrapped private key");
        if (blob.Length < KdfOffset + 1)
        {
            throw new CryptoFormatException("Wrapped private key is too short to hold its suite ids.");
        }
        var kem = BinaryPrimitives.ReadUInt16BigEndian(blob[2..]);
        var aead = BinaryPrimitives.ReadUInt16BigEndian(blob[4..]);
        if (kem != Hpke.KemId || aead != (ushort)HpkeAead.Aes256Gcm)
        {
            throw new CryptoFormatException($"Wrapped private key uses unsupported suite kem 0x{kem:x4}, aead 0x{aead:x4}.");
        }
        var kdf = blob[KdfOffset];
        if (kdf is not ((byte)KeyWrapKdf.Direct or (byte)KeyWrapKdf.Pbkdf2Sha256))
        {
            throw new CryptoFormatException($"Wrapped private key uses unsupported key derivation {kdf}.");
        }
        if (blob.Length != WrappedLength)
        {
            throw new CryptoFormatException($"Wrapped private key must be {WrappedLength} bytes, got {blob.Length}.");
        }
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(blob[IterationsOffset..]);
        if ((KeyWrapKdf)kdf == KeyWrapKdf.Direct)
        {
            if (iterations != 0 || blob.Slice(SaltOffset, SaltLength).ContainsAnyExcept((byte)0))
            {
                throw new CryptoFormatException("A directly wrapped private key must have zero iterations and an all-zero salt.");
            }
        }
        else if (iterations is < 1 or > MaxIterations)
        {
            throw new CryptoFormatException($"Wrapped private key has iteration count {iterations}, outside [1, {MaxIterations}].");
        }
        return ((KeyWrapKdf)kdf, (int)iterations);
    }

    private static byte[] PasswordKey(string password, ReadOnlySpan<byte> salt, int iterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var bytes = Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormC));
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(bytes, salt, iterations, HashAlgorithmName.SHA256, BlobFormat.KeyLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
