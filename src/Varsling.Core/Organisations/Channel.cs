namespace Varsling.Core.Organisations;

/// <summary>Whether a channel is the organisation's own (internal) or an authority's (external).</summary>
public enum ChannelKind
{
    /// <summary>Directive Art. 7–9: the employer's own channel. Feedback within 3 months, no extension.</summary>
    Internal,

    /// <summary>Directive Art. 10–12: an authority's channel. Feedback may be extended to 6 months with reasons.</summary>
    External,
}

/// <summary>A way into the organisation for reports, tied to the legal entity that handles them.</summary>
public sealed class Channel : IOrganisationOwned
{
    private readonly List<Category> _categories = [];

    private Channel() { }

    public Channel(Guid id, Guid organisationId, Guid legalEntityId, string slug, string name, ChannelKind kind)
    {
        Id = id;
        OrganisationId = organisationId;
        LegalEntityId = legalEntityId;
        Slug = Slugs.Require(slug);
        Name = Names.Require(name, "channel name");
        Kind = kind;
        IsOpen = true;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid LegalEntityId { get; private set; }
    public LegalEntity? LegalEntity { get; private set; }

    /// <summary>URL segment under the organisation's intake pages; unique within the organisation.</summary>
    public string Slug { get; private set; } = "";

    public string Name { get; private set; } = "";
    public ChannelKind Kind { get; private set; }

    /// <summary>When set, a template acknowledgement is sent on submission and recorded for the clock.</summary>
    public bool AutoAcknowledge { get; private set; }

    /// <summary>A closed channel accepts no new reports; its cases carry on.</summary>
    public bool IsOpen { get; private set; }

    public IReadOnlyList<Category> Categories => _categories;

    // Access: custodian identity release.
    /// <summary>
    /// When set, new cases wrap the identity key only to the channel's custodians; other handlers get it only when a
    /// custodian approves a release (architecture.md §2).
    /// </summary>
    public bool IdentityHeldByCustodians { get; private set; }

    public void SetIdentityHeldByCustodians(bool on) => IdentityHeldByCustodians = on;

    public Category AddCategory(Guid id, string name)
    {
        if (_categories.Any(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolationException($"The channel already has a category named '{name.Trim()}'.");
        }

        var category = new Category(id, OrganisationId, Id, name, _categories.Count);
        _categories.Add(category);
        return category;
    }

    /// <summary>Renames a category; the name stays unique within the channel.</summary>
    public void RenameCategory(Guid categoryId, string name)
    {
        var category = FindCategory(categoryId);
        var trimmed = Names.Require(name, "category name");
        if (_categories.Any(c => c.Id != categoryId && string.Equals(c.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new RuleViolationException($"The channel already has a category named '{trimmed}'.");
        }

        category.Rename(trimmed);
    }

    /// <summary>Moves a category one place up (<paramref name="offset"/> -1) or down (+1); at either end nothing moves.</summary>
    public void MoveCategory(Guid categoryId, int offset)
    {
        var ordered = _categories.OrderBy(c => c.SortOrder).ToList();
        var index = ordered.IndexOf(FindCategory(categoryId));
        var target = index + Math.Sign(offset);
        if (target < 0 || target >= ordered.Count)
        {
            return;
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].SortOrder = i;
        }
    }

    /// <summary>Removes a category; the caller must have checked that no case uses it.</summary>
    public void RemoveCategory(Guid categoryId)
    {
        _categories.Remove(FindCategory(categoryId));
        var i = 0;
        foreach (var c in _categories.OrderBy(c => c.SortOrder))
        {
            c.SortOrder = i++;
        }
    }

    public void Rename(string name) => Name = Names.Require(name, "channel name");

    public void SetSlug(string slug) => Slug = Slugs.Require(slug);

    public void SetKind(ChannelKind kind) => Kind = Enum.IsDefined(kind) ? kind : throw new RuleViolationException("Unknown channel kind.");

    /// <summary>New cases of the channel are handled by this legal entity; existing cases keep theirs.</summary>
    public void SetLegalEntity(Guid legalEntityId) => LegalEntityId = legalEntityId;

    public void SetAutoAcknowledge(bool on) => AutoAcknowledge = on;

    public void Close() => IsOpen = false;

    public void Open() => IsOpen = true;

    /// <summary>Optimistic concurrency token (PostgreSQL xmin), so two administrators cannot overwrite each other's edits.</summary>
    public uint Version { get; private set; }

    private Category FindCategory(Guid categoryId) =>
        _categories.SingleOrDefault(c => c.Id == categoryId) ?? throw new NotFoundException("No such category.");
}

/// <summary>What a report is about, as the reporter picks it (e.g. harassment, fraud, safety).</summary>
public sealed class Category : IOrganisationOwned
{
    private Category() { }

    internal Category(Guid id, Guid organisationId, Guid channelId, string name, int sortOrder)
    {
        Id = id;
        OrganisationId = organisationId;
        ChannelId = channelId;
        Name = Names.Require(name, "category name");
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid ChannelId { get; private set; }
    public string Name { get; private set; } = "";
    public int SortOrder { get; internal set; }

    internal void Rename(string name) => Name = name;
}
