using Varsling.Crypto;

namespace Varsling.Core.Reports;

/// <summary>
/// A handler whose public key a channel's new cases are sealed to. Every new case of the channel wraps its shared,
/// identity, internal and summary keys to each recipient; a channel with no recipient accepts no report, so no case
/// is ever filed that nobody can read.
/// </summary>
public sealed class ChannelRecipient : IOrganisationOwned
{
    private ChannelRecipient() { }

    public ChannelRecipient(Guid id, Guid organisationId, Guid channelId, Guid userId, byte[] publicKey)
    {
        P256KeyPair.ValidatePublicKey(publicKey);
        Id = id;
        OrganisationId = organisationId;
        ChannelId = channelId;
        UserId = userId;
        PublicKey = publicKey;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ChannelId { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>The handler's P-256 public key, 65 bytes uncompressed (crypto-docs/protocol.md §2).</summary>
    public byte[] PublicKey { get; private set; } = [];
}
