using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using NSec.Cryptography;
using Varsling.Crypto;

namespace Varsling.Crypto.Benchmarks;

/// <summary>
/// Seal a 4 KiB record for 5 recipients (new case key, 5 HPKE wraps, record seal) and open it as one recipient,
/// against the raw primitives the same work is made of. See crypto-docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class RecordBenchmarks
{
    private const int Recipients = 5;
    private static readonly Guid _caseId = Guid.NewGuid();
    private static readonly Guid _recordId = Guid.NewGuid();
    private static readonly KeyAgreementAlgorithm _x25519 = KeyAgreementAlgorithm.X25519;
    private static readonly KeyDerivationAlgorithm2 _hkdf = KeyDerivationAlgorithm.HkdfSha256;
    private static readonly AeadAlgorithm _aes = AeadAlgorithm.Aes256Gcm;
    private readonly byte[] _record = RandomNumberGenerator.GetBytes(4096);
    private X25519KeyPair[] _pairs = [];
    private Key[] _rawRecipients = [];

    [GlobalSetup]
    public void Setup()
    {
        _pairs = Enumerable.Range(0, Recipients).Select(_ => X25519KeyPair.Generate()).ToArray();
        _rawRecipients = _pairs.Select(p => Key.Import(_x25519, p.ExportPrivateKey(), KeyBlobFormat.RawPrivateKey)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var p in _pairs)
        {
            p.Dispose();
        }

        foreach (var k in _rawRecipients)
        {
            k.Dispose();
        }
    }

    /// <summary>
    /// The same work on bare NSec calls: per recipient an ephemeral X25519 key, the recipient's public-key import, one
    /// agreement, one HKDF extract + expand, AES-256-GCM of the case key; AES-256-GCM of the record; then one agreement,
    /// HKDF and two decryptions to open.
    /// </summary>
    [Benchmark(Baseline = true)]
    public byte[] RawPrimitives()
    {
        var caseKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = new (byte[] Enc, byte[] Ct)[Recipients];
        var nonce = new byte[12];
        var raw = new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        for (var i = 0; i < Recipients; i++)
        {
            using var eph = Key.Create(_x25519);
            var recipient = PublicKey.Import(_x25519, _pairs[i].PublicKey, KeyBlobFormat.RawPublicKey);
            using var dh = _x25519.Agree(eph, recipient, raw)!;
            var prk = _hkdf.Extract(dh.Export(SharedSecretBlobFormat.RawSharedSecret), []);
            using var k = Key.Import(_aes, _hkdf.Expand(prk, "raw"u8, 32), KeyBlobFormat.RawSymmetricKey);
            wrapped[i] = (eph.PublicKey.Export(KeyBlobFormat.RawPublicKey), _aes.Encrypt(k, nonce, [], caseKey));
        }

        var recordNonce = RandomNumberGenerator.GetBytes(12);
        byte[] sealedRecord;
        using (var k = Key.Import(_aes, caseKey, KeyBlobFormat.RawSymmetricKey))
        {
            sealedRecord = _aes.Encrypt(k, recordNonce, [], _record);
        }

        var sender = PublicKey.Import(_x25519, wrapped[0].Enc, KeyBlobFormat.RawPublicKey);
        using var dh0 = _x25519.Agree(_rawRecipients[0], sender, raw)!;
        var prk0 = _hkdf.Extract(dh0.Export(SharedSecretBlobFormat.RawSharedSecret), []);
        byte[] opened;
        using (var k0 = Key.Import(_aes, _hkdf.Expand(prk0, "raw"u8, 32), KeyBlobFormat.RawSymmetricKey))
        {
            opened = _aes.Decrypt(k0, nonce, [], wrapped[0].Ct)!;
        }

        using var recordKey = Key.Import(_aes, opened, KeyBlobFormat.RawSymmetricKey);
        return _aes.Decrypt(recordKey, recordNonce, [], sealedRecord)!;
    }

    /// <summary>The same through Varsling.Crypto: CaseKeys.Wrap ×5, Records.Seal, CaseKeys.Unwrap, Records.Open.</summary>
    [Benchmark]
    public byte[] Varsling()
    {
        var caseKey = CaseKeys.Generate();
        var wrapped = new byte[Recipients][];
        for (var i = 0; i < Recipients; i++)
        {
            wrapped[i] = CaseKeys.Wrap(caseKey, _pairs[i].PublicKey, _caseId, CaseKeyKind.Shared);
        }
        var sealedRecord = Records.Seal(caseKey, _caseId, _recordId, RecordKind.Answers, _record);
        var opened = CaseKeys.Unwrap(wrapped[0], _pairs[0], _caseId, CaseKeyKind.Shared);
        return Records.Open(opened, _caseId, _recordId, RecordKind.Answers, sealedRecord);
    }
}

/// <summary>Chunked file encryption of 16 MiB against raw NSec AES-256-GCM over the same 64 KiB chunks.</summary>
[MemoryDiagnoser]
public class FileBenchmarks
{
    private const int Size = 16 * 1024 * 1024;
    private readonly byte[] _data = RandomNumberGenerator.GetBytes(Size);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _out = new byte[Size + ((Size / ChunkedFile.DefaultChunkSize) + 1) * 16 + 24];

    /// <summary>NSec AES-256-GCM over each 64 KiB chunk into a preallocated buffer, one key import: the ceiling.</summary>
    [Benchmark(Baseline = true)]
    public void RawAesGcm()
    {
        using var key = Key.Import(AeadAlgorithm.Aes256Gcm, _key, KeyBlobFormat.RawSymmetricKey);
        Span<byte> nonce = stackalloc byte[12];
        const int chunk = ChunkedFile.DefaultChunkSize;
        for (var i = 0; i < Size / chunk; i++)
        {
            nonce[11] = (byte)i;
            nonce[10] = (byte)(i >> 8);
            AeadAlgorithm.Aes256Gcm.Encrypt(key, nonce, [], _data.AsSpan(i * chunk, chunk), _out.AsSpan(i * (chunk + 16), chunk + 16));
        }
    }

    /// <summary>ChunkedFile.EncryptAsync from a MemoryStream to a MemoryStream over the same buffer.</summary>
    [Benchmark]
    public async Task ChunkedFileEncrypt()
    {
        using var input = new MemoryStream(_data, writable: false);
        using var output = new MemoryStream(_out);
        await ChunkedFile.EncryptAsync(input, output, _key, Guid.Empty);
    }
}

/// <summary>
/// One Argon2id derivation with the production parameters (<see cref="Argon2idParameters.Default"/>), as a password
/// wrap and unwrap cost. Native memory (the m parameter) is not in BenchmarkDotNet's Allocated column; <c>--argon2</c>
/// in Program.cs prints the process's peak working set around the same derivations.
/// </summary>
public class Argon2idBenchmarks
{
    private X25519KeyPair _pair = null!;
    private byte[] _blob = [];

    [GlobalSetup]
    public void Setup()
    {
        _pair = X25519KeyPair.Generate();
        _blob = PrivateKeyWrap.WrapWithPassword(_pair, "correct horse battery staple");
    }

    [GlobalCleanup]
    public void Cleanup() => _pair.Dispose();

    /// <summary>UnwrapWithPassword: one Argon2id derivation plus an AES-256-GCM open.</summary>
    [Benchmark]
    public byte[] UnwrapWithDefaultParameters()
    {
        using var pair = PrivateKeyWrap.UnwrapWithPassword(_blob, "correct horse battery staple");
        return pair.PublicKey;
    }
}
