using Varsling.Core;
using Varsling.Crypto;

namespace Varsling.Core.Tests;

/// <summary>The one split-key session mechanism both hosts use (architecture.md §3).</summary>
public class SplitKeySessionTests
{
    [Fact]
    public void Seal_ThenOpenWithTheSessionKey_GivesTheKeyPair_AndNothingElseOpensIt()
    {
        using var pair = X25519KeyPair.Generate();
        var wrap = SplitKeySession.Seal(pair);

        using var opened = SplitKeySession.TryOpen(wrap.Blob, wrap.SessionKey);
        Assert.NotNull(opened);
        Assert.Equal(pair.PublicKey, opened.PublicKey);
        Assert.Equal((KeyWrapKdf.Direct, default(Argon2idParameters)), PrivateKeyWrap.ReadKdf(wrap.Blob));
        Assert.Equal(-1, wrap.Blob.AsSpan().IndexOf(wrap.SessionKey));

        Assert.Null(SplitKeySession.TryOpen(wrap.Blob, new byte[32]));
        Assert.Null(SplitKeySession.TryOpen(wrap.Blob, wrap.SessionKey[..31]));
        Assert.Null(SplitKeySession.TryOpen(wrap.Blob[..^1], wrap.SessionKey));
        Assert.Null(SplitKeySession.TryOpen(SplitKeySession.Seal(pair).Blob, wrap.SessionKey));
    }

    [Fact]
    public void EndsAt_IsTheIdleEndOrTheCap_WhicheverComesFirst()
    {
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var idle = TimeSpan.FromMinutes(20);
        var cap = TimeSpan.FromHours(2);

        Assert.Equal(start + idle, SplitKeySession.EndsAt(start, start, idle, cap));
        Assert.Equal(start.AddMinutes(90) + idle, SplitKeySession.EndsAt(start, start.AddMinutes(90), idle, cap));
        Assert.Equal(start + cap, SplitKeySession.EndsAt(start, start.AddMinutes(110), idle, cap));
    }
}
