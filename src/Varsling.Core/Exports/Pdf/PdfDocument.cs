using System.Globalization;
using System.Text;

namespace Varsling.Core.Exports.Pdf;

/// <summary>
/// A small PDF 1.7 writer (ISO 32000-1) for text documents: A4 pages, Helvetica and Helvetica-Bold (standard-14
/// fonts, WinAnsiEncoding, not embedded), word wrapping from the fonts' widths, automatic page breaks, a footer with
/// the title and "page n of N", FlateDecode content streams, a cross-reference table and /Info with the title and
/// creation date. Text outside code page 1252 is written as '?'.
/// The output is a pure function of the blocks and the info, so the same input and time give the same bytes.
/// </summary>
public static class PdfDocument
{
    // Fixed object numbers; page i (from 1) is object 4 + 2i and its content stream 5 + 2i.
    private const int CatalogObject = 1;
    private const int PagesObject = 2;
    private const int RegularFontObject = 3;
    private const int BoldFontObject = 4;
    private const int InfoObject = 5;
    private const int FirstPageObject = 6;

    /// <summary>
    /// Writes the document to <paramref name="output"/>. <paramref name="blocks"/> is enumerated twice (first to
    /// count the pages, then to draw them), so it must give the same blocks each time, as an iterator method does.
    /// </summary>
    public static async Task WriteAsync(Stream output, PdfDocumentInfo info, IEnumerable<PdfBlock> blocks, CancellationToken ct = default)
    {
        var counter = new PageComposer(info, pageCount: 0);
        foreach (var block in blocks)
        {
            counter.Add(block);
        }

        counter.Finish();
        var pageCount = counter.Pages;

        var file = new PdfFileWriter(output, FirstPageObject + 2 * pageCount);
        file.Raw("%PDF-1.7\n%"u8);
        file.Raw([0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        file.Object(CatalogObject, $"<< /Type /Catalog /Pages {PagesObject} 0 R >>");
        var kids = new StringBuilder();
        for (var p = 1; p <= pageCount; p++)
        {
            kids.Append(CultureInfo.InvariantCulture, $"{(p > 1 ? " " : "")}{PageObject(p)} 0 R");
        }

        file.Object(PagesObject, $"<< /Type /Pages /Kids [{kids}] /Count {pageCount} >>");
        file.Object(RegularFontObject, FontDictionary(StandardFont.Regular));
        file.Object(BoldFontObject, FontDictionary(StandardFont.Bold));
        file.Object(InfoObject, $"<< /Title {TextString(info.Title)} /Producer (Varsling) /CreationDate ({Date(info.CreatedAt)}) >>");

        var composer = new PageComposer(info, pageCount);
        var page = 0;
        foreach (var block in blocks)
        {
            ct.ThrowIfCancellationRequested();
            composer.Add(block);
            page = await WriteFinishedAsync(file, composer, page, ct);
        }

        composer.Finish();
        page = await WriteFinishedAsync(file, composer, page, ct);
        if (page != pageCount)
        {
            throw new InvalidOperationException("The blocks changed between the counting and the drawing pass.");
        }

        file.CrossReferenceAndTrailer(CatalogObject, InfoObject);
        await file.FlushAsync(ct);
    }

    private static async Task<int> WriteFinishedAsync(PdfFileWriter file, PageComposer composer, int page, CancellationToken ct)
    {
        while (composer.TryTakeFinished(out var content))
        {
            page++;
            file.Object(PageObject(page), string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent {PagesObject} 0 R /MediaBox [0 0 {PageComposer.Number(PageComposer.PageWidth)} {PageComposer.Number(PageComposer.PageHeight)}] " +
                $"/Resources << /Font << /{StandardFont.Regular.ResourceName} {RegularFontObject} 0 R /{StandardFont.Bold.ResourceName} {BoldFontObject} 0 R >> >> " +
                $"/Contents {PageObject(page) + 1} 0 R >>"));
            file.Stream(PageObject(page) + 1, "/Filter /FlateDecode", content);
            await file.FlushIfFullAsync(ct);
        }

        return page;
    }

    private static int PageObject(int page) => FirstPageObject + 2 * (page - 1);

    private static string FontDictionary(StandardFont font) =>
        $"<< /Type /Font /Subtype /Type1 /BaseFont /{font.BaseFont} /Encoding /WinAnsiEncoding >>";

    /// <summary>A text string in UTF-16BE with a byte-order mark, as a hex string, so any title survives in /Info.</summary>
    internal static string TextString(string text)
    {
        var hex = new StringBuilder("<FEFF", 5 + text.Length * 4 + 1);
        foreach (var c in text)
        {
            hex.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return hex.Append('>').ToString();
    }

    /// <summary>A PDF date (ISO 32000-1, 7.9.4) in UTC: D:YYYYMMDDHHmmSSZ.</summary>
    internal static string Date(DateTimeOffset at) => "D:" + at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
}
