using System.Security.Cryptography;
using static Varsling.Crypto.Tests.NodeInterop;

namespace Varsling.Crypto.Tests;

/// <summary>Every blob type made in C# opens in the browser module (under Node) and the other way round.</summary>
public class InteropTests
{
    private static readonly Guid _caseId = Guid.Parse("0b9f5c1e-4d2a-4e8b-9c3f-7a1d2e3f4a5b");
    private static readonly Guid _recordId = Guid.Parse("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");

    [Fact]
    public void Hpke_SingleShot_BothWays()
    {
        using var recipient = X25519KeyPair.Generate();
        var (enc, ct) = Hpke.Seal(recipient.PublicKey, "info"u8, "aad"u8, "from C#"u8);
        var r = Run(
            Op("hpkeOpen", new { enc = Hex(enc), ciphertext = Hex(ct), info = Hex("info"u8), aad = Hex("aad"u8), privateKey = Hex(recipient.ExportPrivateKey()), publicKey = Hex(recipient.PublicKey) }),
            Op("hpkeSeal", new { publicKey = Hex(recipient.PublicKey), info = Hex("info"u8), aad = Hex("aad"u8), plaintext = Hex("from JS"u8) }));
        Assert.Equal("from C#"u8.ToArray(), Bytes(r[0], "plaintext"));
        Assert.Equal("from JS"u8.ToArray(), Hpke.Open(Bytes(r[1], "enc"), recipient, "info"u8, "aad"u8, Bytes(r[1], "ciphertext")));
    }

    [Fact]
    public void KeyPairs_GeneratedInJs_ImportInCSharp()
    {
        var r = Run(Op("generateKeyPair"));
        using var pair = X25519KeyPair.FromPrivateKey(Bytes(r[0], "privateKey"), Bytes(r[0], "publicKey"));
        Assert.Equal(Bytes(r[0], "publicKey"), pair.PublicKey);
    }

