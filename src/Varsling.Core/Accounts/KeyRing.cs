using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varsling.Core.Data;
using Varsling.Crypto;

namespace Varsling.Core.Accounts;

/// <summary>A split-key session as the back office holds it: the row's id and the session key from the cookie.</summary>
public sealed record SessionHandle(Guid Id, byte[] Key, DateTimeOffset ExpiresAt);

/// <summary>The key session is missing, expired or does not open with the given key: the person must sign in again.</summary>
public sealed class KeySessionUnavailableException() : Exception("The key session has ended; sign in again.");

/// <summary>
/// The back office's store of split-key sessions (the mechanism is <see cref="SplitKeySession"/>, shared with the
/// reporter's mailbox). Queries run in the caller's organisation scope; only <see cref="DeleteExpiredAsync"/>
/// crosses organisations.
/// </summary>
public sealed class KeyRing(VarslingDbContext db, TimeProvider clock, IOptions<AccountOptions> options)
{
    // Sliding a session writes the row only when it gains at least this much, not on every request.
    private static readonly TimeSpan _slideGranularity = TimeSpan.FromMinutes(1);

    private AccountOptions Options => options.Value;

    /// <summary>Re-wraps an unlocked key pair under a fresh session key and stores the blob for <paramref name="lifetime"/>.</summary>
    public async Task<SessionHandle> OpenAsync(Guid userId, Guid organisationId, X25519KeyPair keyPair, TimeSpan lifetime, CancellationToken ct = default)
    {
        var wrap = SplitKeySession.Seal(keyPair);
        var now = clock.GetUtcNow();
        var session = new KeySession(Guid.CreateVersion7(), userId, organisationId, wrap.Blob, now, now + lifetime);
        db.KeySessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new SessionHandle(session.Id, wrap.SessionKey, session.ExpiresAt);
    }

    /// <summary>
    /// The unlocked key pair of the session; the caller disposes it. Refuses (with
    /// <see cref="KeySessionUnavailableException"/>) a session that is missing, belongs to someone else, has expired
    /// (the row is then deleted) or does not open with <paramref name="sessionKey"/>. Use slides the expiry by the
    /// idle timeout, never past the absolute lifetime.
    /// </summary>
    public async Task<X25519KeyPair> UnlockAsync(Guid userId, Guid sessionId, byte[] sessionKey, CancellationToken ct = default)
    {
        var session = await ActiveAsync(userId, sessionId, ct) ?? throw new KeySessionUnavailableException();
        var pair = SplitKeySession.TryOpen(session.Blob, sessionKey) ?? throw new KeySessionUnavailableException();
        await SlideAsync(session, ct);
        return pair;
    }

    /// <summary>
    /// A request of the signed-in person arrived: true while the session is active, and its expiry slides as
    /// <see cref="UnlockAsync"/> does. False (and an expired row deleted) once it has ended.
    /// </summary>
    public async Task<bool> KeepAliveAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        if (await ActiveAsync(userId, sessionId, ct) is not { } session)
        {
            return false;
        }

        await SlideAsync(session, ct);
        return true;
    }

    /// <summary>True while the session row exists for this person and has not expired; an expired row is deleted.</summary>
    public async Task<bool> IsActiveAsync(Guid userId, Guid sessionId, CancellationToken ct = default) =>
        await ActiveAsync(userId, sessionId, ct) is not null;

    /// <summary>Turns a pending session (between password and second factor) into a signed-in one starting now.</summary>
    public async Task<SessionHandle> PromoteAsync(Guid userId, SessionHandle pending, CancellationToken ct = default)
    {
        var session = await ActiveAsync(userId, pending.Id, ct) ?? throw new KeySessionUnavailableException();
        var now = clock.GetUtcNow();
        session.Restart(now, SplitKeySession.EndsAt(now, now, Options.IdleTimeout, Options.AbsoluteLifetime));
        await db.SaveChangesAsync(ct);
        return pending with { ExpiresAt = session.ExpiresAt };
    }

    /// <summary>Logout: deletes the session row, so the key in the cookie opens nothing any more.</summary>
    public Task EndAsync(Guid userId, Guid sessionId, CancellationToken ct = default) =>
        db.KeySessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Ends every session of a person except <paramref name="keep"/> (password change, reset, re-enrolment).</summary>
    public Task<int> EndAllAsync(Guid userId, Guid? keep = null, CancellationToken ct = default) =>
        db.KeySessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(ct);

    /// <summary>Deletes expired sessions of every organisation; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.KeySessions.IgnoreQueryFilters().Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    private async Task<KeySession?> ActiveAsync(Guid userId, Guid sessionId, CancellationToken ct)
    {
        var session = await db.KeySessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, ct);
        if (session is null)
        {
            return null;
        }

        if (session.ExpiresAt <= clock.GetUtcNow())
        {
            db.KeySessions.Remove(session);
            await db.SaveChangesAsync(ct);
            return null;
        }

        return session;
    }

    private async Task SlideAsync(KeySession session, CancellationToken ct)
    {
        var slid = SplitKeySession.EndsAt(session.CreatedAt, clock.GetUtcNow(), Options.IdleTimeout, Options.AbsoluteLifetime);
        if (slid - session.ExpiresAt >= _slideGranularity)
        {
            session.ExtendTo(slid);
            await db.SaveChangesAsync(ct);
        }
    }
}
