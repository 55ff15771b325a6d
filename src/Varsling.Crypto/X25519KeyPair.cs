using System.Security.Cryptography;
using NSec.Cryptography;

namespace Varsling.Crypto;

/// <summary>
/// An X25519 key pair (RFC 7748) on NSec, used for HPKE's DHKEM(X25519, HKDF-SHA256): handler, legal, admin,
/// reporter, escrow and custodian keys. Public and private keys travel as their raw 32-byte encodings.
/// See crypto-docs/protocol.md §2.
/// </summary>
public sealed class X25519KeyPair : IDisposable
{
    /// <summary>Length of a raw X25519 public key.</summary>
    public const int PublicKeyLength = 32;

    /// <summary>Length of a raw X25519 private key.</summary>
    public const int PrivateKeyLength = 32;

    private static readonly KeyAgreementAlgorithm _x25519 = KeyAgreementAlgorithm.X25519;

    // A process-local key used only to test public keys for low order: for such a point every clamped scalar
    // gives the all-zero result, which NSec reports as a failed agreement (null).
    private static readonly Lazy<Key> _probe = new(() => Key.Create(_x25519));

    private readonly Key _key;
    private readonly byte[] _publicKey;

    private X25519KeyPair(Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The raw public key (32 bytes); a fresh copy on every call.</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    internal ReadOnlySpan<byte> PublicKeySpan => _publicKey;

    /// <summary>Generates a new key pair with libsodium's CSPRNG.</summary>
    public static X25519KeyPair Generate() => new(Key.Create(_x25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>
    /// Rebuilds a key pair from its raw 32-byte private key; the public key is recomputed. Every 32-byte string is
    /// a valid X25519 private key (it is clamped when used); a wrong length raises <see cref="CryptoFormatException"/>.
    /// </summary>
    public static X25519KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            throw new CryptoFormatException($"An X25519 private key must be {PrivateKeyLength} bytes.");
        }

        if (!Key.TryImport(_x25519, privateKey, KeyBlobFormat.RawPrivateKey, out var key, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }) || key is null)
        {
            throw new CryptoFormatException("The X25519 private key could not be imported.");
        }

        return new X25519KeyPair(key);
    }

    /// <summary>
    /// Rebuilds a key pair from its private key and the public key stored alongside it;
    /// throws <see cref="CryptoFormatException"/> if the two do not belong together.
    /// </summary>
    public static X25519KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        ValidatePublicKey(publicKey);
        var pair = FromPrivateKey(privateKey);
        if (!CryptographicOperations.FixedTimeEquals(pair._publicKey, publicKey))
        {
            pair.Dispose();
            throw new CryptoFormatException("The X25519 private key does not match its public key.");
        }

        return pair;
    }

    /// <summary>Exports the raw private key (32 bytes). The caller owns and should zero the result.</summary>
    public byte[] ExportPrivateKey() => _key.Export(KeyBlobFormat.RawPrivateKey);

    /// <summary>
    /// True when <paramref name="publicKey"/> is usable as an X25519 public key or HPKE <c>enc</c>: exactly 32 bytes,
    /// accepted by NSec, and not a point of small order (whose shared secret would be all zeros, RFC 7748 §6.1).
    /// This is the check the intake API applies at the door. See crypto-docs/protocol.md §2.
    /// </summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => Describe(publicKey) is null;

    /// <summary>
    /// Throws <see cref="CryptoFormatException"/> (saying which rule failed) unless <see cref="IsValidPublicKey"/>
    /// holds for <paramref name="publicKey"/>.
    /// </summary>
    public static void ValidatePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (Describe(publicKey) is { } problem)
        {
            throw new CryptoFormatException(problem);
        }
    }

    private static string? Describe(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength)
        {
            return $"An X25519 public key must be {PublicKeyLength} bytes, got {publicKey.Length}.";
        }

        if (!NSec.Cryptography.PublicKey.TryImport(_x25519, publicKey, KeyBlobFormat.RawPublicKey, out var pk) || pk is null)
        {
            return "The X25519 public key was rejected as invalid.";
        }

        using var secret = _x25519.Agree(_probe.Value, pk);
        return secret is null ? "The X25519 public key is a point of small order." : null;
    }

    /// <summary>Raw X25519: the 32-byte shared secret DH(sk, pk) that RFC 9180 §7.1.1 feeds to the KEM.</summary>
    internal byte[] DeriveRawSharedSecret(ReadOnlySpan<byte> peerPublicKey)
    {
        if (peerPublicKey.Length != PublicKeyLength
            || !NSec.Cryptography.PublicKey.TryImport(_x25519, peerPublicKey, KeyBlobFormat.RawPublicKey, out var peer)
            || peer is null)
        {
            throw new CryptoFormatException($"An X25519 public key must be {PublicKeyLength} valid bytes.");
        }

        // NSec returns null when the result is all zeros (a small-order peer key); RFC 9180 §7.1.4 says abort.
        using var secret = _x25519.Agree(_key, peer, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport })
            ?? throw new CryptoFormatException("X25519 with the given public key produced the all-zero secret (small-order key).");
        return secret.Export(SharedSecretBlobFormat.RawSharedSecret);
    }

    /// <summary>Disposes the underlying NSec key; libsodium zeroes its memory.</summary>
    public void Dispose() => _key.Dispose();
}
