namespace Varsling.Core.Exports.Pdf;

/// <summary>
/// One piece of a document's flow. The writer lays blocks out top to bottom, breaking pages where the next line
/// does not fit; text is wrapped at word boundaries (a word longer than the line is cut).
/// </summary>
public abstract record PdfBlock;

/// <summary>The document's title: large and bold.</summary>
public sealed record PdfTitle(string Text) : PdfBlock;

/// <summary>A section heading; kept on the same page as at least the first lines that follow it.</summary>
public sealed record PdfHeading(string Text) : PdfBlock;

/// <summary>Body text; line breaks in the text start new lines.</summary>
public sealed record PdfParagraph(string Text) : PdfBlock;

/// <summary>One row of a two-column key/value table: a bold label and its value, each wrapped in its column.</summary>
public sealed record PdfField(string Label, string Value) : PdfBlock;

/// <summary>Vertical space in points (dropped at the top of a page).</summary>
public sealed record PdfSpace(double Points) : PdfBlock;

/// <summary>Starts a new page unless the current one is still empty.</summary>
public sealed record PdfPageBreak : PdfBlock;

/// <summary>
/// The document's metadata and footer. <paramref name="Language"/> is the document's language tag (BCP 47, e.g.
/// "nb" or "en"), for screen readers and hyphenation in readers; <paramref name="PageLabel"/> makes each page's
/// footer from its number and the page count, e.g. "Page 2 of 7".
/// </summary>
public sealed record PdfDocumentInfo(string Title, string Language, DateTimeOffset CreatedAt, Func<int, int, string> PageLabel);
