namespace Varsling.Core.Organisations;

/// <summary>
/// A company or body inside an organisation that receives reports. It owns the jurisdiction (time zone and
/// public holidays) that the clock counts in, because a Norwegian group may have Swedish subsidiaries.
/// </summary>
public sealed class LegalEntity : IOrganisationOwned
{
    private LegalEntity() { }

    public LegalEntity(Guid id, Guid organisationId, string name, string jurisdictionCode)
    {
        Id = id;
        OrganisationId = organisationId;
        Name = Names.Require(name, "legal entity name");
        JurisdictionCode = JurisdictionCodes.Require(jurisdictionCode);
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>Code of the jurisdiction whose calendar the clock uses (e.g. NO, SE, DK, EU).</summary>
    public string JurisdictionCode { get; private set; } = "";

    /// <summary>Overrides the organisation's retention when set.</summary>
    public int? RetentionMonths { get; private set; }

    public void SetRetention(int? months) => RetentionMonths = months is null ? null : Retention.Require(months.Value);

    public void Rename(string name) => Name = Names.Require(name, "legal entity name");

    /// <summary>Changes the calendar for deadlines computed from now on; stored deadlines of existing cases stay.</summary>
    public void SetJurisdiction(string code) => JurisdictionCode = JurisdictionCodes.Require(code);

    /// <summary>Optimistic concurrency token (PostgreSQL xmin), so two administrators cannot overwrite each other's edits.</summary>
    public uint Version { get; private set; }
}
