using Varsling.Crypto;

namespace Varsling.Core;

/// <summary>
/// The split-key session of architecture.md §3 and crypto-docs/protocol.md §8, the one mechanism both hosts use:
/// the back office's key sessions (<see cref="Accounts.KeyRing"/>) and the reporter's no-JavaScript mailbox
/// (<see cref="Messaging.ReporterMailbox"/>). An unlocked private key is re-wrapped under a fresh random session
/// key; the blob goes to the server's session row, the key only into the client's protected cookie, so neither a
/// database copy nor a stolen cookie alone opens it. Every failure to open is the same failure, and a session
/// ends a fixed idle time after its last use and never later than a fixed time after it started.
/// </summary>
public static class SplitKeySession
{
    /// <summary>Wraps <paramref name="pair"/> under a fresh 256-bit session key (a direct §6 wrap: no Argon2id per request).</summary>
    public static SessionWrap Seal(X25519KeyPair pair) => PrivateKeyWrap.RewrapForSession(pair);

    /// <summary>
    /// The session's key pair (the caller disposes it), or null when the blob does not open with
    /// <paramref name="sessionKey"/>: a wrong, truncated or stale cookie and a damaged row are all the same refusal.
    /// </summary>
    public static X25519KeyPair? TryOpen(byte[] blob, byte[] sessionKey)
    {
        try
        {
            return PrivateKeyWrap.UnwrapWithKey(blob, sessionKey);
        }
        catch (Exception e) when (e is CryptoFormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// When a session ends: <paramref name="idle"/> after <paramref name="lastUsedAt"/>, but never later than
    /// <paramref name="absolute"/> after <paramref name="createdAt"/>.
    /// </summary>
    public static DateTimeOffset EndsAt(DateTimeOffset createdAt, DateTimeOffset lastUsedAt, TimeSpan idle, TimeSpan absolute)
    {
        var idleEnd = lastUsedAt + idle;
        var cap = createdAt + absolute;
        return idleEnd < cap ? idleEnd : cap;
    }
}
