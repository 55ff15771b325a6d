namespace Varsling.Core;

/// <summary>
/// A row that belongs to one organisation. The DbContext filters every query on such rows by the
/// organisation of the current scope, and an unset scope matches nothing (fail closed).
/// </summary>
public interface IOrganisationOwned
{
    Guid OrganisationId { get; }
}
