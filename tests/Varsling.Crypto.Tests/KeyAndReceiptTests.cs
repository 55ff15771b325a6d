using System.Security.Cryptography;

namespace Varsling.Crypto.Tests;

public class KeyAndReceiptTests
{
    private static readonly byte[] _salt = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    [Fact]
    public void KeyPair_ExportImport_RoundTrips()
    {
        using var pair = X25519KeyPair.Generate();
        Assert.Equal(32, pair.PublicKey.Length);
        Assert.True(X25519KeyPair.IsValidPublicKey(pair.PublicKey));
        using var back = X25519KeyPair.FromPrivateKey(pair.ExportPrivateKey());
        Assert.Equal(pair.PublicKey, back.PublicKey);
    }

    /// <summary>Points of small order on Curve25519 and non-canonical encodings of them (RFC 7748 §6.1).</summary>
    public static TheoryData<string> LowOrderPoints => new()
    {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    };

    [Theory]
    [MemberData(nameof(LowOrderPoints))]
    public void PublicKey_LowOrder_RejectedAtTheDoorAndInHpke(string hex)
    {
        var key = Convert.FromHexString(hex);
        Assert.False(X25519KeyPair.IsValidPublicKey(key));
        Assert.Contains("small order", Assert.Throws<CryptoFormatException>(() => X25519KeyPair.ValidatePublicKey(key)).Message);
        Assert.Throws<CryptoFormatException>(() => Hpke.Seal(key, [], [], [1]));
        using var r = X25519KeyPair.Generate();
        Assert.Throws<CryptoFormatException>(() => Hpke.Open(key, r, [], [], new byte[17]));
    }

    public static TheoryData<string, byte[]> MalformedPublicKeys()
    {
        using var pair = X25519KeyPair.Generate();
        var good = pair.PublicKey;
        var p256 = new byte[65];
        p256[0] = 4;
        return new TheoryData<string, byte[]>
        {
            { "too short", good[..31] },
            { "too long", [.. good, 0] },
            { "P-256 point length", p256 },
            { "empty", [] },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedPublicKeys))]
    public void PublicKey_Malformed_Rejected(string why, byte[] key)
    {
        Assert.False(string.IsNullOrEmpty(why));
        Assert.False(X25519KeyPair.IsValidPublicKey(key));
        Assert.Throws<CryptoFormatException>(() => X25519KeyPair.ValidatePublicKey(key));
        Assert.Throws<CryptoFormatException>(() => Hpke.Seal(key, [], [], [1]));
    }

    [Fact]
    public void PrivateKey_WrongLengthOrMismatched_Rejected()
    {
        Assert.Throws<CryptoFormatException>(() => X25519KeyPair.FromPrivateKey(new byte[31]));
        Assert.Throws<CryptoFormatException>(() => X25519KeyPair.FromPrivateKey(new byte[33]));
        using var a = X25519KeyPair.Generate();
        using var b = X25519KeyPair.Generate();
        Assert.Throws<CryptoFormatException>(() => X25519KeyPair.FromPrivateKey(a.ExportPrivateKey(), b.PublicKey));
        Assert.Throws<CryptoFormatException>(() => X25519KeyPair.FromPrivateKey(a.ExportPrivateKey(), new byte[32]));
    }

    [Fact]
    public void Generate_GivesGroupedCrockfordCodesThatDiffer()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => ReceiptCode.Generate()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.True(ReceiptCode.EntropyBits >= 100);
        // Every symbol of the alphabet shows up over 4000 draws (a biased generator would likely miss some).
        Assert.Equal(32, codes.SelectMany(c => c.Replace("-", "", StringComparison.Ordinal)).Distinct().Count());
    }

    [Theory]
    [InlineData("7qx4-m2kd-9h3t-pz8r-wc5n")]
    [InlineData(" 7QX4 M2KD 9H3T PZ8R WC5N ")]
    [InlineData("7QX4M2KD9H3TPZ8RWC5N")]
    [InlineData("7QX4\u2013M2KD\u20139H3T\u2013PZ8R\u2013WC5N")]
    public void Normalize_AcceptsWhatPeopleType(string typed)
    {
        Assert.Equal("7QX4M2KD9H3TPZ8RWC5N", ReceiptCode.Normalize(typed));
        Assert.Equal("7QX4-M2KD-9H3T-PZ8R-WC5N", ReceiptCode.Format(typed));
    }

    [Fact]
    public void Normalize_MapsLookAlikes()
    {
        Assert.Equal("1110000000ABCDEFGHJK", ReceiptCode.Normalize("iLl-oOo-0000-abcd-efgh-jk"));
    }

    [Theory]
    [InlineData("7QX4-M2KD-9H3T-PZ8R-WC5U", "letter U")]
    [InlineData("7QX4-M2KD-9H3T-PZ8R-WC5", "has 19")]
    [InlineData("7QX4-M2KD-9H3T-PZ8R-WC5NN", "longer")]
    [InlineData("7QX4-M2KD-9H3T-PZ8R-WC5*", "character")]
    [InlineData("7QX4-M2KD-9H3T-PZ8R-WC5\u00c5", "character")]
    [InlineData("", "has 0")]
    public void Normalize_RejectsMalformedWithClearMessage_WithoutEchoingIt(string typed, string expected)
    {
        var ex = Assert.Throws<CryptoFormatException>(() => ReceiptCode.Normalize(typed));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("M2KD", ex.Message, StringComparison.Ordinal);
        Assert.Throws<CryptoFormatException>(() => ReceiptCode.Derive(typed, _salt));
    }

    [Fact]
    public void Derive_IsDeterministic_TolerantOfTyping_AndSplitsIntoDistinctHalves()
    {
        var a = ReceiptCode.Derive("7QX4-M2KD-9H3T-PZ8R-WC5N", _salt);
        var b = ReceiptCode.Derive("7qx4 m2kd 9h3t pz8r wc5n", _salt);
        Assert.Equal(a.LookupToken, b.LookupToken);
        Assert.Equal(a.WrapKey, b.WrapKey);
        var expected = Rfc2898DeriveBytes.Pbkdf2("7QX4M2KD9H3TPZ8RWC5N"u8, _salt, ReceiptCode.Iterations, HashAlgorithmName.SHA256, 64);
        Assert.Equal(expected[..32], a.LookupToken);
        Assert.Equal(expected[32..], a.WrapKey);
        Assert.NotEqual(a.LookupToken, a.WrapKey);
    }

    [Fact]
    public void Derive_WrongCodeOrOtherDeployment_GivesOtherSecrets_AndCannotUnwrapTheReporterKey()
    {
        var right = ReceiptCode.Derive("7QX4-M2KD-9H3T-PZ8R-WC5N", _salt);
        var wrong = ReceiptCode.Derive("7QX4-M2KD-9H3T-PZ8R-WC5P", _salt);
        var otherSalt = ReceiptCode.Derive("7QX4-M2KD-9H3T-PZ8R-WC5N", RandomNumberGenerator.GetBytes(16));
        Assert.NotEqual(right.LookupToken, wrong.LookupToken);
        Assert.NotEqual(right.LookupToken, otherSalt.LookupToken);
        var stored = ReceiptCode.HashLookupToken(right.LookupToken);
        Assert.True(ReceiptCode.LookupTokenMatches(right.LookupToken, stored));
        Assert.False(ReceiptCode.LookupTokenMatches(wrong.LookupToken, stored));
        Assert.False(ReceiptCode.LookupTokenMatches(right.LookupToken, stored[..31]));

        using var reporter = X25519KeyPair.Generate();
        var blob = PrivateKeyWrap.WrapWithKey(reporter, right.WrapKey);
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithKey(blob, wrong.WrapKey));
        using var back = PrivateKeyWrap.UnwrapWithKey(blob, right.WrapKey);
        Assert.Equal(reporter.PublicKey, back.PublicKey);
    }

    [Fact]
    public void Derive_ShortSalt_Refused()
    {
        Assert.Throws<ArgumentException>(() => ReceiptCode.Derive("7QX4-M2KD-9H3T-PZ8R-WC5N", new byte[8]));
    }
}