    [Theory]
    [InlineData(CaseKeyKind.Shared)]
    [InlineData(CaseKeyKind.Summary)]
    public void WrappedCaseKey_BothWays(CaseKeyKind kind)
    {
        using var recipient = X25519KeyPair.Generate();
        var caseKey = CaseKeys.Generate();
        var blob = CaseKeys.Wrap(caseKey, recipient.PublicKey, _caseId, kind);
        var r = Run(
            Op("unwrapCaseKey", new { blob = Hex(blob), caseId = _caseId.ToString(), kind = (int)kind, privateKey = Hex(recipient.ExportPrivateKey()), publicKey = Hex(recipient.PublicKey) }),
            Op("wrapCaseKey", new { caseKey = Hex(caseKey), publicKey = Hex(recipient.PublicKey), caseId = _caseId.ToString(), kind = (int)kind }));
        Assert.Equal(caseKey, Bytes(r[0], "caseKey"));
        var jsBlob = Bytes(r[1], "blob");
        Assert.Equal(CaseKeys.WrappedLength, jsBlob.Length);
        Assert.Equal(caseKey, CaseKeys.Unwrap(jsBlob, recipient, _caseId, kind));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    public void SealedRecord_BothWays(int length)
    {
        var key = CaseKeys.Generate();
        var plaintext = RandomNumberGenerator.GetBytes(length);
        var blob = Records.Seal(key, _caseId, _recordId, RecordKind.Message, plaintext);
        var fields = new { key = Hex(key), caseId = _caseId.ToString(), recordId = _recordId.ToString(), kind = (int)RecordKind.Message };
        var r = Run(
            Op("openRecord", new { fields.key, fields.caseId, fields.recordId, fields.kind, blob = Hex(blob) }),
            Op("sealRecord", new { fields.key, fields.caseId, fields.recordId, fields.kind, plaintext = Hex(plaintext) }));
        Assert.Equal(plaintext, Bytes(r[0], "plaintext"));
        Assert.Equal(plaintext, Records.Open(key, _caseId, _recordId, RecordKind.Message, Bytes(r[1], "blob")));
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(1, 1024)]
    [InlineData(1023, 1024)]
    [InlineData(1024, 1024)]
    [InlineData(5000, 1024)]
    [InlineData(200_000, ChunkedFile.DefaultChunkSize)]
    public async Task ChunkedFile_BothWays(int length, int chunkSize)
    {
        var key = ChunkedFile.GenerateKey();
        var fileId = Guid.NewGuid();
        var plaintext = RandomNumberGenerator.GetBytes(length);
        using var encrypted = new MemoryStream();
        await ChunkedFile.EncryptAsync(new MemoryStream(plaintext), encrypted, key, fileId, chunkSize);
        var r = Run(
            Op("decryptFile", new { key = Hex(key), fileId = fileId.ToString(), blob = Hex(encrypted.ToArray()) }),
            Op("encryptFile", new { key = Hex(key), fileId = fileId.ToString(), chunkSize, plaintext = Hex(plaintext) }));
        Assert.Equal(plaintext, Bytes(r[0], "plaintext"));
        var jsBlob = Bytes(r[1], "blob");
        using var decrypted = new MemoryStream();
        await ChunkedFile.DecryptAsync(new MemoryStream(jsBlob), decrypted, key, fileId);
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Fact]
    public void WrappedPrivateKey_Argon2id_HeaderAndPublicKeyReadInJs_ButOpenedOnlyOnTheServer()
    {
        using var pair = X25519KeyPair.Generate();
        var parameters = new Argon2idParameters(256, 2);
        var blob = PrivateKeyWrap.WrapWithPassword(pair, "Cr\u00e8me br\u00fbl\u00e9e, 7 times!", parameters);
        var r = RunRaw(
            Op("readWrappedHeader", new { blob = Hex(blob) }),
            Op("unwrapWithKey", new { blob = Hex(blob), key = Hex(new byte[32]) }));
        Assert.Equal(2, (int)r[0]["kdf"]!);
        Assert.Equal(256, (int)r[0]["memoryKiB"]!);
        Assert.Equal(2, (int)r[0]["iterations"]!);
        Assert.Equal(1, (int)r[0]["parallelism"]!);
        Assert.Equal(pair.PublicKey, Bytes(r[0], "publicKey"));
        Assert.Equal("kdf", (string)r[1]["error"]!["code"]!);
    }

    [Fact]
    public void EscrowedPrivateKey_BothWays_WithAJsImplementationWrittenFromTheSpec()
    {
        using var person = X25519KeyPair.Generate();
        using var escrow = X25519KeyPair.Generate();
        var org = Guid.NewGuid();
        var user = Guid.NewGuid();
        var blob = EscrowWrap.Seal(person, escrow.PublicKey, org, user);
        var r = RunRaw(
            Op("escrowOpen", new { blob = Hex(blob), privateKey = Hex(escrow.ExportPrivateKey()), publicKey = Hex(escrow.PublicKey), organisationId = org.ToString(), userId = user.ToString() }),
            Op("escrowSeal", new { privateKey = Hex(person.ExportPrivateKey()), publicKey = Hex(person.PublicKey), escrowPublicKey = Hex(escrow.PublicKey), organisationId = org.ToString(), userId = user.ToString() }),
            Op("escrowOpen", new { blob = Hex(blob), privateKey = Hex(escrow.ExportPrivateKey()), publicKey = Hex(escrow.PublicKey), organisationId = org.ToString(), userId = Guid.NewGuid().ToString() }));
        Assert.Equal(person.ExportPrivateKey(), Bytes(r[0], "privateKey"));
        using var back = EscrowWrap.Open(Bytes(r[1], "blob"), escrow, org, user);
        Assert.Equal(person.PublicKey, back.PublicKey);
        Assert.Equal("auth", (string)r[2]["error"]!["code"]!);
    }

    [Fact]
    public void DeriveKeyPair_AgreesInBoth()
    {
        var ikm = RandomNumberGenerator.GetBytes(32);
        var r = Run(Op("deriveKeyPair", new { ikm = Hex(ikm) }));
        using var pair = Hpke.DeriveKeyPair(ikm);
        Assert.Equal(pair.ExportPrivateKey(), Bytes(r[0], "privateKey"));
        Assert.Equal(pair.PublicKey, Bytes(r[0], "publicKey"));
    }

    [Fact]
    public void WrappedPrivateKey_DirectKeyAndSession_BothWays()
    {
        using var pair = X25519KeyPair.Generate();
        var session = PrivateKeyWrap.RewrapForSession(pair);
        var r = Run(
            Op("unwrapWithKey", new { blob = Hex(session.Blob), key = Hex(session.SessionKey) }),
            Op("wrapWithKey", new { privateKey = Hex(pair.ExportPrivateKey()), publicKey = Hex(pair.PublicKey), key = Hex(session.SessionKey) }));
        Assert.Equal(pair.ExportPrivateKey(), Bytes(r[0], "privateKey"));
        using var back = PrivateKeyWrap.UnwrapWithKey(Bytes(r[1], "blob"), session.SessionKey);
        Assert.Equal(pair.PublicKey, back.PublicKey);
    }

    [Fact]
    public void ReceiptDerivation_SameSecretsInBoth_AndReporterKeyRoundTrips()
    {
        var salt = RandomNumberGenerator.GetBytes(32);
        var code = ReceiptCode.Generate();
        var typed = " " + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal).Replace('1', 'l').Replace('0', 'o') + " ";
        var r = Run(
            Op("deriveReceipt", new { code = typed, salt = Hex(salt) }),
            Op("generateReceiptCode"));
        var cs = ReceiptCode.Derive(code, salt);
        Assert.Equal(ReceiptCode.Normalize(code), (string)r[0]["normalized"]!);
        Assert.Equal(code, (string)r[0]["formatted"]!);
        Assert.Equal(cs.LookupToken, Bytes(r[0], "lookupToken"));
        Assert.Equal(cs.WrapKey, Bytes(r[0], "wrapKey"));
        Assert.Equal(ReceiptCode.HashLookupToken(cs.LookupToken), Bytes(r[0], "lookupHash"));
        Assert.True(ReceiptCode.LookupTokenMatches(Bytes(r[0], "lookupToken"), ReceiptCode.HashLookupToken(cs.LookupToken)));

        var jsCode = (string)r[1]["code"]!;
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$", jsCode);

        // The no-JS path: the reporter key wrapped on the server opens in the browser with the code, and back.
        using var reporter = X25519KeyPair.Generate();
        var blob = PrivateKeyWrap.WrapWithKey(reporter, cs.WrapKey);
        var r2 = Run(
            Op("deriveReceipt", new { code, salt = Hex(salt) }),
            Op("unwrapWithKey", new { blob = Hex(blob), key = Hex(cs.WrapKey) }),
            Op("wrapWithKey", new { privateKey = Hex(reporter.ExportPrivateKey()), publicKey = Hex(reporter.PublicKey), key = Hex(cs.WrapKey) }));
        Assert.Equal(reporter.ExportPrivateKey(), Bytes(r2[1], "privateKey"));
        using var back = PrivateKeyWrap.UnwrapWithKey(Bytes(r2[2], "blob"), ReceiptCode.Derive(typed, salt).WrapKey);
        Assert.Equal(reporter.PublicKey, back.PublicKey);
    }

