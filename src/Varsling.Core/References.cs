using System.Security.Cryptography;
using Varsling.Crypto;

namespace Varsling.Core;

/// <summary>
/// Random Crockford base32 symbols (5 bits each) after a prefix: case and request references, recovery codes.
/// Random rather than sequential, so a reference says nothing about how many cases an organisation has.
/// </summary>
internal static class References
{
    public static string New(string prefix, int symbols)
    {
        Span<char> chars = stackalloc char[symbols];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = ReceiptCode.Alphabet[RandomNumberGenerator.GetInt32(ReceiptCode.Alphabet.Length)];
        }

        return prefix + new string(chars);
    }
}
