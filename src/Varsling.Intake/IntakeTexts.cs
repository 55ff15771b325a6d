using Varsling.WebCommon;

namespace Varsling.Intake;

/// <summary>The intake site's texts in Norwegian Bokmål and English.</summary>
public sealed class IntakeTexts : TextCatalog
{
    public IntakeTexts()
    {
        Add("site.name", "Varsling", "Varsling");
        Add("site.tagline", "Trygg og anonym varsling om kritikkverdige forhold", "Safe and anonymous reporting of wrongdoing");
        Add("nav.skip", "Hopp til innhold", "Skip to content");
        Add("nav.language", "English", "Norsk (bokmål)");
        Add("nav.languageLabel", "Språk", "Language");
        Add("home.title", "Si fra om kritikkverdige forhold", "Speak up about wrongdoing");
        Add("home.lead",
            "Her kan du varsle om kritikkverdige forhold hos en virksomhet, med eller uten navn. Det du skriver krypteres før det lagres, og bare de som behandler saken kan lese det.",
            "Here you can report wrongdoing at an organisation, with or without your name. What you write is encrypted before it is stored, and only the people who handle the case can read it.");
        Add("home.anonymity.title", "Slik holder du deg anonym", "How to stay anonymous");
        Add("home.anonymity.device", "Bruk en privat enhet, ikke arbeidsgiverens PC eller telefon.", "Use a private device, not your employer's computer or phone.");
        Add("home.anonymity.network", "Bruk ikke arbeidsgiverens nettverk.", "Do not use your employer's network.");
        Add("home.anonymity.tor", "Tor Browser skjuler hvor du kobler deg til fra.", "Tor Browser hides where you connect from.");
        Add("home.anonymity.nolog", "Vi lagrer ikke IP-adressen din, nettleseren din eller hvor du kom fra, og vi bruker ingen sporing.",
            "We do not store your IP address, your browser or where you came from, and we use no tracking.");
        Add("home.organisation", "Gå til varslingssiden til virksomheten din via lenken den har gitt deg.",
            "Go to your organisation's reporting page using the link it gave you.");
        Add("footer.noTracking", "Ingen sporing. Bare nødvendige informasjonskapsler.", "No tracking. Only strictly necessary cookies.");
    }
}
