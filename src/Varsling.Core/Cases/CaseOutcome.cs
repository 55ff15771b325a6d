namespace Varsling.Core.Cases;

/// <summary>How a case ended, recorded at closure. Content-free, so it survives the purge for statistics.</summary>
public enum CaseOutcome
{
    /// <summary>The wrongdoing was confirmed and followed up.</summary>
    Substantiated,

    /// <summary>Part of what was reported was confirmed.</summary>
    PartlySubstantiated,

    /// <summary>The follow-up did not confirm the report.</summary>
    NotSubstantiated,

    /// <summary>The report was too thin to follow up and the reporter could not add more.</summary>
    InsufficientInformation,

    /// <summary>Not a matter for the whistleblowing rules (e.g. a personal work grievance); handled elsewhere.</summary>
    OutsideScope,

    /// <summary>Referred to a competent authority or another body.</summary>
    Referred,

    /// <summary>The reporter withdrew the report.</summary>
    Withdrawn,
}
