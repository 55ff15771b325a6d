using System.Buffers.Binary;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Varsling.Crypto;

/// <summary>HPKE AEAD identifiers (RFC 9180 §7.3). See crypto-docs/protocol.md §1.</summary>
public enum HpkeAead : ushort
{
    /// <summary>AES-128-GCM (Nk = 16).</summary>
    Aes128Gcm = 0x0001,

    /// <summary>AES-256-GCM (Nk = 32); the suite Varsling writes.</summary>
    Aes256Gcm = 0x0002,

    /// <summary>No AEAD: the context can only export secrets.</summary>
    ExportOnly = 0xFFFF,
}

/// <summary>
/// RFC 9180 HPKE in base mode with DHKEM(X25519, HKDF-SHA256) (kem_id 0x0020) and HKDF-SHA256 (kdf_id 0x0001),
/// on NSec. See crypto-docs/protocol.md §1.
/// </summary>
public static class Hpke
{
    /// <summary>KEM id of DHKEM(X25519, HKDF-SHA256).</summary>
    public const ushort KemId = 0x0020;

    /// <summary>KDF id of HKDF-SHA256.</summary>
    public const ushort KdfId = 0x0001;

    /// <summary>Length of the encapsulated key <c>enc</c> (the sender's raw ephemeral X25519 public key).</summary>
    public const int EncLength = X25519KeyPair.PublicKeyLength;

    /// <summary>Length of the AEAD tag appended to every ciphertext.</summary>
    public const int TagLength = 16;

    private const int Nh = 32;
    private static readonly byte[] _version = "HPKE-v1"u8.ToArray();
    private static readonly byte[] _kemSuiteId = [.. "KEM"u8, KemId >> 8, KemId & 0xFF];
    private static readonly KeyDerivationAlgorithm2 _hkdf = KeyDerivationAlgorithm.HkdfSha256;

