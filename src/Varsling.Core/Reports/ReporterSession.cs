namespace Varsling.Core.Reports;

/// <summary>
/// The server half of a no-JavaScript mailbox session (architecture.md §3, §5): the reporter's private key re-wrapped
/// under a random session key that lives only in the reporter's data-protected cookie. Neither the row nor the
/// cookie alone yields the key. Sessions end on logout, after an idle period, or at an absolute cap.
/// </summary>
public sealed class ReporterSession : IOrganisationOwned
{
    private ReporterSession() { }

    public ReporterSession(Guid id, Guid organisationId, Guid caseId, byte[] wrappedKey, DateTimeOffset createdAt)
    {
        Id = id;
        OrganisationId = organisationId;
        CaseId = caseId;
        WrappedKey = wrappedKey;
        CreatedAt = createdAt;
        LastSeenAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }

    /// <summary>A protocol.md §8 session blob; empty for a JavaScript session, whose key stays in the browser.</summary>
    public byte[] WrappedKey { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }

    internal void Touch(DateTimeOffset now) => LastSeenAt = now;
}

/// <summary>
/// Per-deployment settings that are not an organisation's: the public receipt-code salt (protocol.md §7). One row,
/// created on first use with a random salt.
/// </summary>
public sealed class Deployment
{
    public const int SingletonId = 1;
    public const int SaltLength = 32;

    private Deployment() { }

    internal Deployment(byte[] receiptSalt)
    {
        Id = SingletonId;
        ReceiptSalt = receiptSalt;
    }

    public int Id { get; private set; }
    public byte[] ReceiptSalt { get; private set; } = [];
}
