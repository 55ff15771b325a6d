using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
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
    private readonly byte[] _record = RandomNumberGenerator.GetBytes(4096);
    private P256KeyPair[] _pairs = [];
    private ECDiffieHellman[] _rawRecipients = [];

    [GlobalSetup]
    public void Setup()
    {
        _pairs = Enumerable.Range(0, Recipients).Select(_ => P256KeyPair.Generate()).ToArray();
        _rawRecipients = _pairs.Select(p =>
        {
            var e = ECDiffieHellman.Create();
            e.ImportParameters(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = p.ExportPrivateKey(),
                Q = new ECPoint { X = p.PublicKey[1..33], Y = p.PublicKey[33..] },
            });
            return e;
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var p in _pairs)
        {
            p.Dispose();
        }
        foreach (var e in _rawRecipients)
        {
            e.Dispose();
        }
    }

    /// <summary>Per recipient: ephemeral key generation, ECDH, HKDF, AES-GCM of the 32-byte key; then the record; then one open.</summary>
    [Benchmark(Baseline = true)]
    public byte[] RawPrimitives()
    {
        var caseKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = new (byte[] Enc, byte[] Ct)[Recipients];
        Span<byte> nonce = stackalloc byte[12];
        for (var i = 0; i < Recipients; i++)
        {
            using var eph = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            var q = eph.ExportParameters(false).Q;
            using var recipient = ECDiffieHellman.Create();
            recipient.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = _pairs[i].PublicKey[1..33], Y = _pairs[i].PublicKey[33..] } });
            var dh = eph.DeriveRawSecretAgreement(recipient.PublicKey);
            var k = HKDF.DeriveKey(HashAlgorithmName.SHA256, dh, 32, [], "raw"u8.ToArray());
            using var gcm = new AesGcm(k, 16);
            var ct = new byte[48];
            gcm.Encrypt(nonce, caseKey, ct.AsSpan(0, 32), ct.AsSpan(32), []);
            wrapped[i] = ([.. q.X!, .. q.Y!], ct);
        }
        var recordNonce = RandomNumberGenerator.GetBytes(12);
        var sealedRecord = new byte[_record.Length + 16];
        using (var gcm = new AesGcm(caseKey, 16))
        {
            gcm.Encrypt(recordNonce, _record, sealedRecord.AsSpan(0, _record.Length), sealedRecord.AsSpan(_record.Length), []);
        }

        using var sender = ECDiffieHellman.Create();
        sender.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = wrapped[0].Enc[..32], Y = wrapped[0].Enc[32..] } });
        var dh0 = _rawRecipients[0].DeriveRawSecretAgreement(sender.PublicKey);
        var k0 = HKDF.DeriveKey(HashAlgorithmName.SHA256, dh0, 32, [], "raw"u8.ToArray());
        var opened = new byte[32];
        using (var gcm = new AesGcm(k0, 16))
        {
            gcm.Decrypt(nonce, wrapped[0].Ct.AsSpan(0, 32), wrapped[0].Ct.AsSpan(32), opened, []);
        }
        var plain = new byte[_record.Length];
        using (var gcm = new AesGcm(opened, 16))
        {
            gcm.Decrypt(recordNonce, sealedRecord.AsSpan(0, _record.Length), sealedRecord.AsSpan(_record.Length), plain, []);
        }
        return plain;
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

/// <summary>Chunked file encryption of 16 MiB against raw AesGcm over the same 64 KiB chunks.</summary>
[MemoryDiagnoser]
public class FileBenchmarks
{
    private const int Size = 16 * 1024 * 1024;
    private readonly byte[] _data = RandomNumberGenerator.GetBytes(Size);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _out = new byte[Size + ((Size / ChunkedFile.DefaultChunkSize) + 1) * 16 + 24];

    /// <summary>AesGcm.Encrypt over each 64 KiB chunk into a preallocated buffer: the ceiling.</summary>
    [Benchmark(Baseline = true)]
    public void RawAesGcm()
    {
        using var gcm = new AesGcm(_key, 16);
        Span<byte> nonce = stackalloc byte[12];
        const int chunk = ChunkedFile.DefaultChunkSize;
        for (var i = 0; i < Size / chunk; i++)
        {
            nonce[11] = (byte)i;
            nonce[10] = (byte)(i >> 8);
            gcm.Encrypt(nonce, _data.AsSpan(i * chunk, chunk), _out.AsSpan(i * (chunk + 16), chunk), _out.AsSpan((i * (chunk + 16)) + chunk, 16));
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