    /// <summary>
    /// DeriveKeyPair (RFC 9180 §7.1.3) for X25519: sk = LabeledExpand(LabeledExtract("", "dkp_prk", ikm), "sk", "", 32).
    /// <paramref name="ikm"/> must hold at least 32 bytes.
    /// </summary>
    public static X25519KeyPair DeriveKeyPair(ReadOnlySpan<byte> ikm)
    {
        if (ikm.Length < Nh)
        {
            throw new CryptoFormatException("DeriveKeyPair needs at least 32 bytes of input keying material.");
        }

        var dkpPrk = LabeledExtract(_kemSuiteId, [], "dkp_prk"u8, ikm);
        var sk = LabeledExpand(_kemSuiteId, dkpPrk, "sk"u8, [], X25519KeyPair.PrivateKeyLength);
        try
        {
            return X25519KeyPair.FromPrivateKey(sk);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sk);
            CryptographicOperations.ZeroMemory(dkpPrk);
        }
    }

    /// <summary>
    /// SetupBaseS (RFC 9180 §5.1.1): encapsulates to <paramref name="recipientPublicKey"/> with a fresh ephemeral key.
    /// Returns the sender context and <c>enc</c> (32 bytes) to send alongside the ciphertexts.
    /// </summary>
    public static HpkeContext SetupBaseS(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info, HpkeAead aead, out byte[] enc)
    {
        using var ephemeral = X25519KeyPair.Generate();
        return SetupBaseS(recipientPublicKey, info, aead, ephemeral, out enc);
    }

    /// <summary>SetupBaseS with a caller-chosen ephemeral key; only for known-answer tests.</summary>
    internal static HpkeContext SetupBaseS(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info, HpkeAead aead, X25519KeyPair ephemeral, out byte[] enc)
    {
        CheckAead(aead);
        var dh = ephemeral.DeriveRawSharedSecret(recipientPublicKey);
        enc = ephemeral.PublicKey;
        var sharedSecret = ExtractAndExpand(dh, enc, recipientPublicKey);
        CryptographicOperations.ZeroMemory(dh);
        return KeySchedule(aead, sharedSecret, info);
    }

    /// <summary>
    /// SetupBaseR (RFC 9180 §5.1.1): decapsulates <paramref name="enc"/> with the recipient's key pair.
    /// A malformed or small-order <paramref name="enc"/> raises <see cref="CryptoFormatException"/>.
    /// </summary>
    public static HpkeContext SetupBaseR(ReadOnlySpan<byte> enc, X25519KeyPair recipient, ReadOnlySpan<byte> info, HpkeAead aead)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        CheckAead(aead);
        var dh = recipient.DeriveRawSharedSecret(enc);
        var sharedSecret = ExtractAndExpand(dh, enc, recipient.PublicKeySpan);
        CryptographicOperations.ZeroMemory(dh);
        return KeySchedule(aead, sharedSecret, info);
    }

    /// <summary>Single-shot seal (RFC 9180 §6.1): returns <c>enc</c> and the ciphertext with its 16-byte tag.</summary>
    public static (byte[] Enc, byte[] Ciphertext) Seal(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext, HpkeAead aead = HpkeAead.Aes256Gcm)
    {
        using var ctx = SetupBaseS(recipientPublicKey, info, aead, out var enc);
        return (enc, ctx.Seal(aad, plaintext));
    }

    /// <summary>Single-shot open (RFC 9180 §6.1); throws <see cref="CryptoFormatException"/> if anything does not authenticate.</summary>
    public static byte[] Open(ReadOnlySpan<byte> enc, X25519KeyPair recipient, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext, HpkeAead aead = HpkeAead.Aes256Gcm)
    {
        using var ctx = SetupBaseR(enc, recipient, info, aead);
        return ctx.Open(aad, ciphertext);
    }

    /// <summary>
    /// Single-shot secret export, sender side (RFC 9180 §6.2): returns <c>enc</c> and
    /// <paramref name="length"/> bytes exported under <paramref name="exporterContext"/>.
    /// </summary>
    public static (byte[] Enc, byte[] Secret) SendExport(ReadOnlySpan<byte> recipientPublicKey, ReadOnlySpan<byte> info, ReadOnlySpan<byte> exporterContext, int length, HpkeAead aead = HpkeAead.ExportOnly)
    {
        using var ctx = SetupBaseS(recipientPublicKey, info, aead, out var enc);
        return (enc, ctx.Export(exporterContext, length));
    }

    /// <summary>Single-shot secret export, recipient side (RFC 9180 §6.2).</summary>
    public static byte[] ReceiveExport(ReadOnlySpan<byte> enc, X25519KeyPair recipient, ReadOnlySpan<byte> info, ReadOnlySpan<byte> exporterContext, int length, HpkeAead aead = HpkeAead.ExportOnly)
    {
        using var ctx = SetupBaseR(enc, recipient, info, aead);
        return ctx.Export(exporterContext, length);
    }

    private static void CheckAead(HpkeAead aead)
    {
        if (aead is not (HpkeAead.Aes128Gcm or HpkeAead.Aes256Gcm or HpkeAead.ExportOnly))
        {
            throw new CryptoFormatException($"Unsupported HPKE AEAD id 0x{(ushort)aead:x4}.");
        }
    }

    private static byte[] ExtractAndExpand(ReadOnlySpan<byte> dh, ReadOnlySpan<byte> enc, ReadOnlySpan<byte> pkR)
    {
        var eaePrk = LabeledExtract(_kemSuiteId, [], "eae_prk"u8, dh);
        byte[] kemContext = [.. enc, .. pkR];
        var shared = LabeledExpand(_kemSuiteId, eaePrk, "shared_secret"u8, kemContext, Nh);
        CryptographicOperations.ZeroMemory(eaePrk);
        return shared;
    }

    internal static HpkeContext KeySchedule(HpkeAead aead, byte[] sharedSecret, ReadOnlySpan<byte> info)
    {
        byte[] suiteId = [.. "HPKE"u8, KemId >> 8, KemId & 0xFF, KdfId >> 8, KdfId & 0xFF, (byte)((ushort)aead >> 8), (byte)aead];
        var context = KeyScheduleContext(aead, suiteId, info);
        var secret = LabeledExtract(suiteId, sharedSecret, "secret"u8, []);
        CryptographicOperations.ZeroMemory(sharedSecret);
        var (nk, nn) = aead switch
        {
            HpkeAead.Aes128Gcm => (16, 12),
            HpkeAead.Aes256Gcm => (32, 12),
            HpkeAead.ExportOnly => (0, 0),
            _ => throw new CryptoFormatException($"Unsupported HPKE AEAD id 0x{(ushort)aead:x4}."),
        };
        var key = nk == 0 ? [] : LabeledExpand(suiteId, secret, "key"u8, context, nk);
        var baseNonce = nn == 0 ? [] : LabeledExpand(suiteId, secret, "base_nonce"u8, context, nn);
        var exporterSecret = LabeledExpand(suiteId, secret, "exp"u8, context, Nh);
        CryptographicOperations.ZeroMemory(secret);
        return new HpkeContext(aead, suiteId, key, baseNonce, exporterSecret);
    }

    // key_schedule_context = mode || psk_id_hash || info_hash depends only on the suite and info, which are
    // constants per blob type: computed once per pair instead of two HKDF extractions per message. Public, not secret.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(HpkeAead, string), byte[]> _contexts = new();

    private static byte[] KeyScheduleContext(HpkeAead aead, byte[] suiteId, ReadOnlySpan<byte> info)
    {
        var cacheKey = (aead, Convert.ToHexString(info));
        if (_contexts.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var pskIdHash = LabeledExtract(suiteId, [], "psk_id_hash"u8, []);
        var infoHash = LabeledExtract(suiteId, [], "info_hash"u8, info);
        byte[] context = [0x00, .. pskIdHash, .. infoHash];
        // Bounded: Varsling uses a handful of info strings; arbitrary callers (tests, vectors) must not grow it forever.
        if (_contexts.Count < 32)
        {
            _contexts.TryAdd(cacheKey, context);
        }

        return context;
    }

    /// <summary>LabeledExtract (RFC 9180 §4) on NSec's HKDF-SHA256; an empty salt means HashLen zero bytes (RFC 5869 §2.2).</summary>
    internal static byte[] LabeledExtract(ReadOnlySpan<byte> suiteId, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> label, ReadOnlySpan<byte> ikm)
    {
        byte[] labeledIkm = [.. _version, .. suiteId, .. label, .. ikm];
        var prk = _hkdf.Extract(labeledIkm, salt);
        CryptographicOperations.ZeroMemory(labeledIkm);
        return prk;
    }

    /// <summary>LabeledExpand (RFC 9180 §4) on NSec's HKDF-SHA256.</summary>
    internal static byte[] LabeledExpand(ReadOnlySpan<byte> suiteId, ReadOnlySpan<byte> prk, ReadOnlySpan<byte> label, ReadOnlySpan<byte> info, int length)
    {
        byte[] labeledInfo = [(byte)(length >> 8), (byte)length, .. _version, .. suiteId, .. label, .. info];
        return length == 0 ? [] : _hkdf.Expand(prk, labeledInfo, length);
    }
}

