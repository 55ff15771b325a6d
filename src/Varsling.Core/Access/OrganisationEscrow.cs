namespace Varsling.Core.Access;

/// <summary>
/// An organisation's escrow key (crypto-docs/key-hierarchy.md, "Escrow"): the public key every person's private key is
/// sealed to, and the private key wrapped directly (protocol.md §6, kdf 0x00) under the escrow recovery key that was
/// shown once to the admin who turned escrow on. The server stores nothing that opens the private key.
/// </summary>
public sealed class OrganisationEscrow : IOrganisationOwned
{
    private OrganisationEscrow() { }

    public OrganisationEscrow(Guid organisationId, byte[] publicKey, byte[] wrappedPrivateKey, Guid enabledBy, DateTimeOffset enabledAt)
    {
        OrganisationId = organisationId;
        PublicKey = publicKey;
        WrappedPrivateKey = wrappedPrivateKey;
        EnabledBy = enabledBy;
        EnabledAt = enabledAt;
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>Uncompressed SEC1 point (65 bytes).</summary>
    public byte[] PublicKey { get; private set; } = [];

    /// <summary>The escrow private key wrapped under the escrow recovery key.</summary>
    public byte[] WrappedPrivateKey { get; private set; } = [];

    public Guid EnabledBy { get; private set; }

    public DateTimeOffset EnabledAt { get; private set; }
}
