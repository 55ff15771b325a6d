using System.Security.Cryptography;

namespace Varsling.Crypto.Tests;

/// <summary>Round trips and the negative cases for every blob: flipped bits, wrong context, unknown version or suite.</summary>
public class BlobTests
{
    // Tests stretch with tiny Argon2id costs; the parameters travel in the blob, so opening needs no configuration.
    private static readonly Argon2idParameters _cheap = new(64, 1);

    private static readonly Guid _caseId = Guid.NewGuid();
    private static readonly Guid _recordId = Guid.NewGuid();

    private static void EveryBitFlipFails(byte[] blob, Action<byte[]> open)
    {
        for (var i = 0; i < blob.Length; i++)
        {
            foreach (var bit in new[] { 0x01, 0x80 })
            {
                var copy = (byte[])blob.Clone();
                copy[i] ^= (byte)bit;
                var ex = Record.Exception(() => open(copy));
                Assert.True(ex is CryptoFormatException, $"flip 0x{bit:x2} at byte {i}: expected CryptoFormatException, got {ex?.GetType().Name ?? "success"}");
            }
        }
    }

    [Fact]
    public void CaseKey_Wrap_Unwrap_RoundTrips()
    {
        using var r = X25519KeyPair.Generate();
        var key = CaseKeys.Generate();
        var blob = CaseKeys.Wrap(key, r.PublicKey, _caseId, CaseKeyKind.Identity);
        Assert.Equal(88, blob.Length);
        Assert.Equal(new byte[] { 1, 1, 0x00, 0x20, 0x00, 0x01, 0x00, 0x02 }, blob[..8]);
        Assert.Equal(key, CaseKeys.Unwrap(blob, r, _caseId, CaseKeyKind.Identity));
    }

    [Fact]
    public void CaseKey_AnyFlippedBit_Fails()
    {
        using var r = X25519KeyPair.Generate();
        var blob = CaseKeys.Wrap(CaseKeys.Generate(), r.PublicKey, _caseId, CaseKeyKind.Shared);
        EveryBitFlipFails(blob, b => CaseKeys.Unwrap(b, r, _caseId, CaseKeyKind.Shared));
    }

