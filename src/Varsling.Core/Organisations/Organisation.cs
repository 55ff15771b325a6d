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

    public void Rename(string name) => Name = Names.Require(name, "organisation name");

    /// <summary>The data controller named in the privacy notice (usually the organisation's legal name).</summary>
    public string ControllerName { get; private set; } = "";

    /// <summary>How to reach the controller about personal data: postal address, e-mail or both.</summary>
    public string ControllerContact { get; private set; } = "";

    /// <summary>The data protection officer's contact, when the organisation has one.</summary>
    public string? DpoContact { get; private set; }

    /// <summary>Processors and other recipients, as the privacy notice lists them (e.g. the hosting provider).</summary>
    public string? Processors { get; private set; }

    /// <summary>The privacy notice's facts; without them the intake site shows a notice naming the organisation only.</summary>
    public void SetPrivacy(string controllerName, string controllerContact, string? dpoContact, string? processors)
    {
        ControllerName = Names.Require(controllerName, "controller name");
        ControllerContact = Texts.Require(controllerContact, "controller contact", Texts.ContactMaxLength);
        DpoContact = Texts.Optional(dpoContact, "DPO contact", Texts.ContactMaxLength);
        Processors = Texts.Optional(processors, "processors", Texts.ProcessorsMaxLength);
    }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin), so two administrators cannot overwrite each other's settings.</summary>
    public uint Version { get; private set; }

    // Reminder offsets per organisation (administration); null means the deployment's configuration applies.

    /// <summary>Days relative to each legal due date when handlers are reminded; null: the configured default.</summary>
    public int[]? ReminderOffsetDays { get; private set; }

    /// <summary>Days before a closed case's purge when its handlers are told; null: the configured default.</summary>
    public int? PurgeNoticeDays { get; private set; }

    /// <summary>Sets or (with nulls) clears the organisation's reminder offsets; offsets are kept sorted and distinct.</summary>
    public void SetReminders(IReadOnlyCollection<int>? offsetDays, int? purgeNoticeDays)
    {
        ReminderOffsetDays = offsetDays is null ? null : Reminders.RequireOffsets(offsetDays);
        PurgeNoticeDays = purgeNoticeDays is null ? null : Reminders.RequirePurgeNotice(purgeNoticeDays.Value);
    }

    // Record of processing (GDPR Art. 30).

    /// <summary>
    /// Transfers of personal data to third countries or international organisations, with their safeguards, as the
    /// record of processing states them; null means none.
    /// </summary>
    public string? ThirdCountryTransfers { get; private set; }

    public void SetThirdCountryTransfers(string? transfers) =>
        ThirdCountryTransfers = Texts.Optional(transfers, "third-country transfers", Texts.TransfersMaxLength);
}
