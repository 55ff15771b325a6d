using PdfSharp.Fonts;

namespace Varsling.Core.Exports.Pdf;

/// <summary>
/// PDFsharp's font source: DejaVu Sans and DejaVu Sans Bold, shipped in this assembly as embedded resources
/// (Exports/Pdf/Fonts, with their licence), so a PDF renders the same on any machine and needs no installed font.
/// DejaVu Sans covers Latin (Norwegian, Sámi, Swedish, Danish, Finnish, Polish, …), Greek and Cyrillic. There is no
/// italic face: italic asks get the upright one.
/// </summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    /// <summary>The family name documents ask for.</summary>
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock s_lock = new();

    /// <summary>
    /// Makes these fonts PDFsharp's font resolver. PDFsharp holds one resolver per process and must not get another
    /// once fonts were resolved, so this sets it once and is a no-op afterwards; safe to call from any thread.
    /// </summary>
    public static void Register()
    {
        lock (s_lock)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase) ? new FontResolverInfo(bold ? Bold : Regular) : null;

    public byte[]? GetFont(string faceName)
    {
        if (faceName is not (Regular or Bold))
        {
            return null;
        }

        using var resource = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"Varsling.Core.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is missing from the assembly's resources.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }
}
