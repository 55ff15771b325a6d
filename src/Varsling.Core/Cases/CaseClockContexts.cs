using Varsling.Core.Deadlines;
using Varsling.Core.Organisations;

namespace Varsling.Core.Cases;

/// <summary>Builds a case's <see cref="CaseClockContext"/> from where it was filed, so every service counts alike.</summary>
public static class CaseClockContexts
{
    /// <summary>
    /// The legal entity's jurisdiction; the legal entity's retention if it sets one, else the organisation's; the
    /// channel's kind for the external-channel rules.
    /// </summary>
    public static CaseClockContext For(Organisation organisation, LegalEntity legalEntity, Channel channel) => new(
        Jurisdictions.Get(legalEntity.JurisdictionCode),
        ClockPolicy.Default with { RetentionMonths = legalEntity.RetentionMonths ?? organisation.RetentionMonths },
        channel.Kind == ChannelKind.External);
}
