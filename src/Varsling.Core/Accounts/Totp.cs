using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Varsling.Core.Accounts;

/// <summary>
/// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, the form every
/// authenticator app reads from an <c>otpauth://</c> URI. Time comes from the caller, so tests control it.
/// </summary>
public static class Totp
{
    public const int Digits = 6;
    public const int StepSeconds = 30;

    /// <summary>Steps either side of now that are still accepted, for clocks that drift.</summary>
    public const int AllowedDrift = 1;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(ReadOnlySpan<byte> secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, mac);
        var offset = mac[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The step whose code equals <paramref name="code"/> within <see cref="AllowedDrift"/> of
    /// <paramref name="now"/>, or null. Compared in constant time.
    /// </summary>
    public static long? MatchStep(ReadOnlySpan<byte> secret, string code, DateTimeOffset now)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = StepAt(now);
        long? matched = null;
        for (var step = current - AllowedDrift; step <= current + AllowedDrift; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                matched = step;
            }
        }

        return matched;
    }

    /// <summary>Decodes an RFC 4648 base32 authenticator key (as Identity stores it; case and spaces ignored).</summary>
    public static byte[] DecodeKey(string base32)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(base32.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var raw in base32)
        {
            if (raw is ' ' or '=' or '-')
            {
                continue;
            }

            var value = alphabet.IndexOf(char.ToUpperInvariant(raw), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    /// <summary>The URI an authenticator app scans: issuer and account label, the key, and this class's parameters.</summary>
    public static string ProvisioningUri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={base32Key}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
}
