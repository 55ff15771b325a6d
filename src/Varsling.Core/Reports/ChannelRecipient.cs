namespace Varsling.Core.Reports;

/// <summary>
/// A handler's membership of a channel: the channel's new cases are sealed to the member's current public key
/// (read from <c>user_keys</c> when a report is filed), so a member who re-enrols after losing their key receives
/// new cases under the new key. A member with no key yet (not enrolled, or reset) or deactivated by an administrator
/// is skipped; a channel with no active member who holds a key accepts no report, so no case is ever filed that
/// nobody can read.
/// </summary>
public sealed class ChannelRecipient : IOrganisationOwned
{
    private ChannelRecipient() { }

    public ChannelRecipient(Guid id, Guid organisationId, Guid channelId, Guid userId)
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
