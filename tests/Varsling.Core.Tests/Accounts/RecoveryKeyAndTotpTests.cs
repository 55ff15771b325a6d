using System.Text;
using Varsling.Core.Accounts;

namespace Varsling.Core.Tests.Accounts;

public sealed class RecoveryKeyAndTotpTests
{
    [Fact]
    public void RecoveryKey_FormatThenParse_RoundTripsTolerantOfCaseSpacesAndLookAlikes()
    {
        var key = RecoveryKey.Generate();
        var shown = RecoveryKey.Format(key);
        var typed = shown.ToLowerInvariant().Replace('-', ' ').Replace('1', 'l').Replace('0', 'o');

        Assert.Matches("^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$", shown);
        Assert.True(RecoveryKey.TryParse(typed, out var parsed));
        Assert.Equal(key, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD")]
    [InlineData("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU")]
    public void RecoveryKey_TryParse_Malformed_IsFalse(string input)
    {
        Assert.False(RecoveryKey.TryParse(input, out _));
    }

    [Fact]
    public void RecoveryKey_TryParse_NonZeroPaddingBits_IsFalse()
    {
        var shown = RecoveryKey.Format(new byte[32]);

        Assert.True(RecoveryKey.TryParse(shown, out _));
        Assert.False(RecoveryKey.TryParse(shown[..^1] + "1", out _));
    }

    // RFC 6238 appendix B, SHA-1 rows, truncated to six digits.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1111111111, "050471")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    [InlineData(20000000000, "353130")]
    public void Totp_Code_MatchesRfc6238Vectors(long unixSeconds, string expected)
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal(expected, Totp.Code(secret, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void Totp_MatchStep_AcceptsOneStepOfDriftAndNoMore()
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.MatchStep(secret, Totp.Code(secret, step - 1), now));
        Assert.Equal(step + 1, Totp.MatchStep(secret, Totp.Code(secret, step + 1), now));
        Assert.Null(Totp.MatchStep(secret, Totp.Code(secret, step - 2), now));
        Assert.Null(Totp.MatchStep(secret, "12345", now));
    }

    [Fact]
    public void Totp_DecodeKey_ReadsRfc4648Base32()
    {
        Assert.Equal(Encoding.ASCII.GetBytes("foobar"), Totp.DecodeKey("MZXW 6YTB OI======"));
    }
}
