using System.Globalization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Varsling.WebCommon;

/// <summary>
/// The site's languages. The language is part of every page's URL (<c>/nb/…</c>, <c>/en/…</c>), never a cookie, so
/// choosing one leaves nothing behind on the device.
/// </summary>
public static class Languages
{
    public const string Norwegian = "nb";
    public const string English = "en";
    public const string Default = Norwegian;
    public const string RouteKey = "lang";

    public static readonly IReadOnlyList<string> All = [Norwegian, English];

    public static bool IsNorwegian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "nb" or "no";

    /// <summary>The language of the current request, as it appears in URLs.</summary>
    public static string Current => IsNorwegian ? Norwegian : English;

    public static string Other => IsNorwegian ? English : Norwegian;
}

/// <summary>Prefixes every Razor page route with <c>{lang}</c>, constrained to the supported languages.</summary>
internal sealed class LanguageRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            selector.AttributeRouteModel!.Template = "{" + Languages.RouteKey + ":regex(^(nb|en)$)}" + (template.Length > 0 ? "/" + template : "");
        }
    }
}

/// <summary>
/// A host's user-interface texts: every entry has both languages by construction, so no page can show a key or
/// fall back to the other language silently.
/// </summary>
public abstract class TextCatalog
{
    private readonly Dictionary<string, (string Nb, string En)> _texts = new(StringComparer.Ordinal);

    protected void Add(string key, string nb, string en) => _texts.Add(key, (nb, en));

    public string this[string key] => _texts.TryGetValue(key, out var t)
        ? (Languages.IsNorwegian ? t.Nb : t.En)
        : throw new KeyNotFoundException($"No text '{key}' in {GetType().Name}.");

    public IReadOnlyCollection<string> Keys => _texts.Keys;
}
