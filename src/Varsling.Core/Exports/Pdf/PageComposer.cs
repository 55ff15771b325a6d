using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Varsling.Core.Exports.Pdf;

/// <summary>
/// Lays blocks out on A4 pages. The same layout runs twice: once without output to count the pages (so every
/// footer can say "of N"), then with output, where each page's content stream is compressed as it is drawn and
/// handed over finished, so only one page is ever held, and only in compressed form.
/// </summary>
internal sealed class PageComposer
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    private const double Margin = 56.7;
    private const double FooterBaseline = 28;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double LabelColumn = 185;
    private const double ColumnGap = 10;

    private const double BodySize = 10;
    private const double BodyLeading = 13.5;
    private const double HeadingSize = 13;
    private const double HeadingLeading = 18;
    private const double TitleSize = 18;
    private const double TitleLeading = 24;
    private const double FooterSize = 8;

    private readonly PdfDocumentInfo _info;
    private readonly int _pageCount;
    private readonly bool _draw;
    private readonly Queue<byte[]> _finished = new();
    private MemoryStream? _compressed;
    private ZLibStream? _content;
    private double _y;
    private bool _pageEmpty = true;

    /// <param name="info">The title and page label drawn in every footer.</param>
    /// <param name="pageCount">The total from the counting pass, or 0 in the counting pass itself (nothing drawn).</param>
    public PageComposer(PdfDocumentInfo info, int pageCount)
    {
        _info = info;
        _pageCount = pageCount;
        _draw = pageCount > 0;
        StartPage();
    }

    /// <summary>Pages begun so far (the last one is still open until <see cref="Finish"/>).</summary>
    public int Pages { get; private set; }

    /// <summary>Compressed content streams of pages completed since the last call, in page order.</summary>
    public bool TryTakeFinished(out byte[] content) => _finished.TryDequeue(out content!);

    public void Add(PdfBlock block)
    {
        switch (block)
        {
            case PdfTitle t:
                Lines(t.Text, StandardFont.Bold, TitleSize, TitleLeading, Margin, ContentWidth);
                Gap(6);
                break;
            case PdfHeading h:
                Gap(10);
                // Keep the heading with the first lines of its section.
                Need(HeadingLeading + 3 * BodyLeading);
                Lines(h.Text, StandardFont.Bold, HeadingSize, HeadingLeading, Margin, ContentWidth);
                Gap(2);
                break;
            case PdfParagraph p:
                Lines(p.Text, StandardFont.Regular, BodySize, BodyLeading, Margin, ContentWidth);
                Gap(4);
                break;
            case PdfField f:
                Field(f.Label, f.Value);
                break;
            case PdfSpace s:
                Gap(s.Points);
                break;
            case PdfPageBreak:
                if (!_pageEmpty)
                {
                    NewPage();
                }

                break;
            default:
                throw new ArgumentException("Unknown block.", nameof(block));
        }
    }

    /// <summary>Closes the last page.</summary>
    public void Finish() => EndPage();

    private void Field(string label, string value)
    {
        var valueWidth = ContentWidth - LabelColumn - ColumnGap;
        var labelLines = Wrap(label, StandardFont.Bold, BodySize, LabelColumn);
        var valueLines = Wrap(value, StandardFont.Regular, BodySize, valueWidth);
        var rows = Math.Max(labelLines.Count, valueLines.Count);
        for (var i = 0; i < rows; i++)
        {
            Need(BodyLeading);
            _y -= BodyLeading;
            if (i < labelLines.Count)
            {
                Text(labelLines[i], StandardFont.Bold, BodySize, Margin, _y);
            }

            if (i < valueLines.Count)
            {
                Text(valueLines[i], StandardFont.Regular, BodySize, Margin + LabelColumn + ColumnGap, _y);
            }

            _pageEmpty = false;
        }

        Gap(2);
    }

    private void Lines(string text, StandardFont font, double size, double leading, double x, double width)
    {
        foreach (var line in Wrap(text, font, size, width))
        {
            Need(leading);
            _y -= leading;
            Text(line, font, size, x, _y);
            _pageEmpty = false;
        }
    }

    private void Gap(double points)
    {
        if (!_pageEmpty)
        {
            _y -= points;
        }
    }

    private void Need(double height)
    {
        if (_y - height < Margin && !_pageEmpty)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        EndPage();
        StartPage();
    }

    private void StartPage()
    {
        Pages++;
        _y = PageHeight - Margin;
        _pageEmpty = true;
        if (_draw)
        {
            _compressed = new MemoryStream();
            _content = new ZLibStream(_compressed, CompressionLevel.Optimal, leaveOpen: true);
        }
    }

    private void EndPage()
    {
        if (!_draw || _content is null || _compressed is null)
        {
            return;
        }

        var title = WinAnsi.Encode(_info.Title);
        Text(Fit(title, StandardFont.Regular, FooterSize, ContentWidth / 2), StandardFont.Regular, FooterSize, Margin, FooterBaseline);
        var label = WinAnsi.Encode(_info.PageLabel(Pages, _pageCount));
        var labelWidth = StandardFont.Regular.Measure(label, FooterSize);
        Text(label, StandardFont.Regular, FooterSize, PageWidth - Margin - labelWidth, FooterBaseline);

        _content.Dispose();
        _finished.Enqueue(_compressed.ToArray());
        _compressed.Dispose();
        _content = null;
        _compressed = null;
    }

    /// <summary>Writes one line: BT, font, text matrix at (x, y), the string, ET.</summary>
    private void Text(byte[] line, StandardFont font, double size, double x, double y)
    {
        if (!_draw || _content is null || line.Length == 0)
        {
            return;
        }

        var head = string.Create(CultureInfo.InvariantCulture, $"BT /{font.ResourceName} {Number(size)} Tf 1 0 0 1 {Number(x)} {Number(y)} Tm (");
        _content.Write(Encoding.ASCII.GetBytes(head));
        WriteEscaped(_content, line);
        _content.Write(") Tj ET\n"u8);
    }

    /// <summary>
    /// Writes string bytes for a literal string: '(' ')' and '\' are escaped with a backslash (ISO 32000-1,
    /// 7.3.4.2); other bytes, including 0x80–0xFF, are written as they are.
    /// </summary>
    internal static void WriteEscaped(Stream output, ReadOnlySpan<byte> text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is (byte)'(' or (byte)')' or (byte)'\\')
            {
                output.Write(text[start..i]);
                output.WriteByte((byte)'\\');
                start = i;
            }
        }

        output.Write(text[start..]);
    }

    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Cuts text to a width, ending it with "..." when cut.</summary>
    private static byte[] Fit(byte[] text, StandardFont font, double size, double width)
    {
        if (font.Measure(text, size) <= width)
        {
            return text;
        }

        var dots = "..."u8;
        var limit = width - font.Measure(dots, size);
        var n = 0;
        var used = 0.0;
        while (n < text.Length && used + font.Width(text[n]) * size / 1000.0 <= limit)
        {
            used += font.Width(text[n]) * size / 1000.0;
            n++;
        }

        return [.. text.AsSpan(0, n), .. dots];
    }

    /// <summary>
    /// Greedy word wrap of a text into lines no wider than <paramref name="width"/>: runs of spaces collapse to one,
    /// a line break in the text starts a new line (an empty line stays empty), a word too long for a line is cut.
    /// </summary>
    internal static List<byte[]> Wrap(string text, StandardFont font, double size, double width)
    {
        var lines = new List<byte[]>();
        var limit = width * 1000.0 / size;
        var space = font.Width((byte)' ');
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var bytes = WinAnsi.Encode(paragraph);
            var line = new List<byte>(bytes.Length);
            var lineWidth = 0;
            var i = 0;
            var any = false;
            while (i < bytes.Length)
            {
                if (bytes[i] == ' ')
                {
                    i++;
                    continue;
                }

                var end = i;
                var wordWidth = 0;
                while (end < bytes.Length && bytes[end] != ' ')
                {
                    wordWidth += font.Width(bytes[end]);
                    end++;
                }

                if (line.Count > 0 && lineWidth + space + wordWidth <= limit)
                {
                    line.Add((byte)' ');
                    line.AddRange(bytes.AsSpan(i, end - i));
                    lineWidth += space + wordWidth;
                    i = end;
                    continue;
                }

                if (line.Count > 0)
                {
                    lines.Add([.. line]);
                    line.Clear();
                    lineWidth = 0;
                }

                // The word starts a line; cut it while it is wider than the line.
                while (wordWidth > limit)
                {
                    var cut = i;
                    var cutWidth = 0;
                    while (cut < end && (cut == i || cutWidth + font.Width(bytes[cut]) <= limit))
                    {
                        cutWidth += font.Width(bytes[cut]);
                        cut++;
                    }

                    lines.Add(bytes[i..cut]);
                    wordWidth -= cutWidth;
                    i = cut;
                }

                line.AddRange(bytes.AsSpan(i, end - i));
                lineWidth = wordWidth;
                i = end;
                any = true;
            }

            if (line.Count > 0 || !any)
            {
                lines.Add([.. line]);
            }
        }

        return lines;
    }
}
