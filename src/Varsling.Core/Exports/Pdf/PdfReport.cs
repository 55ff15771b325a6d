using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Varsling.Core.Exports.Pdf;

/// <summary>
/// Writes a text document (a flow of <see cref="PdfBlock"/>s) as a PDF through PDFsharp: A4 pages with 20 mm margins,
/// DejaVu Sans embedded as a subset with Unicode encoding (so every letter prints and copies out as itself), text
/// wrapped at word boundaries, automatic page breaks, and a footer with the title and "page n of N". The PDF is
/// tagged: a structure tree (title H1, headings H2, paragraphs P, key/value rows as a table of TH/TD cells per
/// page), the document language, the title shown by readers, and footer and rules marked as artifacts. It is not
/// PDF/A (see docs/exports.md for why).
/// </summary>
public static class PdfReport
{
    // A4 in points (210 × 297 mm).
    internal const double PageWidth = 595.28;
    internal const double PageHeight = 841.89;
    private const double Margin = 56.7;
    private const double FooterBaseline = PageHeight - 30;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double LabelColumn = 200;
    private const double ColumnGap = 12;
    private const double ValueWidth = ContentWidth - LabelColumn - ColumnGap;

    private const double BodySize = 9.5;
    private const double BodyLeading = 13.5;
    private const double HeadingSize = 12.5;
    private const double HeadingLeading = 18;
    private const double TitleSize = 18;
    private const double TitleLeading = 24;
    private const double FooterSize = 7.5;