/// <summary>The key-free door check of protocol.md §0: every genuine blob's header passes, every altered id is refused.</summary>
public class BlobHeaderTests
{
    public static TheoryData<BlobType> Types => new() { BlobType.WrappedCaseKey, BlobType.Record, BlobType.ChunkedFile, BlobType.WrappedPrivateKey, BlobType.EscrowedPrivateKey };

    private static byte[] Genuine(BlobType type)
    {
        using var pair = X25519KeyPair.Generate();
        var key = CaseKeys.Generate();
        return type switch
        {
            BlobType.WrappedCaseKey => CaseKeys.Wrap(key, pair.PublicKey, Guid.NewGuid(), CaseKeyKind.Shared),
            BlobType.Record => Records.Seal(key, Guid.NewGuid(), Guid.NewGuid(), RecordKind.Answers, "x"u8),
            BlobType.ChunkedFile => ChunkedFile.CreateHeader(Guid.NewGuid()),
            BlobType.WrappedPrivateKey => PrivateKeyWrap.WrapWithKey(pair, key),
            BlobType.EscrowedPrivateKey => EscrowWrap.Seal(pair, pair.PublicKey, Guid.NewGuid(), Guid.NewGuid()),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void GenuineHeader_IsAccepted_AndEveryAlteredIdIsRefused(BlobType type)
    {
        var blob = Genuine(type);
        Assert.True(BlobHeader.IsAccepted(blob, type));
        Assert.Null(BlobHeader.Describe(blob, type));

        var version = (byte[])blob.Clone();
        version[0] = 2;
        Assert.Contains("version 2", BlobHeader.Describe(version, type));
        var otherType = (byte[])blob.Clone();
        otherType[1] = (byte)(type == BlobType.Record ? BlobType.WrappedCaseKey : BlobType.Record);
        Assert.Contains("blob type", BlobHeader.Describe(otherType, type));

        // Each suite id's low byte altered (kem 0x0020 → 0x0024, kdf 0x0001 → 0x0005, aead 0x0002 → 0x0006).
        var suiteBytes = type switch
        {
            BlobType.Record or BlobType.ChunkedFile => new[] { 3 },
            BlobType.WrappedPrivateKey => new[] { 3, 5 },
            _ => new[] { 3, 5, 7 },
        };
        foreach (var offset in suiteBytes)
        {
            var suite = (byte[])blob.Clone();
            suite[offset] ^= 0x04;
            Assert.False(BlobHeader.IsAccepted(suite, type), $"byte {offset}");
        }

        Assert.False(BlobHeader.IsAccepted(blob[..1], type));
        Assert.False(BlobHeader.IsAccepted([], type));
    }
}