/// <summary>
/// An HPKE encryption context (RFC 9180 §5.2): seals or opens messages in sequence and exports secrets.
/// Not thread-safe. Dispose to zero the key material. See crypto-docs/protocol.md §1.
/// </summary>
public sealed class HpkeContext : IDisposable
{
    private readonly HpkeAead _aead;
    private readonly byte[] _suiteId;
    private readonly byte[] _key;
    private readonly byte[] _baseNonce;
    private readonly byte[] _exporterSecret;
    // AES-256-GCM runs on NSec; AES-128-GCM (which NSec does not offer) on the BCL, for the RFC vectors only.
    private readonly NSec.Cryptography.Key? _aes256;
    private readonly System.Security.Cryptography.AesGcm? _aes128;

    internal HpkeContext(HpkeAead aead, byte[] suiteId, byte[] key, byte[] baseNonce, byte[] exporterSecret)
    {
        _aead = aead;
        _suiteId = suiteId;
        _key = key;
        _baseNonce = baseNonce;
        _exporterSecret = exporterSecret;
        if (aead == HpkeAead.Aes256Gcm)
        {
            _aes256 = NSec.Cryptography.Key.Import(AeadAlgorithm.Aes256Gcm, key, KeyBlobFormat.RawSymmetricKey);
        }
        else if (aead == HpkeAead.Aes128Gcm)
        {
            _aes128 = new System.Security.Cryptography.AesGcm(key, Hpke.TagLength);
        }
    }

