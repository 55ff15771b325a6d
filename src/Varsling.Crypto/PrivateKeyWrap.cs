using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Varsling.Crypto;

/// <summary>How the wrapping key of a wrapped private key is obtained (byte 6 of the blob). See crypto-docs/protocol.md §6.</summary>
public enum KeyWrapKdf : byte
{
    /// <summary>The secret is already a uniformly random 256-bit key and is used directly (receipt-derived key, session key, escrow).</summary>
    Direct = 0x00,

    // 0x01 was PBKDF2-HMAC-SHA256 in the P-256 format; it is retired and never accepted.

    /// <summary>
    /// Argon2id (RFC 9106, version 0x13) over the secret's bytes (a password as UTF-8 of its NFC form, a recovery key
    /// as its 32 raw bytes), with the memory, passes, parallelism and salt recorded in the blob.
    /// </summary>
    Argon2id = 0x02,
}

/// <summary>
/// Argon2id cost parameters as recorded in a wrapped private key. Parallelism is always 1 (libsodium's only value).
/// See crypto-docs/protocol.md §6 and decisions.md for how the default was measured.
/// </summary>
/// <param name="MemoryKiB">Memory in KiB (m).</param>
/// <param name="Iterations">Passes over memory (t).</param>
public readonly record struct Argon2idParameters(int MemoryKiB, int Iterations)
{
    /// <summary>Degree of parallelism (p); libsodium implements only 1.</summary>
    public const int Parallelism = 1;

    /// <summary>Smallest memory accepted (libsodium's minimum, 8 KiB); only tests go this low.</summary>
    public const int MinMemoryKiB = 8;

    /// <summary>Largest memory accepted when opening (1 GiB), so a crafted blob cannot exhaust the server.</summary>
    public const int MaxMemoryKiB = 1024 * 1024;

    /// <summary>Largest pass count accepted when opening, for the same reason.</summary>
    public const int MaxIterations = 16;

    /// <summary>
    /// The production parameters: 128 MiB, 3 passes, parallelism 1, measured on the project's 2-core machine at about
    /// 0.3–0.4 s per derivation under load (crypto-docs/benchmarks.md).
    /// </summary>
    public static Argon2idParameters Default { get; } = new(128 * 1024, 3);

    /// <summary>True when both values lie within the accepted bounds.</summary>
    public bool IsWithinBounds => MemoryKiB is >= MinMemoryKiB and <= MaxMemoryKiB && Iterations is >= 1 and <= MaxIterations;

    internal void Check(string name)
    {
        if (!IsWithinBounds)
        {
            throw new ArgumentOutOfRangeException(name, $"Argon2id parameters must have m in [{MinMemoryKiB}, {MaxMemoryKiB}] KiB and t in [1, {MaxIterations}].");
        }
    }
}

/// <summary>
/// A private key re-wrapped for one session: the blob goes to the server-side store, the key only to the client's
/// protected cookie. See crypto-docs/protocol.md §8.
/// </summary>
/// <param name="Blob">The wrapped private key (direct wrap under <paramref name="SessionKey"/>).</param>
/// <param name="SessionKey">The random 256-bit session key; never stored next to the blob.</param>
public sealed record SessionWrap(byte[] Blob, byte[] SessionKey);

/// <summary>
/// Wraps an X25519 private key under a secret with AES-256-GCM (NSec): either a password or recovery key stretched
/// with Argon2id (parameters and salt in the blob), or a 256-bit key used directly. The public key is stored in the
/// authenticated header so unwrapping yields the whole key pair. Layout: 124 bytes, see crypto-docs/protocol.md §6.
/// </summary>
public static class PrivateKeyWrap
{
    /// <summary>Length of every wrapped private key blob.</summary>
    public const int WrappedLength = CiphertextOffset + X25519KeyPair.PrivateKeyLength + BlobFormat.TagLength;

    /// <summary>Length of the Argon2id salt (libsodium's crypto_pwhash_SALTBYTES).</summary>
    public const int SaltLength = 16;

    private const int KdfOffset = 6;
    private const int MemoryOffset = 7;
    private const int IterationsOffset = 11;
    private const int ParallelismOffset = 15;
    private const int SaltOffset = 16;
    private const int PublicKeyOffset = SaltOffset + SaltLength;
    private const int NonceOffset = PublicKeyOffset + X25519KeyPair.PublicKeyLength;
    private const int CiphertextOffset = NonceOffset + BlobFormat.NonceLength;

