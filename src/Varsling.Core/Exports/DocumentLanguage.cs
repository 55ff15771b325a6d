namespace Varsling.Core.Exports;

/// <summary>The language of a generated document's labels: the language of the page that asked for it.</summary>
public enum DocumentLanguage
{
    Norwegian,
    English,
}

/// <summary>A label in both languages.</summary>
internal readonly record struct Label(string Norwegian, string English)
{
    public string In(DocumentLanguage language) => language switch
    {
        DocumentLanguage.Norwegian => Norwegian,
        DocumentLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };
}