    [Fact]
    public void ReceiptNormalisation_AgreesOnEverySeparatorAndRejection()
    {
        const string code = "7QX4M2KD9H3TPZ8RWC5N";
        var separators = "\t\n\v\f\r \u00A0\u1680\u2000\u2005\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF-\u2010\u2011\u2012\u2013\u2014\u2212";
        var notSeparators = "\u0085\u180E\u200B\u2015_.,/";
        var inputs = separators.Concat(notSeparators).Select(c => code[..10] + c + code[10..])
            .Concat(["7qx4m2kd9h3tpz8rwc5n", "iiii-llll-oooo-0000-1111", "7QX4-M2KD-9H3T-PZ8R-WC5U", "7QX4\u00DF", "\u0130" + code[1..]])
            .ToArray();
        var results = RunRaw(inputs.Select(i => Op("normalizeReceipt", new { code = i })).ToArray());
        for (var i = 0; i < inputs.Length; i++)
        {
            string? cs;
            try
            {
                cs = ReceiptCode.Normalize(inputs[i]);
            }
            catch (CryptoFormatException)
            {
                cs = null;
            }
            var js = results[i]["error"] is null ? (string?)results[i]["normalized"] : null;
            Assert.True(cs == js, $"input #{i} (U+{(int)inputs[i][Math.Min(10, inputs[i].Length - 1)]:X4}): C# {cs ?? "rejects"}, JS {js ?? "rejects"}");
        }
        Assert.All(inputs.Take(separators.Length), i => Assert.Equal(code, ReceiptCode.Normalize(i)));
    }

    [Fact]
    public void Errors_RaisedInJs_AreFormatErrorsWithCodes()
    {
        var key = CaseKeys.Generate();
        var blob = Records.Seal(key, _caseId, _recordId, RecordKind.Note, "x"u8);
        var r = RunRaw(
            Op("openRecord", new { key = Hex(key), caseId = Guid.NewGuid().ToString(), recordId = _recordId.ToString(), kind = (int)RecordKind.Note, blob = Hex(blob) }),
            Op("deriveReceipt", new { code = "UUUU-UUUU-UUUU-UUUU-UUUU", salt = Hex(new byte[16]) }));
        Assert.Equal("CryptoFormatError", (string)r[0]["error"]!["name"]!);
        Assert.Equal("auth", (string)r[0]["error"]!["code"]!);
        Assert.Equal("receipt", (string)r[1]["error"]!["code"]!);
    }
}
