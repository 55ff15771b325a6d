using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Varsling.Core.Exports.Pdf;
using Varsling.Testing;

namespace Varsling.Core.Tests.Exports;

/// <summary>The PDF writer: file structure checked byte by byte, text read back with poppler's pdftotext.</summary>
public sealed partial class PdfDocumentTests
{
    private static readonly DateTimeOffset s_at = new(2025, 7, 1, 8, 30, 15, TimeSpan.Zero);

    private static PdfDocumentInfo Info(string title = "Test document") =>
        new(title, s_at, (n, total) => string.Create(CultureInfo.InvariantCulture, $"Page {n} of {total}"));

    private static async Task<byte[]> WriteAsync(IEnumerable<PdfBlock> blocks, string title = "Test document")
    {
        using var output = new MemoryStream();
        await PdfDocument.WriteAsync(output, Info(title), blocks, CancellationToken.None);
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
    public async Task Write_XrefOffsets_PointAtTheirObjects()
    {
        var pdf = await WriteAsync(s_simple);
        var ascii = Encoding.Latin1.GetString(pdf);

        Assert.StartsWith("%PDF-1.7\n", ascii, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", ascii, StringComparison.Ordinal);
        var startxref = long.Parse(StartXref().Match(ascii).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 ", ascii[(int)startxref..], StringComparison.Ordinal);
        var header = XrefHeader().Match(ascii, (int)startxref);
        var count = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
        var first = header.Index + header.Length;
        Assert.Equal(8, count); // catalog, pages, two fonts, info, one page and its content stream, plus entry 0
        Assert.Equal("0000000000 65535 f\r\n", ascii.Substring(first, 20));
        for (var i = 1; i < count; i++)
        {
            var entry = ascii.Substring(first + 20 * i, 20);
            Assert.Matches(@"^\d{10} 00000 n\r\n$", entry);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{i} 0 obj\n", ascii[offset..], StringComparison.Ordinal);
        }

        Assert.Contains($"/Size {count} /Root 1 0 R /Info 5 0 R", ascii, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_StreamLengths_MatchTheirData()
    {
        var pdf = await WriteAsync(s_simple);
        var ascii = Encoding.Latin1.GetString(pdf);

        foreach (Match m in StreamObject().Matches(ascii))
        {
            var length = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var data = m.Index + m.Length;
            Assert.Equal("\nendstream", ascii.Substring(data + length, 10));
        }
    }

    [Fact]
    public async Task Write_EscapesParenthesesAndBackslashes_InTheContentStream()
    {
        var pdf = await WriteAsync([new PdfParagraph(@"a (b) c\d")]);

        var content = Contents(pdf).Single();
        Assert.Contains(@"(a \(b\) c\\d) Tj", content, StringComparison.Ordinal);
        Assert.Contains(@"a (b) c\d", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteEscaped_EscapesOnlyTheThreeDelimiters()
    {
        using var output = new MemoryStream();
        PageComposer.WriteEscaped(output, Encoding.Latin1.GetBytes(@"()\x(y)"));
        Assert.Equal(@"\(\)\\x\(y\)", Encoding.Latin1.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Write_NorwegianAndSwedishLetters_SurvivePdftotext()
    {
        const string Text = "Blåbærsyltetøy på Æsøy, ÆØÅ æøå, Göteborg och Malmö, “sitat” – ferdig €5";
        var pdf = await WriteAsync([new PdfParagraph(Text)], title: "Blåbær");

        Assert.Contains(Text, await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
        Assert.Contains("Title:           Blåbær", await PdfTools.InfoAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_CharactersOutsideCp1252_BecomeQuestionMarks()
    {
        var pdf = await WriteAsync([new PdfParagraph("Москва 😀 ok")]);

        Assert.Contains("?????? ? ok", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
        Assert.Equal((byte)'?', WinAnsi.Encode('Ж'));
        Assert.Equal(0xE6, WinAnsi.Encode('æ'));
        Assert.Equal(0x80, WinAnsi.Encode('€'));
        Assert.Equal(0x96, WinAnsi.Encode('–'));
    }

    [Fact]
    public async Task Write_LongText_WrapsWithinTheMargins_AndBreaksPages()
    {
        var words = string.Join(' ', Enumerable.Range(1, 2500).Select(i => $"word{i}"));
        var pdf = await WriteAsync([new PdfTitle("Long"), new PdfParagraph(words)]);

        var pages = await PdfTools.PageCountAsync(pdf);
        Assert.True(pages >= 3, $"expected several pages, got {pages}");
        var text = await PdfTools.TextAsync(pdf);
        Assert.Contains("word1 ", text, StringComparison.Ordinal);
        Assert.Contains("word2500", text, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {pages}", text, StringComparison.Ordinal);
        Assert.Contains($"Page {pages} of {pages}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_KeepsEveryLineWithinTheWidth_AndCutsOverlongWords()
    {
        var text = "short words then " + new string('W', 200) + " and the end\n\nafter a blank line";
        var lines = PageComposer.Wrap(text, StandardFont.Regular, 10, 200);

        Assert.All(lines, l => Assert.True(StandardFont.Regular.Measure(l, 10) <= 200.0001));
        var joined = lines.Select(l => Encoding.Latin1.GetString(l)).ToList();
        Assert.Equal("short words then", joined[0]);
        Assert.Equal(200, joined.Sum(l => l.Count(c => c == 'W')));
        Assert.True(joined.Count(l => l.Contains('W', StringComparison.Ordinal)) >= 2, "the overlong word is cut over several lines");
        Assert.Contains("", joined);
        Assert.Equal("after a blank line", joined[^1]);
    }

    [Fact]
    public async Task Write_SameInputAndTime_GivesTheSameBytes()
    {
        Assert.Equal(await WriteAsync(s_simple), await WriteAsync(s_simple));
    }

    [Fact]
    public async Task Write_InfoHasTitleAndCreationDate_FromTheGivenTime()
    {
        var pdf = await WriteAsync(s_simple);

        Assert.Contains("/CreationDate (D:20250701083015Z)", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        var info = await PdfTools.InfoAsync(pdf);
        Assert.Contains("Title:           Test document", info, StringComparison.Ordinal);
        Assert.Contains("Page size:       595.28 x 841.89 pts (A4)", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NoBlocks_GivesOneValidEmptyPage()
    {
        var pdf = await WriteAsync([]);

        Assert.Equal(1, await PdfTools.PageCountAsync(pdf));
        Assert.Contains("Page 1 of 1", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
    }

    /// <summary>The inflated content streams of the document, in file order.</summary>
    private static List<string> Contents(byte[] pdf)
    {
        var ascii = Encoding.Latin1.GetString(pdf);
        var result = new List<string>();
        foreach (Match m in StreamObject().Matches(ascii))
        {
            var length = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            using var zlib = new ZLibStream(new MemoryStream(pdf, m.Index + m.Length, length), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            zlib.CopyTo(plain);
            result.Add(Encoding.Latin1.GetString(plain.ToArray()));
        }

        return result;
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"xref\n0 (\d+)\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"<< /Length (\d+) /Filter /FlateDecode >>\nstream\n")]
    private static partial Regex StreamObject();
}
