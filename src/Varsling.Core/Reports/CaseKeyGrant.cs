using Varsling.Crypto;

namespace Varsling.Core.Reports;

/// <summary>Who holds a wrapped case key: a handler (by user id) or the case's reporter.</summary>
public enum KeyHolder
{
    Handler,
    Reporter,
}

/// <summary>
/// One case key (shared, identity, internal or summary) wrapped to one holder (architecture.md §2). The reporter only
/// ever holds the shared key; handlers hold all four.
/// </summary>
public sealed class CaseKeyGrant : IOrganisationOwned
{
    private CaseKeyGrant() { }

    public CaseKeyGrant(Guid id, Guid organisationId, Guid caseId, KeyHolder holder, Guid? userId, CaseKeyKind kind, byte[] wrappedKey)
    {
        if ((holder == KeyHolder.Handler) != userId.HasValue)
        {
            throw new RuleViolationException("A handler's key names the handler; the reporter's names nobody.");
        }

        if (holder == KeyHolder.Reporter && kind != CaseKeyKind.Shared)
        {
            throw new RuleViolationException("The reporter may hold only the case's shared key.");
        }

        if (wrappedKey.Length != CaseKeys.WrappedLength)
        {
            throw new RuleViolationException("A wrapped case key has the wrong length.");
        }

        Id = id;
        OrganisationId = organisationId;
        CaseId = caseId;
        Holder = holder;
        UserId = userId;
        Kind = kind;
        WrappedKey = wrappedKey;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public KeyHolder Holder { get; private set; }
    public Guid? UserId { get; private set; }
    public CaseKeyKind Kind { get; private set; }

    /// <summary>The HPKE-wrapped key (protocol.md §3), bound to the case id and kind.</summary>
    public byte[] WrappedKey { get; private set; } = [];
}
