using System.Text.Json;

namespace Varsling.Crypto.Tests;

/// <summary>RFC 9180 Appendix A.1 known answers for DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 base mode: AES-128-GCM, AES-256-GCM, export-only.</summary>
public class HpkeVectorTests
{
    private static readonly JsonElement[] _entries = LoadEntries();

    private static JsonElement[] LoadEntries()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "hpke-x25519-sha256.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static TheoryData<int> AeadIds => new() { 1, 2, 0xFFFF };

    private static JsonElement Entry(int aeadId) => _entries.Single(e => e.GetProperty("aead_id").GetInt32() == aeadId);

    private static byte[] Hex(JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString()!);

    [Fact]
    public void VectorFile_HoldsTheExpectedEntries()
    {
        // aead 3 (ChaCha20-Poly1305) is in the file too; it is not a suite Varsling uses.
        Assert.Equal(4, _entries.Length);
        Assert.All(_entries, e =>
        {
            Assert.Equal(0, e.GetProperty("mode").GetInt32());
            Assert.Equal(32, e.GetProperty("kem_id").GetInt32());
            Assert.Equal(1, e.GetProperty("kdf_id").GetInt32());
            Assert.Equal(3, e.GetProperty("exports").GetArrayLength());
        });
        Assert.Equal(257, Entry(1).GetProperty("encryptions").GetArrayLength());
        Assert.Equal(257, Entry(2).GetProperty("encryptions").GetArrayLength());
        Assert.Equal(0, Entry(0xFFFF).GetProperty("encryptions").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(AeadIds))]
    public void DeriveKeyPair_MatchesVector(int aeadId)
    {
        var e = Entry(aeadId);
        using var r = Hpke.DeriveKeyPair(Hex(e, "ikmR"));
        using var eph = Hpke.DeriveKeyPair(Hex(e, "ikmE"));
        Assert.Equal(Hex(e, "skRm"), r.ExportPrivateKey());
        Assert.Equal(Hex(e, "pkRm"), r.PublicKey);
        Assert.Equal(Hex(e, "skEm"), eph.ExportPrivateKey());
        Assert.Equal(Hex(e, "pkEm"), eph.PublicKey);
    }

    [Theory]
    [MemberData(nameof(AeadIds))]
    public void SetupBaseSAndR_ProduceVectorScheduleAndAllEncryptions(int aeadId)
    {
        var e = Entry(aeadId);
        var aead = (HpkeAead)aeadId;
        using var r = X25519KeyPair.FromPrivateKey(Hex(e, "skRm"), Hex(e, "pkRm"));
        using var eph = X25519KeyPair.FromPrivateKey(Hex(e, "skEm"), Hex(e, "pkEm"));
        var info = Hex(e, "info");

        using var sender = Hpke.SetupBaseS(r.PublicKey, info, aead, eph, out var enc);
        using var receiver = Hpke.SetupBaseR(enc, r, info, aead);
        Assert.Equal(Hex(e, "enc"), enc);
        foreach (var ctx in new[] { sender, receiver })
        {
            Assert.Equal(Hex(e, "key"), ctx.Key.ToArray());
            Assert.Equal(Hex(e, "base_nonce"), ctx.BaseNonce.ToArray());
            Assert.Equal(Hex(e, "exporter_secret"), ctx.ExporterSecret.ToArray());
        }

        var count = 0;
        foreach (var enc_i in e.GetProperty("encryptions").EnumerateArray())
        {
            Assert.Equal((ulong)count, sender.SequenceNumber);
            var pt = Hex(enc_i, "pt");
            var aad = Hex(enc_i, "aad");
            var ct = Hex(enc_i, "ct");
            Assert.Equal(ct, sender.Seal(aad, pt));
            Assert.Equal(pt, receiver.Open(aad, ct));
            count++;
        }
        Assert.Equal(aead == HpkeAead.ExportOnly ? 0 : 257, count);

        var exports = 0;
        foreach (var x in e.GetProperty("exports").EnumerateArray())
        {
            var expected = Hex(x, "exported_value");
            var context = Hex(x, "exporter_context");
            var length = x.GetProperty("L").GetInt32();
            Assert.Equal(expected, sender.Export(context, length));
            Assert.Equal(expected, receiver.Export(context, length));
            exports++;
        }

        Assert.Equal(3, exports);
    }

    [Fact]
    public void Open_WithSkippedSequenceNumber_Fails()
    {
        var e = Entry(2);
        using var r = X25519KeyPair.FromPrivateKey(Hex(e, "skRm"));
        using var receiver = Hpke.SetupBaseR(Hex(e, "enc"), r, Hex(e, "info"), HpkeAead.Aes256Gcm);
        var second = e.GetProperty("encryptions")[1];
        Assert.Throws<CryptoFormatException>(() => receiver.Open(Hex(second, "aad"), Hex(second, "ct")));
        Assert.Equal(0UL, receiver.SequenceNumber);
    }

    [Fact]
    public void ExportOnlyContext_RefusesToSeal()
    {
        using var r = X25519KeyPair.Generate();
        using var ctx = Hpke.SetupBaseS(r.PublicKey, [], HpkeAead.ExportOnly, out _);
        Assert.Throws<InvalidOperationException>(() => ctx.Seal([], [1, 2, 3]));
    }

    [Fact]
    public void SingleShot_RoundTripsAndRejectsTamperedCiphertext()
    {
        using var r = X25519KeyPair.Generate();
        var (enc, ct) = Hpke.Seal(r.PublicKey, "info"u8, "aad"u8, "hello"u8);
        Assert.Equal("hello"u8.ToArray(), Hpke.Open(enc, r, "info"u8, "aad"u8, ct));
        ct[0] ^= 1;
        Assert.Throws<CryptoFormatException>(() => Hpke.Open(enc, r, "info"u8, "aad"u8, ct));
        ct[0] ^= 1;
        Assert.Throws<CryptoFormatException>(() => Hpke.Open(enc, r, "other"u8, "aad"u8, ct));
    }

    [Fact]
    public void SingleShotExport_SenderAndRecipientAgree_AndDependOnContext()
    {
        using var r = X25519KeyPair.Generate();
        var (enc, secret) = Hpke.SendExport(r.PublicKey, "info"u8, "ctx"u8, 32);
        Assert.Equal(secret, Hpke.ReceiveExport(enc, r, "info"u8, "ctx"u8, 32));
        Assert.NotEqual(secret, Hpke.ReceiveExport(enc, r, "info"u8, "other"u8, 32));
        Assert.Equal(64, Hpke.ReceiveExport(enc, r, "info"u8, "ctx"u8, 64).Length);
    }
}
