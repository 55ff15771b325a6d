using System.Security.Cryptography;

namespace Varsling.Crypto;

/// <summary>
/// The two secrets derived from a receipt code. See crypto-docs/protocol.md §7.
/// </summary>
/// <param name="LookupToken">32 bytes; the server stores only SHA-256 of it (see <see cref="ReceiptCode.HashLookupToken"/>).</param>
/// <param name="WrapKey">32 bytes; directly wraps the reporter's private key (<see cref="PrivateKeyWrap.WrapWithKey"/>).</param>
public sealed record ReceiptSecrets(byte[] LookupToken, byte[] WrapKey);

/// <summary>
/// Receipt codes: 20 Crockford base32 symbols (100 bits) from the CSPRNG, shown as five dash-separated groups of
/// four; tolerant parsing of what people type; and PBKDF2-HMAC-SHA256 derivation of the lookup token and the key
/// that wraps the reporter's private key. See crypto-docs/protocol.md §7.
/// </summary>
public static class ReceiptCode
{
    /// <summary>Symbols in a normalised code.</summary>
    public const int Length = 20;

    /// <summary>Entropy of a generated code in bits (5 per symbol).</summary>
    public const int EntropyBits = Length * 5;

    /// <summary>
    /// PBKDF2 iterations for code derivation. The code carries 100 bits, so stretching is defence in depth rather
    /// than what makes guessing infeasible; 300,000 keeps a derivation near 0.15 s on the server (the no-JS path,
    /// where it is a per-login CPU cost) and well under a second in Tor Browser. Rationale: crypto-docs/decisions.md.
    /// </summary>
    public const int Iterations = 300_000;

    /// <summary>Smallest per-deployment salt accepted.</summary>
    public const int MinSaltLength = 16;

    /// <summary>The Crockford base32 alphabet: digits and capitals without I, L, O, U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Generates a new code with <see cref="EntropyBits"/> bits from the CSPRNG, in display form (<c>XXXX-XXXX-XXXX-XXXX-XXXX</c>).</summary>
    public static string Generate()
    {
        Span<char> symbols = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return Format(new string(symbols));
    }

    /// <summary>
    /// Normalises what a person typed into the 20-symbol canonical form: ignores case, whitespace and dashes, reads
    /// I and L as 1 and O as 0. Throws <see cref="CryptoFormatException"/> (without echoing the input) for U, any
    /// other symbol outside the alphabet, or a wrong number of symbols.
    /// </summary>
    public static string Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<char> result = stackalloc char[Length];
        var count = 0;
        foreach (var raw in input)
        {
            if (IsSeparator(raw))
            {
                continue;
            }
            var c = raw is >= 'a' and <= 'z' ? (char)(raw - 32) : raw;
            c = c switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                _ => c,
            };
            if (c == 'U')
            {
                throw new CryptoFormatException("Receipt codes never contain the letter U; please check the code.");
            }
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                throw new CryptoFormatException("The receipt code contains a character that receipt codes do not use.");
            }
            if (count == Length)
            {
                throw new CryptoFormatException($"A receipt code has {Length} characters; this one is longer.");
            }
            result[count++] = c;
        }
        if (count != Length)
        {
            throw new CryptoFormatException($"A receipt code has {Length} characters; this one has {count}.");
        }
        return new string(result);
    }

    /// <summary>
    /// Characters skipped on input: the ECMAScript whitespace set (so C# and the browser agree exactly) plus ASCII
    /// hyphen, U+2010–U+2014 and U+2212.
    /// </summary>
    private static bool IsSeparator(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680'
        or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF'
        or '-' or (>= '\u2010' and <= '\u2014') or '\u2212';

    /// <summary>Display form of a code: normalises, then groups in fours separated by dashes.</summary>
    public static string Format(string code)
    {
        var n = Normalize(code);
        return string.Join('-', n[..4], n[4..8], n[8..12], n[12..16], n[16..20]);
    }

    /// <summary>
    /// PBKDF2-HMAC-SHA256(ASCII(normalised code), deployment salt, <see cref="Iterations"/>) → 64 bytes, split into
    /// the lookup token (first 32) and the wrap key (last 32). Malformed codes raise <see cref="CryptoFormatException"/>.
    /// </summary>
    public static ReceiptSecrets Derive(string code, ReadOnlySpan<byte> deploymentSalt)
    {
        if (deploymentSalt.Length < MinSaltLength)
        {
            throw new ArgumentException($"The deployment salt must be at least {MinSaltLength} bytes.", nameof(deploymentSalt));
        }
        var normalised = Normalize(code);
        Span<byte> password = stackalloc byte[Length];
        for (var i = 0; i < Length; i++)
        {
            password[i] = (byte)normalised[i];
        }
        Span<byte> okm = stackalloc byte[64];
        Rfc2898DeriveBytes.Pbkdf2(password, deploymentSalt, okm, Iterations, HashAlgorithmName.SHA256);
        var secrets = new ReceiptSecrets(okm[..32].ToArray(), okm[32..].ToArray());
        CryptographicOperations.ZeroMemory(okm);
        CryptographicOperations.ZeroMemory(password);
        return secrets;
    }

    /// <summary>SHA-256 (NSec) of a lookup token: the only form the server stores (unique-indexed).</summary>
    public static byte[] HashLookupToken(ReadOnlySpan<byte> lookupToken)
    {
        if (lookupToken.Length != 32)
        {
            throw new CryptoFormatException("A lookup token must be 32 bytes.");
        }
        return NSec.Cryptography.HashAlgorithm.Sha256.Hash(lookupToken);
    }

    /// <summary>Constant-time check that <paramref name="lookupToken"/> hashes to <paramref name="storedHash"/>.</summary>
    public static bool LookupTokenMatches(ReadOnlySpan<byte> lookupToken, ReadOnlySpan<byte> storedHash)
    {
        if (lookupToken.Length != 32 || storedHash.Length != 32)
        {
            return false;
        }
        Span<byte> hash = stackalloc byte[32];
        NSec.Cryptography.HashAlgorithm.Sha256.Hash(lookupToken, hash);
        return CryptographicOperations.FixedTimeEquals(hash, storedHash);
    }
}
