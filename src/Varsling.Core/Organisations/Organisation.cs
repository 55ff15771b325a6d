namespace Varsling.Core.Organisations;

/// <summary>A customer of the deployment. Every organisation has its own URL space on the intake site.</summary>
public sealed class Organisation
{
    public const int DefaultRetentionMonths = 24;

    private Organisation() { }

    public Organisation(Guid id, string slug, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Slug = Slugs.Require(slug);
        Name = Names.Require(name, "organisation name");
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>URL segment of the organisation's intake pages: lower-case letters, digits and dashes.</summary>
    public string Slug { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Months after closure when a case is purged, unless a legal entity overrides it.</summary>
    public int RetentionMonths { get; private set; } = DefaultRetentionMonths;

    public DateTimeOffset CreatedAt { get; private set; }

    public void SetRetention(int months) => RetentionMonths = Retention.Require(months);
}
