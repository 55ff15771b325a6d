namespace Varsling.Core.Organisations;

/// <summary>
/// An extra question a channel's report form asks after the standard ones. The question's text is copied into the
/// sealed answers when a report is filed, so a later rename or removal never changes what a reporter answered.
/// </summary>
public sealed class ChannelQuestion : IOrganisationOwned
{
    public const int MaxLength = Questions.MaxLength;
    public const int MaxPerChannel = Questions.MaxPerChannel;

    private ChannelQuestion() { }

    public ChannelQuestion(Guid id, Guid organisationId, Guid channelId, string text, bool required, int sortOrder)
    {
        Id = id;
        OrganisationId = organisationId;
        ChannelId = channelId;
        Change(text, required);
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ChannelId { get; private set; }

    /// <summary>The question as the report form shows it, in the channel's language.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The form refuses a report that leaves a required question empty.</summary>
    public bool Required { get; private set; }

    public int SortOrder { get; internal set; }

    public void Change(string text, bool required)
    {
        Text = Texts.Require(text, "question", MaxLength);
        Required = required;
    }
}
