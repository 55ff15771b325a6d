using System.Globalization;
using Varsling.Core.Exports.Pdf;
using Varsling.Testing;

namespace Varsling.Core.Tests.Exports;

/// <summary>The PDF writer on PDFsharp, read back with poppler's pdftotext, pdfinfo and pdffonts.</summary>
public sealed class PdfReportTests
{
    private static readonly DateTimeOffset s_at = new(2025, 7, 1, 8, 30, 15, TimeSpan.Zero);

    /// <summary>Letters a name in Norway, Sweden or Denmark can hold: Sámi, Polish, Cyrillic, and the Nordic ones.</summary>
    internal const string Letters = "ŋ đ č ŧ ł ż ё æøå ÆØÅ äö";

    private static PdfDocumentInfo Info(string title = "Test document") =>
        new(title, "en", s_at, (n, total) => string.Create(CultureInfo.InvariantCulture, $"Page {n} of {total}"));

    private static async Task<byte[]> WriteAsync(IEnumerable<PdfBlock> blocks, string title = "Test document")
    {
        using var output = new MemoryStream();
        await PdfReport.WriteAsync(output, Info(title), blocks, CancellationToken.None);
        return output.ToArray();
    }

    private static readonly PdfBlock[] s_simple =
    [
        new PdfTitle("Report"),
        new PdfHeading("Section one"),
        new PdfParagraph("Plain text."),
        new PdfField("Key", "Value"),
    ];

    [Fact]
    public async Task Write_SamiPolishCyrillicAndNordicLetters_SurvivePdftotext()
    {
        var text = $"Áilu Ŋuolja Đuođđa Čáhcesuolu Ŧeahkki, Łódź Żabka, Алёна Ёлкина, Blåbærsyltetøy, Malmö: {Letters} “sitat” – €5";
        var pdf = await WriteAsync([new PdfTitle("Ŋ title"), new PdfParagraph(text), new PdfField("Navn ŧ", "ł ż ё")], title: "Blåbær ŋ");

        var read = await PdfTools.TextAsync(pdf);
        Assert.Contains(text, Squash(read), StringComparison.Ordinal);
        Assert.Contains("Ŋ title", read, StringComparison.Ordinal);
        Assert.Contains("ł ż ё", read, StringComparison.Ordinal);
        Assert.DoesNotContain("?", read, StringComparison.Ordinal);
        Assert.Contains("Title:           Blåbær ŋ", await PdfTools.InfoAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_EmbedsDejaVuSansSubsets_WithAUnicodeMap()
    {
        var fonts = await PdfTools.FontsAsync(await WriteAsync(s_simple));

        var rows = fonts.Split('\n').Where(l => l.Contains("+DejaVu Sans", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count); // regular and bold
        // pdffonts columns: name type encoding emb sub uni object ID
        Assert.All(rows, r => Assert.Matches(@"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", r));
    }

    [Fact]
    public async Task Write_IsTaggedA4_WithTheDocumentLanguage()
    {
        var pdf = await WriteAsync(s_simple);

        var info = await PdfTools.InfoAsync(pdf);
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Matches(@"Page size:\s+595\.2\d* x 841\.89 pts \(A4\)", info);
        Assert.Contains("Creator:         Varsling", info, StringComparison.Ordinal);
        var bytes = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Lang(en)", bytes, StringComparison.Ordinal);
        Assert.Contains("/StructTreeRoot", bytes, StringComparison.Ordinal);
        Assert.Contains("/S/H1", bytes, StringComparison.Ordinal);
        Assert.Contains("/S/TH", bytes, StringComparison.Ordinal);
        // No PDF/A claim (docs/exports.md says why).
        Assert.DoesNotContain("pdfaid", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ParenthesesAndBackslashes_SurviveAsText()
    {
        var pdf = await WriteAsync([new PdfParagraph(@"a (b) c\d")]);

        Assert.Contains(@"a (b) c\d", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_LongText_WrapsWithinTheMargins_AndBreaksPages_WithPageNumbers()
    {
        var words = string.Join(' ', Enumerable.Range(1, 2500).Select(i => $"word{i}"));
        var pdf = await WriteAsync([new PdfTitle("Long"), new PdfParagraph(words), new PdfHeading("After"), new PdfField("Key", words)]);

        var pages = await PdfTools.PageCountAsync(pdf);
        Assert.True(pages >= 5, $"expected several pages, got {pages}");
        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("word1 ", text, StringComparison.Ordinal);
        Assert.Contains("word2500", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of " + pages, text, StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageBreak_StartsANewPage_UnlessThePageIsEmpty()
    {
        Assert.Equal(2, await PdfTools.PageCountAsync(await WriteAsync([new PdfPageBreak(), new PdfTitle("One"), new PdfPageBreak(), new PdfPageBreak(), new PdfTitle("Two")])));
    }

    [Fact]
    public void Wrap_KeepsEveryLineWithinTheWidth_AndCutsOverlongWords()
    {
        using var measure = PdfReport.MeasureContext();
        var font = new PdfReport.Fonts().Body;
        var text = "short words then " + new string('W', 200) + " and the end\n\nafter a blank line";

        var lines = PdfReport.Wrap(measure, text, font, 200);

        Assert.All(lines, l => Assert.True(measure.MeasureString(l, font).Width <= 200.0001, l));
        Assert.Equal("short words then", lines[0]);
        Assert.Equal(200, lines.Sum(l => l.Count(c => c == 'W')));
        Assert.True(lines.Count(l => l.Contains('W', StringComparison.Ordinal)) >= 2, "the overlong word is cut over several lines");
        Assert.Contains("", lines);
        Assert.Equal("after a blank line", lines[^1]);
    }

    [Fact]
    public async Task Write_InfoHasTitleAndCreationDate_FromTheGivenTime()
    {
        var info = await PdfTools.InfoAsync(await WriteAsync(s_simple));

        Assert.Contains("Title:           Test document", info, StringComparison.Ordinal);
        Assert.Matches(@"CreationDate:\s+Tue Jul\s+1 \d\d:30:15 2025", info);
    }

    [Fact]
    public async Task Write_NoBlocks_GivesOneValidEmptyPage()
    {
        var pdf = await WriteAsync([]);

        Assert.Equal(1, await PdfTools.PageCountAsync(pdf));
        Assert.Contains("Page 1 of 1", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
    }

    /// <summary>pdftotext -layout keeps columns apart with runs of spaces and wraps text over lines; one space is enough to compare.</summary>
    internal static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public async Task Write_ControlCharacters_BecomeSpaces()
    {
        var text = await PdfTools.TextAsync(await WriteAsync([new PdfParagraph("tab\there\u0007bell")]));

        Assert.Contains("tab here bell", text, StringComparison.Ordinal);
    }
}
