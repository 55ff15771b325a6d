namespace Varsling.Core.Data;

/// <summary>
/// The organisation the current unit of work (a request, a CLI command) acts for. The DbContext filters every
/// organisation-owned query by it; while it is unset, those queries return nothing.
/// </summary>
public sealed class OrganisationScope
{
    public Guid? OrganisationId { get; private set; }

    public void Enter(Guid organisationId)
    {
        if (OrganisationId is { } current && current != organisationId)
        {
            throw new InvalidOperationException("The scope already acts for another organisation.");
        }

        OrganisationId = organisationId;
    }
}
