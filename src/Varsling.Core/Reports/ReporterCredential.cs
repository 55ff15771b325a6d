using Varsling.Crypto;

namespace Varsling.Core.Reports;

/// <summary>
/// How a reporter gets back into their case: the SHA-256 of the receipt code's lookup token (unique), and the
/// reporter's key pair with the private key wrapped under the receipt-derived key (protocol.md §6–§7). Neither the
/// code nor the wrap key is ever stored.
/// </summary>
public sealed class ReporterCredential : IOrganisationOwned
{
    public const int LookupHashLength = 32;

    private ReporterCredential() { }

    public ReporterCredential(Guid caseId, Guid organisationId, byte[] lookupHash, byte[] wrappedPrivateKey)
    {
        if (lookupHash.Length != LookupHashLength)
        {
            throw new RuleViolationException("The lookup token hash has the wrong length.");
        }

        if (wrappedPrivateKey.Length != PrivateKeyWrap.WrappedLength)
        {
            throw new RuleViolationException("The reporter's wrapped key has the wrong length.");
        }

        CaseId = caseId;
        OrganisationId = organisationId;
        LookupHash = lookupHash;
        WrappedPrivateKey = wrappedPrivateKey;
        PublicKey = PrivateKeyWrap.ReadPublicKey(wrappedPrivateKey);
    }

    public Guid CaseId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public byte[] LookupHash { get; private set; } = [];

    /// <summary>The reporter's public key, as stored in the authenticated header of <see cref="WrappedPrivateKey"/>.</summary>
    public byte[] PublicKey { get; private set; } = [];

    public byte[] WrappedPrivateKey { get; private set; } = [];
}
