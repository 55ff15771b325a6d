using System.Security.Cryptography;
using System.Text;

namespace Varsling.Core.Accounts;

/// <summary>
/// The 256-bit key that unwraps a person's private key when the password is forgotten. Shown once at enrolment as
/// 52 Crockford base32 symbols in groups of four; read back ignoring case, spaces and dashes, with I/L as 1 and O
/// as 0. Not the same thing as the TOTP recovery codes, which only replace a second factor.
/// </summary>
public static class RecoveryKey
{
    public const int KeyLength = 32;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Symbols = (KeyLength * 8 + 4) / 5;

    public static byte[] Generate() => RandomNumberGenerator.GetBytes(KeyLength);

    /// <summary>Display form: <c>XXXX-XXXX-…-XXXX</c> (13 groups).</summary>
    public static string Format(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"A recovery key has {KeyLength} bytes.", nameof(key));
        }

        var text = new StringBuilder(Symbols + Symbols / 4);
        int buffer = 0, bits = 0, written = 0;
        foreach (var b in key)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();

        void Append(char c)
        {
            if (written > 0 && written % 4 == 0)
            {
                text.Append('-');
            }

            text.Append(c);
            written++;
        }
    }

    /// <summary>Reads what a person typed; false for anything that is not exactly one well-formed key.</summary>
    public static bool TryParse(string? input, out byte[] key)
    {
        key = [];
        if (input is null)
        {
            return false;
        }

        var result = new byte[KeyLength];
        int buffer = 0, bits = 0, count = 0, index = 0;
        foreach (var raw in input)
        {
            if (raw is ' ' or '-' or '\t' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0 || ++count > Symbols)
            {
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                result[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        // 52 symbols carry 260 bits: the 4 bits past the key must be zero, so each key has one spelling.
        if (count != Symbols || (buffer & ((1 << bits) - 1)) != 0)
        {
            return false;
        }

        key = result;
        return true;
    }
}

/// <summary>Reads typed Crockford base32 codes: case, spaces and dashes ignored, I/L read as 1 and O as 0.</summary>
internal static class CrockfordText
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static bool TryNormalise(string typed, int length, out string code)
    {
        var symbols = new System.Text.StringBuilder(length);
        foreach (var raw in typed)
        {
            if (raw is ' ' or '-')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal) || symbols.Length == length)
            {
                code = "";
                return false;
            }

            symbols.Append(c);
        }

        code = symbols.ToString();
        return code.Length == length;
    }
}
