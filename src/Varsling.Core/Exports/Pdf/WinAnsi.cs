namespace Varsling.Core.Exports.Pdf;

/// <summary>
/// The PDF's WinAnsiEncoding (ISO 32000-1, Annex D; the same as Windows code page 1252): Latin-1 plus the
/// typographic marks in 0x80–0x9F. It covers the Nordic letters (æ ø å ä ö é ü …). Any other character becomes
/// '?', and control characters become spaces; the standard-14 fonts have no glyphs beyond this set.
/// </summary>
internal static class WinAnsi
{
    public const byte Unknown = (byte)'?';

    // Code points of 0x80–0x9F in code page 1252; 0 where the code is unassigned.
    private static readonly char[] s_high =
    [
        '\u20AC', '\0', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\0', '\u017D', '\0',
        '\0', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\0', '\u017E', '\u0178',
    ];

    private static readonly Dictionary<char, byte> s_reverse = BuildReverse();

    private static Dictionary<char, byte> BuildReverse()
    {
        var map = new Dictionary<char, byte>(s_high.Length);
        for (var i = 0; i < s_high.Length; i++)
        {
            if (s_high[i] != '\0')
            {
                map[s_high[i]] = (byte)(0x80 + i);
            }
        }

        return map;
    }

    /// <summary>The byte for one character: printable ASCII and Latin-1 map to themselves, 0x80–0x9F by the table.</summary>
    public static byte Encode(char c)
    {
        if (c is >= ' ' and <= '~' || c is >= '\u00A0' and <= '\u00FF')
        {
            return (byte)c;
        }

        if (c is < ' ' or '\u007F')
        {
            return (byte)' ';
        }

        return s_reverse.TryGetValue(c, out var b) ? b : Unknown;
    }

    /// <summary>Encodes a string; a surrogate pair (one character outside the BMP) becomes a single '?'.</summary>
    public static byte[] Encode(string text)
    {
        var bytes = new byte[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                bytes[n++] = Unknown;
                continue;
            }

            bytes[n++] = Encode(c);
        }

        return n == bytes.Length ? bytes : bytes[..n];
    }
}