    [Fact]
    public void CaseKey_WrongCaseKindOrRecipient_Fails()
    {
        using var r = X25519KeyPair.Generate();
        using var other = X25519KeyPair.Generate();
        var blob = CaseKeys.Wrap(CaseKeys.Generate(), r.PublicKey, _caseId, CaseKeyKind.Shared);
        Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap(blob, r, Guid.NewGuid(), CaseKeyKind.Shared));
        Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap(blob, r, _caseId, CaseKeyKind.Internal));
        Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap(blob, other, _caseId, CaseKeyKind.Shared));
        Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap(blob[..^1], r, _caseId, CaseKeyKind.Shared));
        Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap([.. blob, 0], r, _caseId, CaseKeyKind.Shared));
    }

    [Fact]
    public void CaseKey_UnknownVersionOrSuite_SaysSo()
    {
        using var r = X25519KeyPair.Generate();
        var blob = CaseKeys.Wrap(CaseKeys.Generate(), r.PublicKey, _caseId, CaseKeyKind.Shared);
        var v2 = (byte[])blob.Clone();
        v2[0] = 2;
        Assert.Contains("version 2", Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap(v2, r, _caseId, CaseKeyKind.Shared)).Message);
        var aes128 = (byte[])blob.Clone();
        aes128[7] = 1;
        Assert.Contains("unsupported suite", Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap(aes128, r, _caseId, CaseKeyKind.Shared)).Message);
        var p256 = (byte[])blob.Clone();
        p256[3] = 0x10;
        Assert.Contains("kem 0x0010", Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap(p256, r, _caseId, CaseKeyKind.Shared)).Message);
        Assert.False(BlobHeader.IsAccepted(p256, BlobType.WrappedCaseKey));
        Assert.False(BlobHeader.IsAccepted(v2, BlobType.WrappedCaseKey));
        Assert.False(BlobHeader.IsAccepted(aes128, BlobType.WrappedCaseKey));
        Assert.True(BlobHeader.IsAccepted(blob, BlobType.WrappedCaseKey));
        Assert.Throws<CryptoFormatException>(() => CaseKeys.Unwrap(Records.Seal(CaseKeys.Generate(), _caseId, _recordId, RecordKind.Answers, new byte[100]), r, _caseId, CaseKeyKind.Shared));
    }

    [Fact]
    public void CaseKey_WrapToMalformedPublicKey_Fails()
    {
        Assert.Throws<CryptoFormatException>(() => CaseKeys.Wrap(CaseKeys.Generate(), new byte[32], _caseId, CaseKeyKind.Shared));
        Assert.Throws<CryptoFormatException>(() => CaseKeys.Wrap(CaseKeys.Generate(), new byte[33], _caseId, CaseKeyKind.Shared));
    }

    [Fact]
    public void Record_RoundTrips_AndLayoutIsAsDocumented()
    {
        var key = CaseKeys.Generate();
        var blob = Records.Seal(key, _caseId, _recordId, RecordKind.Answers, "answers"u8);
        Assert.Equal(Records.Overhead + 7, blob.Length);
        Assert.Equal(new byte[] { 1, 2, 0, 2 }, blob[..4]);
        Assert.Equal("answers"u8.ToArray(), Records.Open(key, _caseId, _recordId, RecordKind.Answers, blob));
    }

    [Fact]
    public void Record_AnyFlippedBit_Fails()
    {
        var key = CaseKeys.Generate();
        var blob = Records.Seal(key, _caseId, _recordId, RecordKind.Note, "a short internal note"u8);
        EveryBitFlipFails(blob, b => Records.Open(key, _caseId, _recordId, RecordKind.Note, b));
    }

    [Fact]
    public void Record_MovedToAnotherCaseRecordOrField_Fails()
    {
        var key = CaseKeys.Generate();
        var blob = Records.Seal(key, _caseId, _recordId, RecordKind.Identity, "Kari Nordmann"u8);
        Assert.Throws<CryptoFormatException>(() => Records.Open(key, Guid.NewGuid(), _recordId, RecordKind.Identity, blob));
        Assert.Throws<CryptoFormatException>(() => Records.Open(key, _caseId, Guid.NewGuid(), RecordKind.Identity, blob));
        Assert.Throws<CryptoFormatException>(() => Records.Open(key, _caseId, _recordId, RecordKind.Message, blob));
        Assert.Throws<CryptoFormatException>(() => Records.Open(CaseKeys.Generate(), _caseId, _recordId, RecordKind.Identity, blob));
        Assert.Throws<CryptoFormatException>(() => Records.Open(key, _caseId, _recordId, RecordKind.Identity, blob[..(Records.Overhead - 1)]));
    }

    [Fact]
    public void Record_UnknownVersionOrAead_SaysSo()
    {
        var key = CaseKeys.Generate();
        var blob = Records.Seal(key, _caseId, _recordId, RecordKind.Summary, "s"u8);
        blob[0] = 9;
        Assert.Contains("version 9", Assert.Throws<CryptoFormatException>(() => Records.Open(key, _caseId, _recordId, RecordKind.Summary, blob)).Message);
        blob[0] = 1;
        blob[3] = 3;
        Assert.Contains("AEAD 0x0003", Assert.Throws<CryptoFormatException>(() => Records.Open(key, _caseId, _recordId, RecordKind.Summary, blob)).Message);
    }

    [Fact]
    public void PrivateKey_DirectWrap_AnyFlippedBit_Fails()
    {
        using var pair = X25519KeyPair.Generate();
        var key = RandomNumberGenerator.GetBytes(32);
        var blob = PrivateKeyWrap.WrapWithKey(pair, key);
        Assert.Equal(PrivateKeyWrap.WrappedLength, blob.Length);
        Assert.Equal(124, blob.Length);
        EveryBitFlipFails(blob, b => PrivateKeyWrap.UnwrapWithKey(b, key).Dispose());
    }

    [Fact]
    public void PrivateKey_PasswordWrap_FlippedHeaderSaltPublicKeyNonceOrCiphertext_Fails()
    {
        using var pair = X25519KeyPair.Generate();
        var blob = PrivateKeyWrap.WrapWithPassword(pair, "correct horse", _cheap);
        // Every bit of every byte except the high bytes of m and t (which would legitimately make the derivation
        // expensive before failing; the bounds test below covers them).
        for (var i = 0; i < blob.Length; i++)
        {
            if (i is >= 7 and <= 9 or >= 11 and <= 13)
            {
                continue;
            }

            for (var bit = 0; bit < 8; bit++)
            {
                var copy = (byte[])blob.Clone();
                copy[i] ^= (byte)(1 << bit);
                Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(copy, "correct horse"));
            }
        }

        var memory = (byte[])blob.Clone();
        memory[7] = 0xFF;
        Assert.Contains("Argon2id parameters", Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(memory, "correct horse")).Message);
        var passes = (byte[])blob.Clone();
        passes[14] = 17;
        Assert.Contains("Argon2id parameters", Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(passes, "correct horse")).Message);
        var lanes = (byte[])blob.Clone();
        lanes[15] = 2;
        Assert.Contains("Argon2id parameters", Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(lanes, "correct horse")).Message);
        var kdf = (byte[])blob.Clone();
        kdf[6] = 7;
        Assert.Contains("key derivation 7", Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(kdf, "correct horse")).Message);
        var pbkdf2 = (byte[])blob.Clone();
        pbkdf2[6] = 1;
        Assert.Contains("key derivation 1", Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(pbkdf2, "correct horse")).Message);
        Assert.False(BlobHeader.IsAccepted(pbkdf2, BlobType.WrappedPrivateKey));
        Assert.True(BlobHeader.IsAccepted(blob, BlobType.WrappedPrivateKey));
    }

    [Fact]
    public void PrivateKey_WrongPassword_Fails_AndRightOneWorks()
    {
        using var pair = X25519KeyPair.Generate();
        var blob = PrivateKeyWrap.WrapWithPassword(pair, "correct horse", _cheap);
        var ex = Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(blob, "Correct horse"));
        Assert.DoesNotContain("correct horse", ex.Message, StringComparison.OrdinalIgnoreCase);
        using var back = PrivateKeyWrap.UnwrapWithPassword(blob, "correct horse");
        Assert.Equal(pair.ExportPrivateKey(), back.ExportPrivateKey());
        Assert.Equal(pair.PublicKey, PrivateKeyWrap.ReadPublicKey(blob));
    }

    [Fact]
    public void PrivateKey_PasswordNormalisedToNfc()
    {
        using var pair = X25519KeyPair.Generate();
        var blob = PrivateKeyWrap.WrapWithPassword(pair, "cre\u0301me", _cheap);
        using var back = PrivateKeyWrap.UnwrapWithPassword(blob, "cr\u00e9me");
        Assert.Equal(pair.PublicKey, back.PublicKey);
    }

    [Fact]
    public void PrivateKey_DefaultPasswordWrap_RecordsTheMeasuredArgon2idParameters()
    {
        Assert.Equal(new Argon2idParameters(128 * 1024, 3), Argon2idParameters.Default);
        using var pair = X25519KeyPair.Generate();
        var blob = PrivateKeyWrap.WrapWithPassword(pair, "pw");
        Assert.Equal((byte)KeyWrapKdf.Argon2id, blob[6]);
        Assert.Equal(128u * 1024, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(7)));
        Assert.Equal(3u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(11)));
        Assert.Equal(1, blob[15]);
        Assert.Equal((KeyWrapKdf.Argon2id, Argon2idParameters.Default), PrivateKeyWrap.ReadKdf(blob));
        using var back = PrivateKeyWrap.UnwrapWithPassword(blob, "pw");
        Assert.Equal(pair.PublicKey, back.PublicKey);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(256, 2)]
    [InlineData(1024, 4)]
    public void PrivateKey_BlobWithOtherArgon2idParameters_StillOpens_WithTheParametersItRecords(int memoryKiB, int passes)
    {
        using var pair = X25519KeyPair.Generate();
        var parameters = new Argon2idParameters(memoryKiB, passes);
        var blob = PrivateKeyWrap.WrapWithPassword(pair, "pw", parameters);
        Assert.Equal((KeyWrapKdf.Argon2id, parameters), PrivateKeyWrap.ReadKdf(blob));
        using var back = PrivateKeyWrap.UnwrapWithPassword(blob, "pw");
        Assert.Equal(pair.ExportPrivateKey(), back.ExportPrivateKey());
    }

    [Fact]
    public void PrivateKey_RecoverySecretWrap_UsesArgon2id_AndOnlyThatSecretOpensIt()
    {
        using var pair = X25519KeyPair.Generate();
        var secret = RandomNumberGenerator.GetBytes(32);
        var blob = PrivateKeyWrap.WrapWithSecret(pair, secret, _cheap);
        Assert.Equal(KeyWrapKdf.Argon2id, PrivateKeyWrap.ReadKdf(blob).Kdf);
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithSecret(blob, RandomNumberGenerator.GetBytes(32)));
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithKey(blob, secret));
        using var back = PrivateKeyWrap.UnwrapWithSecret(blob, secret);
        Assert.Equal(pair.PublicKey, back.PublicKey);
    }

    [Fact]
    public void PrivateKey_KindMismatchAndWrongKey_Fail()
    {
        using var pair = X25519KeyPair.Generate();
        var key = RandomNumberGenerator.GetBytes(32);
        var direct = PrivateKeyWrap.WrapWithKey(pair, key);
        var password = PrivateKeyWrap.WrapWithPassword(pair, "pw", _cheap);
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithKey(direct, RandomNumberGenerator.GetBytes(32)));
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(direct, "pw"));
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithKey(password, key));
    }

    [Fact]
    public void Session_NeitherBlobNorKeyAloneSuffices_BothTogetherDo()
    {
        using var pair = X25519KeyPair.Generate();
        var stored = PrivateKeyWrap.WrapWithPassword(pair, "hunter2!", _cheap);
        var session = PrivateKeyWrap.RewrapForSession(stored, "hunter2!");
        Assert.Equal(32, session.SessionKey.Length);
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.RewrapForSession(stored, "hunter3!"));
        // The blob holds no secret that opens it; a different session's key does not open it.
        var otherSession = PrivateKeyWrap.RewrapForSession(pair);
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithKey(session.Blob, otherSession.SessionKey));
        Assert.False(session.Blob.AsSpan().IndexOf(session.SessionKey) >= 0);
        using var unlocked = PrivateKeyWrap.UnwrapWithKey(session.Blob, session.SessionKey);
        Assert.Equal(pair.ExportPrivateKey(), unlocked.ExportPrivateKey());
    }
}