    /// <summary>The sequence number the next Seal or Open uses; starts at 0 and increases by one per message.</summary>
    public ulong SequenceNumber { get; private set; }

    internal ReadOnlySpan<byte> Key => _key;
    internal ReadOnlySpan<byte> BaseNonce => _baseNonce;
    internal ReadOnlySpan<byte> ExporterSecret => _exporterSecret;

    /// <summary>Encrypts with nonce = base_nonce XOR sequence number, then advances the sequence number.</summary>
    public byte[] Seal(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        RequireAead();
        var result = new byte[plaintext.Length + Hpke.TagLength];
        Span<byte> nonce = stackalloc byte[12];
        ComputeNonce(nonce);
        if (_aes256 is not null)
        {
            AeadAlgorithm.Aes256Gcm.Encrypt(_aes256, nonce, aad, plaintext, result);
        }
        else
        {
            _aes128!.Encrypt(nonce, plaintext, result.AsSpan(0, plaintext.Length), result.AsSpan(plaintext.Length), aad);
        }

        SequenceNumber++;
        return result;
    }

    /// <summary>
    /// Decrypts and authenticates; advances the sequence number only on success.
    /// Throws <see cref="CryptoFormatException"/> if the ciphertext, tag or AAD is wrong.
    /// </summary>
    public byte[] Open(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        RequireAead();
        if (ciphertext.Length < Hpke.TagLength)
        {
            throw new CryptoFormatException("HPKE ciphertext is shorter than its tag.");
        }
        var length = ciphertext.Length - Hpke.TagLength;
        var result = new byte[length];
        Span<byte> nonce = stackalloc byte[12];
        ComputeNonce(nonce);
        bool authentic;
        if (_aes256 is not null)
        {
            authentic = AeadAlgorithm.Aes256Gcm.Decrypt(_aes256, nonce, aad, ciphertext, result);
        }
        else
        {
            try
            {
                _aes128!.Decrypt(nonce, ciphertext[..length], ciphertext[length..], result, aad);
                authentic = true;
            }
            catch (AuthenticationTagMismatchException)
            {
                authentic = false;
            }
        }

        if (!authentic)
        {
            throw new CryptoFormatException("HPKE ciphertext failed authentication.");
        }

        SequenceNumber++;
        return result;
    }

    /// <summary>Secret export (RFC 9180 §5.3): <paramref name="length"/> bytes bound to <paramref name="exporterContext"/>.</summary>
    public byte[] Export(ReadOnlySpan<byte> exporterContext, int length)
    {
        if (length is < 0 or > 255 * 32)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "HPKE export length must be in [0, 8160].");
        }
        return Hpke.LabeledExpand(_suiteId, _exporterSecret, "sec"u8, exporterContext, length);
    }

    private void RequireAead()
    {
        if (_aes256 is null && _aes128 is null)
        {
            throw new InvalidOperationException($"HPKE context with AEAD 0x{(ushort)_aead:x4} can only export.");
        }
    }

    private void ComputeNonce(Span<byte> nonce)
    {
        if (SequenceNumber == ulong.MaxValue)
        {
            throw new InvalidOperationException("HPKE sequence number exhausted.");
        }
        _baseNonce.CopyTo(nonce);
        Span<byte> seq = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(seq, SequenceNumber);
        for (var i = 0; i < 8; i++)
        {
            nonce[4 + i] ^= seq[i];
        }
    }

    /// <summary>Zeroes the key, nonce and exporter secret.</summary>
    public void Dispose()
    {
        _aes256?.Dispose();
        _aes128?.Dispose();
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_baseNonce);
        CryptographicOperations.ZeroMemory(_exporterSecret);
    }
}
