using Varsling.WebCommon;

namespace Varsling.Backoffice;

/// <summary>The back office's texts in Norwegian Bokmål and English.</summary>
public sealed class BackofficeTexts : TextCatalog
{
    public BackofficeTexts()
    {
        Add("site.name", "Varsling – saksbehandling", "Varsling – case handling");
        Add("nav.skip", "Hopp til innhold", "Skip to content");
        Add("nav.language", "English", "Norsk (bokmål)");
        Add("nav.languageLabel", "Språk", "Language");
        Add("home.title", "Saksbehandling", "Case handling");
        Add("home.lead",
            "Her behandler saksbehandlere, juridisk avdeling og administratorer varslingssaker. Innlogging krever tofaktorautentisering.",
            "Case handlers, the legal team and administrators work whistleblowing cases here. Signing in requires two-factor authentication.");
        Add("home.confidential",
            "Alt du ser her er taushetsbelagt. Varslerens identitet skal bare være kjent for dem som er utpekt til å behandle saken.",
            "Everything you see here is confidential. The reporter's identity may be known only to those designated to handle the case.");
        Add("footer.confidential", "Fortrolig. Hver visning loggføres.", "Confidential. Every view is logged.");
    }
}
