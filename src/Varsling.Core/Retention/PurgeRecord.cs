using Varsling.Core.Cases;

namespace Varsling.Core.Retention;

/// <summary>
/// What survives a purged case: enough for statistics and accountability, nothing about any person (compliance.md
/// §2). Months, not days, so the record cannot be matched to a person's known absence or a meeting.
/// </summary>
public sealed class PurgeRecord : IOrganisationOwned
{
    public const int CategoryNameMaxLength = 200;

    private PurgeRecord() { }

    public PurgeRecord(Guid id, Guid organisationId, Guid legalEntityId, Guid channelId, string caseReference,
        string? categoryName, DateOnly receivedMonth, DateOnly closedMonth, DateOnly purgeDue, DateTimeOffset purgedAt, CaseOutcome? outcome)
    {
        Id = id;
        OrganisationId = organisationId;
        LegalEntityId = legalEntityId;
        ChannelId = channelId;
        CaseReference = caseReference;
        CategoryName = categoryName;
        ReceivedMonth = new DateOnly(receivedMonth.Year, receivedMonth.Month, 1);
        ClosedMonth = new DateOnly(closedMonth.Year, closedMonth.Month, 1);
        PurgeDue = purgeDue;
        PurgedAt = purgedAt.ToUniversalTime();
        Outcome = outcome;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid LegalEntityId { get; private set; }
    public Guid ChannelId { get; private set; }

    /// <summary>The case's reference, which carries no content; it lets an audit entry be matched to the purge.</summary>
    public string CaseReference { get; private set; } = "";

    /// <summary>The category as it was named at purge time (a configuration value, not personal data).</summary>
    public string? CategoryName { get; private set; }

    /// <summary>First day of the month of receipt (local).</summary>
    public DateOnly ReceivedMonth { get; private set; }

    /// <summary>First day of the month of closure (local).</summary>
    public DateOnly ClosedMonth { get; private set; }

    public DateOnly PurgeDue { get; private set; }
    public DateTimeOffset PurgedAt { get; private set; }

    /// <summary>How the case ended (null only for cases closed before outcomes were recorded).</summary>
    public CaseOutcome? Outcome { get; private set; }
}