    /// <summary>Wraps under a password with <see cref="Argon2idParameters.Default"/> and a random 16-byte salt.</summary>
    public static byte[] WrapWithPassword(X25519KeyPair keyPair, string password) => WrapWithPassword(keyPair, password, Argon2idParameters.Default);

    /// <summary>Wraps under a password (UTF-8 of its NFC form) with the given Argon2id parameters and a random salt.</summary>
    public static byte[] WrapWithPassword(X25519KeyPair keyPair, string password, Argon2idParameters parameters)
    {
        var bytes = PasswordBytes(password);
        try
        {
            return WrapWithSecret(keyPair, bytes, parameters);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Wraps under a secret that a person keeps and types (a recovery key), stretched with Argon2id like a password.
    /// </summary>
    public static byte[] WrapWithSecret(X25519KeyPair keyPair, ReadOnlySpan<byte> secret, Argon2idParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        parameters.Check(nameof(parameters));
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret must not be empty.", nameof(secret));
        }

        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var key = Stretch(secret, salt, parameters);
        try
        {
            return Wrap(keyPair, KeyWrapKdf.Argon2id, parameters, salt, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Wraps directly under a 256-bit key that is already uniformly random (receipt-derived key, session key, escrow
    /// key); no stretching is needed or applied.
    /// </summary>
    public static byte[] WrapWithKey(X25519KeyPair keyPair, ReadOnlySpan<byte> secretKey)
    {
        ArgumentNullException.ThrowIfNull(keyPair);
        BlobFormat.CheckKey(secretKey, "A wrapping key");
        return Wrap(keyPair, KeyWrapKdf.Direct, default, new byte[SaltLength], secretKey);
    }

    /// <summary>Unwraps a password-wrapped blob; a wrong password or any damage raises <see cref="CryptoFormatException"/>.</summary>
    public static X25519KeyPair UnwrapWithPassword(ReadOnlySpan<byte> blob, string password)
    {
        var bytes = PasswordBytes(password);
        try
        {
            return UnwrapWithSecret(blob, bytes, "wrong password");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Unwraps a blob wrapped with <see cref="WrapWithSecret"/>; a wrong secret or any damage raises <see cref="CryptoFormatException"/>.</summary>
    public static X25519KeyPair UnwrapWithSecret(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> secret) => UnwrapWithSecret(blob, secret, "wrong secret");

    private static X25519KeyPair UnwrapWithSecret(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> secret, string likelyCause)
    {
        var (kdf, parameters) = ParseHeader(blob);
        if (kdf != KeyWrapKdf.Argon2id)
        {
            throw new CryptoFormatException("Wrapped private key is not wrapped under a password or recovery key.");
        }

        if (secret.IsEmpty)
        {
            throw new CryptoFormatException($"Wrapped private key failed authentication ({likelyCause}).");
        }

        var key = Stretch(secret, blob.Slice(SaltOffset, SaltLength), parameters);
        try
        {
            return Unwrap(blob, key, likelyCause);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Unwraps a directly wrapped blob; a wrong key or any damage raises <see cref="CryptoFormatException"/>.</summary>
    public static X25519KeyPair UnwrapWithKey(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> secretKey)
    {
        BlobFormat.CheckKey(secretKey, "A wrapping key");
        var (kdf, _) = ParseHeader(blob);
        if (kdf != KeyWrapKdf.Direct)
        {
            throw new CryptoFormatException("Wrapped private key is not key-wrapped.");
        }

        return Unwrap(blob, secretKey, "wrong key");
    }

    /// <summary>The key derivation a wrapped blob records, and its Argon2id parameters (default for <see cref="KeyWrapKdf.Direct"/>).</summary>
    public static (KeyWrapKdf Kdf, Argon2idParameters Parameters) ReadKdf(ReadOnlySpan<byte> blob) => ParseHeader(blob);

    /// <summary>The public key recorded in a wrapped blob's header (validated, not authenticated until unwrapped).</summary>
    public static byte[] ReadPublicKey(ReadOnlySpan<byte> blob)
    {
        ParseHeader(blob);
        var pk = blob.Slice(PublicKeyOffset, X25519KeyPair.PublicKeyLength).ToArray();
        X25519KeyPair.ValidatePublicKey(pk);
        return pk;
    }

    /// <summary>
    /// The session re-wrap of architecture.md §3: wraps an unlocked key pair under a fresh random session key.
    /// Store <see cref="SessionWrap.Blob"/> server-side and put <see cref="SessionWrap.SessionKey"/> only in the
    /// client's protected cookie; neither alone yields the private key. See crypto-docs/key-hierarchy.md.
    /// </summary>
    public static SessionWrap RewrapForSession(X25519KeyPair keyPair)
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

    private static byte[] Wrap(X25519KeyPair keyPair, KeyWrapKdf kdf, Argon2idParameters parameters, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> key)
    {
        var blob = new byte[WrappedLength];
        blob[0] = BlobFormat.Version;
        blob[1] = (byte)BlobType.WrappedPrivateKey;
        BinaryPrimitives.WriteUInt16BigEndian(blob.AsSpan(2), Hpke.KemId);
        BinaryPrimitives.WriteUInt16BigEndian(blob.AsSpan(4), (ushort)HpkeAead.Aes256Gcm);
        blob[KdfOffset] = (byte)kdf;
        if (kdf == KeyWrapKdf.Argon2id)
        {
            BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(MemoryOffset), (uint)parameters.MemoryKiB);
            BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(IterationsOffset), (uint)parameters.Iterations);
            blob[ParallelismOffset] = Argon2idParameters.Parallelism;
            salt.CopyTo(blob.AsSpan(SaltOffset));
        }

        keyPair.PublicKeySpan.CopyTo(blob.AsSpan(PublicKeyOffset));
        RandomNumberGenerator.Fill(blob.AsSpan(NonceOffset, BlobFormat.NonceLength));
        var privateKey = keyPair.ExportPrivateKey();
        try
        {
            Aes256.Seal(key, blob.AsSpan(NonceOffset, BlobFormat.NonceLength), blob.AsSpan(0, CiphertextOffset), privateKey, blob.AsSpan(CiphertextOffset));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }

        return blob;
    }

    private static X25519KeyPair Unwrap(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> key, string likelyCause)
    {
        var privateKey = new byte[X25519KeyPair.PrivateKeyLength];
        try
        {
            if (!Aes256.Open(key, blob.Slice(NonceOffset, BlobFormat.NonceLength), blob[..CiphertextOffset], blob[CiphertextOffset..], privateKey))
            {
                throw new CryptoFormatException($"Wrapped private key failed authentication ({likelyCause}, or damaged).");
            }

            return X25519KeyPair.FromPrivateKey(privateKey, blob.Slice(PublicKeyOffset, X25519KeyPair.PublicKeyLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private static (KeyWrapKdf Kdf, Argon2idParameters Parameters) ParseHeader(ReadOnlySpan<byte> blob)
    {
        BlobFormat.CheckHeader(blob, BlobType.WrappedPrivateKey);
        if (blob.Length != WrappedLength)
        {
            throw new CryptoFormatException($"Wrapped private key must be {WrappedLength} bytes, got {blob.Length}.");
        }

        var kdf = (KeyWrapKdf)blob[KdfOffset];
        var memory = BinaryPrimitives.ReadUInt32BigEndian(blob[MemoryOffset..]);
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(blob[IterationsOffset..]);
        var parallelism = blob[ParallelismOffset];
        switch (kdf)
        {
            case KeyWrapKdf.Direct:
                if (memory != 0 || iterations != 0 || parallelism != 0 || blob.Slice(SaltOffset, SaltLength).ContainsAnyExcept((byte)0))
                {
                    throw new CryptoFormatException("A directly wrapped private key must have all-zero KDF parameters and salt.");
                }

                return (kdf, default);
            case KeyWrapKdf.Argon2id:
                var parameters = new Argon2idParameters((int)Math.Min(memory, int.MaxValue), (int)Math.Min(iterations, int.MaxValue));
                if (parallelism != Argon2idParameters.Parallelism || !parameters.IsWithinBounds)
                {
                    throw new CryptoFormatException($"Wrapped private key has Argon2id parameters m={memory} KiB, t={iterations}, p={parallelism}, outside what is accepted.");
                }

                return (kdf, parameters);
            default:
                throw new CryptoFormatException($"Wrapped private key uses unsupported key derivation {(byte)kdf}.");
        }
    }

    private static byte[] Stretch(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> salt, Argon2idParameters parameters)
    {
        var argon = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = Argon2idParameters.Parallelism,
            MemorySize = parameters.MemoryKiB,
            NumberOfPasses = parameters.Iterations,
        });
        return argon.DeriveBytes(secret, salt, BlobFormat.KeyLength);
    }

    private static byte[] PasswordBytes(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormC));
    }
}
