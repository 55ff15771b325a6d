using Varsling.Crypto;

namespace Varsling.Crypto.Tests;

/// <summary>The escrowed private key blob of protocol.md §10: round trip, binding to organisation and person, and refusals.</summary>
public sealed class EscrowWrapTests
{
    private static readonly Guid s_org = Guid.Parse("0b9f5c1e-4d2a-4e8b-9c3f-7a1d2e3f4a5b");
    private static readonly Guid s_user = Guid.Parse("1c8e4d2f-5e3b-4f9c-8d4a-6b2c3d4e5f60");

    [Fact]
    public void Seal_ThenOpenWithTheEscrowKey_GivesBackTheSameKeyPair()
    {
        using var person = X25519KeyPair.Generate();
        using var escrow = X25519KeyPair.Generate();

        var blob = EscrowWrap.Seal(person, escrow.PublicKey, s_org, s_user);
        using var opened = EscrowWrap.Open(blob, escrow, s_org, s_user);

        Assert.Equal(EscrowWrap.WrappedLength, blob.Length);
        Assert.Equal(120, blob.Length);
        Assert.Equal([0x01, 0x05, 0x00, 0x20, 0x00, 0x01, 0x00, 0x02], blob[..8]);
        Assert.Equal(person.PublicKey, opened.PublicKey);
        Assert.Equal(person.ExportPrivateKey(), opened.ExportPrivateKey());
        Assert.Equal(person.PublicKey, EscrowWrap.ReadPublicKey(blob));
    }

    [Fact]
    public void Open_ForAnotherPersonOrOrganisationOrEscrowKey_FailsAuthentication()
    {
        using var person = X25519KeyPair.Generate();
        using var escrow = X25519KeyPair.Generate();
        using var otherEscrow = X25519KeyPair.Generate();
        var blob = EscrowWrap.Seal(person, escrow.PublicKey, s_org, s_user);

        Assert.Throws<CryptoFormatException>(() => EscrowWrap.Open(blob, escrow, s_org, Guid.NewGuid()));
        Assert.Throws<CryptoFormatException>(() => EscrowWrap.Open(blob, escrow, Guid.NewGuid(), s_user));
        Assert.Throws<CryptoFormatException>(() => EscrowWrap.Open(blob, otherEscrow, s_org, s_user));
    }

    [Fact]
    public void Open_WithASwappedPublicKeyOrWrongTypeOrLength_IsRefused()
    {
        using var person = X25519KeyPair.Generate();
        using var stranger = X25519KeyPair.Generate();
        using var escrow = X25519KeyPair.Generate();
        var blob = EscrowWrap.Seal(person, escrow.PublicKey, s_org, s_user);

        var swapped = (byte[])blob.Clone();
        stranger.PublicKey.CopyTo(swapped, 8);
        var retyped = (byte[])blob.Clone();
        retyped[1] = 0x04;

        Assert.Throws<CryptoFormatException>(() => EscrowWrap.Open(swapped, escrow, s_org, s_user));
        Assert.Throws<CryptoFormatException>(() => EscrowWrap.Open(retyped, escrow, s_org, s_user));
        Assert.Throws<CryptoFormatException>(() => EscrowWrap.Open(blob[..^1], escrow, s_org, s_user));
    }
}