    private static readonly XPdfFontOptions s_unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);
    private static readonly XColor s_ink = XColor.FromArgb(0x1F, 0x23, 0x28);
    private static readonly XColor s_accent = XColor.FromArgb(0x1D, 0x3D, 0x5C);
    private static readonly XColor s_muted = XColor.FromArgb(0x5A, 0x63, 0x6E);
    private static readonly XColor s_rule = XColor.FromArgb(0xC8, 0xCE, 0xD6);

    /// <summary>
    /// Writes the document to <paramref name="output"/>. The whole document is built in memory first (PDFsharp
    /// holds every page until it saves), then copied to the stream asynchronously, so a response body works.
    /// </summary>
    public static async Task WriteAsync(Stream output, PdfDocumentInfo info, IEnumerable<PdfBlock> blocks, CancellationToken ct = default)
    {
        EmbeddedFonts.Register();
        var fonts = new Fonts();
        var pages = Layout(blocks, fonts, ct);

        using var document = new PdfSharp.Pdf.PdfDocument();
        document.Info.Title = info.Title;
        document.Info.Creator = "Varsling";
        document.Info.CreationDate = info.CreatedAt.UtcDateTime;
        document.Info.ModificationDate = info.CreatedAt.UtcDateTime;
        // Tagged, not PDF/A: PDFsharp's SetPdfA (an early feature by its own docs) labels the file PDF/A-1a while
        // writing PDF 1.7, and nothing here can validate that, so the file makes no conformance claim it may not
        // meet (docs/exports.md). The UAManager gives the structure tree, /MarkInfo, /Lang and DisplayDocTitle.
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage(info.Language);
        var structure = ua.StructureBuilder;

        for (var p = 0; p < pages.Count; p++)
        {
            ct.ThrowIfCancellationRequested();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            Draw(gfx, structure, pages[p], fonts);
            Footer(gfx, structure, fonts, info.Title, info.PageLabel(p + 1, pages.Count));
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
        await output.FlushAsync(ct);
    }

    /// <summary>The fonts of a document. PDFsharp's XFont is not shared across threads, so each document makes its own.</summary>
    internal sealed class Fonts
    {
        public XFont Title { get; } = new(EmbeddedFonts.Family, TitleSize, XFontStyleEx.Bold, s_unicode);
        public XFont Heading { get; } = new(EmbeddedFonts.Family, HeadingSize, XFontStyleEx.Bold, s_unicode);
        public XFont Body { get; } = new(EmbeddedFonts.Family, BodySize, XFontStyleEx.Regular, s_unicode);
        public XFont Label { get; } = new(EmbeddedFonts.Family, BodySize, XFontStyleEx.Bold, s_unicode);
        public XFont Footer { get; } = new(EmbeddedFonts.Family, FooterSize, XFontStyleEx.Regular, s_unicode);
    }

    /// <summary>One line of text at its baseline (points from the page's top).</summary>
    private sealed record Line(string Text, XFont Font, XColor Color, double X, double Baseline);

    /// <summary>What a page holds, in reading order: text elements and key/value rows.</summary>
    private abstract record Placed;

    private sealed record PlacedText(PdfBlockLevelElementTag Tag, IReadOnlyList<Line> Lines, double RuleBelow) : Placed;

    private sealed record PlacedRow(IReadOnlyList<Line> Label, IReadOnlyList<Line> Value) : Placed;

    /// <summary>
    /// Lays the blocks out on pages. Measuring needs no page, so this runs before anything is drawn and every
    /// footer can say "of N".
    /// </summary>
    private static List<List<Placed>> Layout(IEnumerable<PdfBlock> blocks, Fonts fonts, CancellationToken ct)
    {
        using var measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards, null);
        var pages = new List<List<Placed>> { new() };
        var y = Margin;

        bool Empty() => pages[^1].Count == 0;

        void NewPage()
        {
            pages.Add([]);
            y = Margin;
        }

        void Need(double height)
        {
            if (y + height > PageHeight - Margin && !Empty())
            {
                NewPage();
            }
        }

        void Gap(double points)
        {
            if (!Empty())
            {
                y += points;
            }
        }

        // Text split over pages line by line; each page's part is one element of the same tag.
        void Text(string text, XFont font, XColor color, double leading, PdfBlockLevelElementTag tag, double ruleBelow)
        {
            var part = new List<Line>();
            foreach (var line in Wrap(measure, text, font, ContentWidth))
            {
                if (y + leading > PageHeight - Margin && (!Empty() || part.Count > 0))
                {
                    pages[^1].Add(new PlacedText(tag, part, 0));
                    part = [];
                    NewPage();
                }

                y += leading;
                part.Add(new Line(line, font, color, Margin, y - leading * 0.28));
            }

            pages[^1].Add(new PlacedText(tag, part, ruleBelow > 0 ? y + ruleBelow : 0));
        }

        foreach (var block in blocks)
        {
            ct.ThrowIfCancellationRequested();
            switch (block)
            {
                case PdfTitle t:
                    Text(t.Text, fonts.Title, s_accent, TitleLeading, PdfBlockLevelElementTag.Heading1, ruleBelow: 6);
                    Gap(16);
                    break;
                case PdfHeading h:
                    Gap(12);
                    // Keep the heading with the first lines of its section.
                    Need(HeadingLeading + 3 * BodyLeading);
                    Text(h.Text, fonts.Heading, s_accent, HeadingLeading, PdfBlockLevelElementTag.Heading2, ruleBelow: 4);
                    Gap(8);
                    break;
                case PdfParagraph p:
                    Text(p.Text, fonts.Body, s_ink, BodyLeading, PdfBlockLevelElementTag.Paragraph, ruleBelow: 0);
                    Gap(5);
                    break;
                case PdfField f:
                    var label = Wrap(measure, f.Label, fonts.Label, LabelColumn);
                    var value = Wrap(measure, f.Value, fonts.Body, ValueWidth);
                    var rows = Math.Max(label.Count, value.Count);
                    // A row of up to six lines stays on one page; a longer one is split between its lines.
                    var labelPart = new List<Line>();
                    var valuePart = new List<Line>();
                    Need(Math.Min(rows, 6) * BodyLeading);
                    for (var i = 0; i < rows; i++)
                    {
                        if (y + BodyLeading > PageHeight - Margin && (!Empty() || labelPart.Count + valuePart.Count > 0))
                        {
                            pages[^1].Add(new PlacedRow(labelPart, valuePart));
                            labelPart = [];
                            valuePart = [];
                            NewPage();
                        }

                        y += BodyLeading;
                        var baseline = y - BodyLeading * 0.28;
                        if (i < label.Count)
                        {
                            labelPart.Add(new Line(label[i], fonts.Label, s_muted, Margin, baseline));
                        }

                        if (i < value.Count)
                        {
                            valuePart.Add(new Line(value[i], fonts.Body, s_ink, Margin + LabelColumn + ColumnGap, baseline));
                        }
                    }

                    pages[^1].Add(new PlacedRow(labelPart, valuePart));
                    Gap(3);
                    break;
                case PdfSpace s:
                    Gap(s.Points);
                    break;
                case PdfPageBreak:
                    if (!Empty())
                    {
                        NewPage();
                    }

                    break;
                default:
                    throw new ArgumentException("Unknown block.", nameof(block));
            }
        }

        return pages;
    }

    private static void Draw(XGraphics gfx, StructureBuilder structure, List<Placed> page, Fonts fonts)
    {
        var inTable = false;
        foreach (var item in page)
        {
            if (item is not PlacedRow && inTable)
            {
                structure.End();
                inTable = false;
            }

            switch (item)
            {
                case PlacedText text:
                    if (text.Lines.Count > 0)
                    {
                        structure.BeginElement(text.Tag);
                        foreach (var line in text.Lines)
                        {
                            DrawLine(gfx, line);
                        }

                        structure.End();
                    }

                    if (text.RuleBelow > 0)
                    {
                        structure.BeginArtifact();
                        gfx.DrawLine(new XPen(s_rule, 0.6), Margin, text.RuleBelow, PageWidth - Margin, text.RuleBelow);
                        structure.End();
                    }

                    break;
                case PlacedRow row:
                    if (!inTable)
                    {
                        structure.BeginElement(PdfBlockLevelElementTag.Table);
                        inTable = true;
                    }

                    structure.BeginElement(PdfBlockLevelElementTag.TableRow);
                    Cell(gfx, structure, PdfBlockLevelElementTag.TableHeaderCell, row.Label);
                    Cell(gfx, structure, PdfBlockLevelElementTag.TableDataCell, row.Value);
                    structure.End();
                    break;
                default:
                    throw new InvalidOperationException("Unknown placement.");
            }
        }

        if (inTable)
        {
            structure.End();
        }
    }

    private static void Cell(XGraphics gfx, StructureBuilder structure, PdfBlockLevelElementTag tag, IReadOnlyList<Line> lines)
    {
        structure.BeginElement(tag);
        foreach (var line in lines)
        {
            DrawLine(gfx, line);
        }

        structure.End();
    }

    private static void DrawLine(XGraphics gfx, Line line)
    {
        if (line.Text.Length > 0)
        {
            gfx.DrawString(line.Text, line.Font, new XSolidBrush(line.Color), line.X, line.Baseline, XStringFormats.BaseLineLeft);
        }
    }

    /// <summary>The footer: a rule, the title (cut to half the width) and the page label. Marked as an artifact, as page furniture.</summary>
    private static void Footer(XGraphics gfx, StructureBuilder structure, Fonts fonts, string title, string pageLabel)
    {
        structure.BeginArtifact();
        var brush = new XSolidBrush(s_muted);
        gfx.DrawLine(new XPen(s_rule, 0.6), Margin, FooterBaseline - 11, PageWidth - Margin, FooterBaseline - 11);
        gfx.DrawString(Fit(gfx, Clean(title), fonts.Footer, ContentWidth * 0.6), fonts.Footer, brush, Margin, FooterBaseline, XStringFormats.BaseLineLeft);
        gfx.DrawString(pageLabel, fonts.Footer, brush, PageWidth - Margin, FooterBaseline, XStringFormats.BaseLineRight);
        structure.End();
    }

    /// <summary>Cuts text to a width, ending it with "…" when cut.</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var n = text.Length;
        while (n > 0 && gfx.MeasureString(text[..n] + "…", font).Width > width)
        {
            n--;
        }

        if (n > 0 && char.IsHighSurrogate(text[n - 1]))
        {
            n--;
        }

        return text[..n].TrimEnd() + "…";
    }

    /// <summary>Control characters (tabs included) become spaces; PDF text has no use for them.</summary>
    private static string Clean(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }
    });

    /// <summary>
    /// Greedy word wrap of a text into lines no wider than <paramref name="width"/> as the font measures them: runs
    /// of spaces collapse to one, a line break in the text starts a new line (an empty line stays empty), and a word
    /// too long for a line is cut between characters (never inside a surrogate pair).
    /// </summary>
    internal static List<string> Wrap(XGraphics measure, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var words = Clean(paragraph).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var line = "";
            foreach (var word in words)
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                // The word starts a line; cut it while it is wider than the line.
                var rest = word;
                while (measure.MeasureString(rest, font).Width > width)
                {
                    var cut = rest.Length - 1;
                    while (cut > 1 && measure.MeasureString(rest[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    if (char.IsHighSurrogate(rest[cut - 1]) && cut > 1)
                    {
                        cut--;
                    }

                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                }

                line = rest;
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Creates a measuring context for <see cref="Wrap"/> outside a document (tests).</summary>
    internal static XGraphics MeasureContext()
    {
        EmbeddedFonts.Register();
        return XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards, null);
    }
}
