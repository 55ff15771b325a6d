using System.Security.Cryptography;

namespace Varsling.Crypto;

/// <summary>
/// A NIST P-256 key pair used for HPKE (DHKEM(P-256, HKDF-SHA256)): handler, legal, admin and reporter keys.
/// Public keys travel as uncompressed SEC1 points (65 bytes, 0x04 || X || Y); private keys as the
/// 32-byte big-endian scalar. See crypto-docs/protocol.md §2.
/// </summary>
public sealed class P256KeyPair : IDisposable
{
    /// <summary>Length of an uncompressed SEC1 public key: 0x04 || X(32) || Y(32).</summary>
    public const int PublicKeyLength = 65;

    /// <summary>Length of a serialised private scalar.</summary>
    public const int PrivateKeyLength = 32;

    private readonly ECDiffieHellman _ecdh;
    private readonly byte[] _publicKey;

    private P256KeyPair(ECDiffieHellman ecdh)
    {
        _ecdh = ecdh;
        var p = ecdh.ExportParameters(false);
        _publicKey = EncodePoint(p.Q);
    }

    /// <summary>The public key as an uncompressed SEC1 point (65 bytes); a fresh copy on every call.</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    internal ReadOnlySpan<byte> PublicKeySpan => _publicKey;

    internal ECDiffieHellman Ecdh => _ecdh;

    /// <summary>Generates a new key pair from the operating system's CSPRNG.</summary>
    public static P256KeyPair Generate() => new(ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>
    /// Rebuilds a key pair from its 32-byte private scalar; the public point is recomputed.
    /// Throws <see cref="CryptoFormatException"/> unless the scalar is 32 bytes and in [1, n-1].
    /// </summary>
    public static P256KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            throw new CryptoFormatException($"A P-256 private key must be {PrivateKeyLength} bytes.");
        }
        if (!P256Math.IsValidScalar(privateKey))
        {
            throw new CryptoFormatException("The P-256 private key is zero or not below the group order.");
        }
        var ecdh = ECDiffieHellman.Create();
        try
        {
            // OpenSSL derives Q from D when Q is absent; the result is checked by the key import.
            ecdh.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = privateKey.ToArray() });
        }
        catch (CryptographicException)
        {
            ecdh.Dispose();
            throw new CryptoFormatException("The P-256 private key could not be imported.");
        }
        return new P256KeyPair(ecdh);
    }

    /// <summary>
    /// Rebuilds a key pair from its private scalar and the public key stored alongside it;
    /// throws <see cref="CryptoFormatException"/> if the two do not belong together.
    /// </summary>
    public static P256KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        ValidatePublicKey(publicKey);
        var pair = FromPrivateKey(privateKey);
        if (!CryptographicOperations.FixedTimeEquals(pair._publicKey, publicKey))
        {
            pair.Dispose();
            throw new CryptoFormatException("The P-256 private key does not match its public key.");
        }
        return pair;
    }

    /// <summary>Exports the private scalar (32 bytes, big-endian). The caller owns and should zero the result.</summary>
    public byte[] ExportPrivateKey()
    {
        var p = _ecdh.ExportParameters(true);
        var d = p.D ?? throw new CryptoFormatException("The key pair has no private part.");
        var result = new byte[PrivateKeyLength];
        d.CopyTo(result, PrivateKeyLength - d.Length);
        CryptographicOperations.ZeroMemory(d);
        return result;
    }

    /// <summary>
    /// Checks that <paramref name="publicKey"/> is a 65-byte uncompressed SEC1 point on P-256
    /// (not the point at infinity); throws <see cref="CryptoFormatException"/> otherwise.
    /// </summary>
    public static void ValidatePublicKey(ReadOnlySpan<byte> publicKey)
    {
        using var key = ImportPublicKey(publicKey);
    }

    /// <summary>Imports and validates a public key for ECDH; the caller disposes the result.</summary>
    internal static ECDiffieHellman ImportPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength)
        {
            throw new CryptoFormatException($"A P-256 public key must be {PublicKeyLength} bytes (uncompressed SEC1).");
        }
        if (publicKey[0] != 0x04)
        {
            throw new CryptoFormatException("A P-256 public key must start with 0x04 (uncompressed SEC1).");
        }
        if (!P256Math.IsOnCurve(publicKey[1..33], publicKey[33..65]))
        {
            throw new CryptoFormatException("The P-256 public key is not a point on the curve.");
        }
        var ecdh = ECDiffieHellman.Create();
        try
        {
            ecdh.ImportParameters(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = publicKey[1..33].ToArray(), Y = publicKey[33..65].ToArray() },
            });
        }
        catch (CryptographicException)
        {
            ecdh.Dispose();
            throw new CryptoFormatException("The P-256 public key was rejected as invalid.");
        }
        return ecdh;
    }

    /// <summary>Raw ECDH: the X coordinate of d·Q (32 bytes), as RFC 9180 §7.1.1 requires.</summary>
    internal byte[] DeriveRawSharedSecret(ReadOnlySpan<byte> peerPublicKey)
    {
        using var peer = ImportPublicKey(peerPublicKey);
        try
        {
            return _ecdh.DeriveRawSecretAgreement(peer.PublicKey);
        }
        catch (CryptographicException)
        {
            throw new CryptoFormatException("ECDH with the given public key failed.");
        }
    }

    private static byte[] EncodePoint(ECPoint q)
    {
        var result = new byte[PublicKeyLength];
        result[0] = 0x04;
        q.X!.CopyTo(result, 1 + 32 - q.X!.Length);
        q.Y!.CopyTo(result, 33 + 32 - q.Y!.Length);
        return result;
    }

    /// <summary>Disposes the underlying key; the private scalar is released with it.</summary>
    public void Dispose() => _ecdh.Dispose();
}

/// <summary>The few P-256 field checks the BCL does not expose directly.</summary>
internal static class P256Math
{
    private static readonly System.Numerics.BigInteger _p = Parse("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    private static readonly System.Numerics.BigInteger _b = Parse("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
    private static readonly System.Numerics.BigInteger _n = Parse("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

    private static System.Numerics.BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);

    /// <summary>True when 0 &lt; scalar &lt; n. Not constant time; used only to reject malformed input.</summary>
    internal static bool IsValidScalar(ReadOnlySpan<byte> scalar)
    {
        var d = new System.Numerics.BigInteger(scalar, isUnsigned: true, isBigEndian: true);
        return !d.IsZero && d < _n;
    }

    /// <summary>True when x, y &lt; p and y² = x³ − 3x + b (mod p). Public data only.</summary>
    internal static bool IsOnCurve(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var xi = new System.Numerics.BigInteger(x, isUnsigned: true, isBigEndian: true);
        var yi = new System.Numerics.BigInteger(y, isUnsigned: true, isBigEndian: true);
        if (xi >= _p || yi >= _p)
        {
            return false;
        }
        var lhs = yi * yi % _p;
        var rhs = (((xi * xi % _p) * xi) - (3 * xi) + _b) % _p;
        if (rhs.Sign < 0)
        {
            rhs += _p;
        }
        return lhs == rhs;
    }
}
