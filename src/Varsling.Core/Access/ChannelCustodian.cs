namespace Varsling.Core.Access;

/// <summary>
/// A channel member designated to hold reporters' identity keys when the channel's identity is held by custodians:
/// new cases wrap the identity key to custodians only, and a custodian approves or refuses release requests.
/// </summary>
public sealed class ChannelCustodian : IOrganisationOwned
{
    private ChannelCustodian() { }

    public ChannelCustodian(Guid id, Guid organisationId, Guid channelId, Guid userId)
    {
        Id = id;
        OrganisationId = organisationId;
        ChannelId = channelId;
        UserId = userId;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ChannelId { get; private set; }
    public Guid UserId { get; private set; }
}
