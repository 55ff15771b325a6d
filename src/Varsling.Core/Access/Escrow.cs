using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Crypto;

namespace Varsling.Core.Access;

/// <summary>Whether escrow is on, since when, and how many people with a key are covered by an escrow wrap.</summary>
public sealed record EscrowStatus(bool On, DateTimeOffset? EnabledAt, IReadOnlyList<EscrowPerson> People);

/// <summary>A person with a key pair; <see cref="Covered"/> when their private key is sealed to the escrow key.</summary>
public sealed record EscrowPerson(Guid UserId, string DisplayName, string Email, bool Covered);

/// <summary>
/// The organisation's key escrow (crypto-docs/key-hierarchy.md, "Escrow"; protocol.md §10). Turning it on creates an
/// escrow key pair whose private half is wrapped under an escrow recovery key shown once; from then on every
/// person's private key is HPKE-sealed to the escrow public key whenever the server holds it unlocked (enrolment,
/// password change, recovery, sign-in). The escrow holder — an admin who types the escrow recovery key — can give a
/// person a fresh recovery key for their own key pair, or grant pending cases using a current holder's escrowed
/// key. Every step is audited; the escrow recovery key is never stored, logged or put in a URL.
/// </summary>
public sealed partial class Escrow(VarslingDbContext db, AccessGrants grants, AuditLog audit, BoundedDerivations derivations, TimeProvider time, ILogger<Escrow> logger)
{
    private const string WrongKey = "The escrow recovery key is not right.";

    public async Task<EscrowStatus> StatusAsync(CancellationToken ct = default)
    {
        var escrow = await db.OrganisationEscrows.AsNoTracking().SingleOrDefaultAsync(ct);
        var people = await (
                from k in db.UserKeys.AsNoTracking()
                join u in db.Users.AsNoTracking() on k.UserId equals u.Id
                orderby u.DisplayName, u.Id
                select new EscrowPerson(u.Id, u.DisplayName, u.Email ?? "", k.EscrowWrap != null))
            .ToListAsync(ct);
        return new EscrowStatus(escrow is not null, escrow?.EnabledAt, people);
    }

    /// <summary>
    /// Turns escrow on for the caller's organisation and seals the admin's own key to it; returns the escrow recovery
    /// key in display form, the only copy. Refused when escrow is already on.
    /// </summary>
    public async Task<string> TurnOnAsync(Guid adminId, X25519KeyPair adminKey, CancellationToken ct = default)
    {
        var own = await db.UserKeys.SingleOrDefaultAsync(k => k.UserId == adminId, ct) ?? throw new KeySessionUnavailableException();
        if (await db.OrganisationEscrows.AnyAsync(ct))
        {
            throw new RuleViolationException("Escrow is already on. Turn it off first to create a new escrow key.");
        }

        using var pair = X25519KeyPair.Generate();
        var secret = RecoveryKey.Generate();
        try
        {
            var wrapped = await derivations.WrapWithSecretAsync(pair, secret, ct);
            var now = time.GetUtcNow();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.OrganisationEscrows.Add(new OrganisationEscrow(own.OrganisationId, pair.PublicKey, wrapped, adminId, now));
            own.SetEscrowWrap(EscrowWrap.Seal(adminKey, pair.PublicKey, own.OrganisationId, adminId), now);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(new AuditEntry(own.OrganisationId, AuditActor.User(adminId), AuditAction.EscrowEnabled), ct);
            await tx.CommitAsync(ct);
            LogEnabled(logger, own.OrganisationId, adminId);
            return RecoveryKey.Format(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Turns escrow off: the escrow key and every person's escrow wrap are deleted in one transaction.</summary>
    public async Task TurnOffAsync(Guid adminId, CancellationToken ct = default)
    {
        var escrow = await db.OrganisationEscrows.SingleOrDefaultAsync(ct) ?? throw new RuleViolationException("Escrow is not on.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var wiped = await db.UserKeys.Where(k => k.EscrowWrap != null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.EscrowWrap, (byte[]?)null).SetProperty(k => k.UpdatedAt, now), ct);
        db.OrganisationEscrows.Remove(escrow);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(escrow.OrganisationId, AuditActor.User(adminId), AuditAction.EscrowDisabled, null, $"escrow wraps deleted {wiped}"), ct);
        await tx.CommitAsync(ct);
        LogDisabled(logger, escrow.OrganisationId, adminId, wiped);
    }

    /// <summary>
    /// The person's key sealed to the organisation's escrow key, or null when escrow is off. Called by every path that
    /// holds a person's unlocked key; the caller stores it on the person's <see cref="UserKey"/>.
    /// </summary>
    public async Task<byte[]?> SealAsync(Guid organisationId, Guid userId, X25519KeyPair pair, CancellationToken ct = default)
    {
        var publicKey = await db.OrganisationEscrows.AsNoTracking().Where(e => e.OrganisationId == organisationId).Select(e => e.PublicKey).SingleOrDefaultAsync(ct);
        return publicKey is null ? null : EscrowWrap.Seal(pair, publicKey, organisationId, userId);
    }

    /// <summary>
    /// Escrow recovery of a person who forgot their password and lost their recovery key: their escrow wrap is opened
    /// with the escrow recovery key and their key pair wrapped under a new one-time recovery key, returned in display
    /// form for the admin to hand over. The person then uses it on the forgot-password page and keeps their key pair
    /// and every case. Their password wrap is left as it is until they do.
    /// </summary>
    public async Task<string> RecoverKeyAsync(Guid adminId, string escrowRecoveryKey, Guid userId, CancellationToken ct = default)
    {
        if (adminId == userId)
        {
            throw new RuleViolationException("An escrow holder cannot recover their own key; another admin must do it.");
        }

        var key = await db.UserKeys.SingleOrDefaultAsync(k => k.UserId == userId, ct)
            ?? throw new RuleViolationException("This person has no key pair to recover.");
        if (key.EscrowWrap is not { } wrap)
        {
            throw new RuleViolationException("This person's key is not in escrow: they have not signed in since escrow was turned on.");
        }

        using var escrow = await OpenEscrowKeyAsync(adminId, escrowRecoveryKey, ct);
        using var pair = EscrowWrap.Open(wrap, escrow, key.OrganisationId, userId);
        var secret = RecoveryKey.Generate();
        try
        {
            var wrapped = await derivations.WrapWithSecretAsync(pair, secret, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            key.RewrapRecovery(wrapped, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(new AuditEntry(key.OrganisationId, AuditActor.User(adminId), AuditAction.KeyRecovered, null,
                $"user {userId} new recovery key via escrow"), ct);
            await tx.CommitAsync(ct);
            LogRecovered(logger, adminId, userId);
            return RecoveryKey.Format(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Everyone in the organisation with pending access, whatever case: what an escrow re-grant could grant.</summary>
    public async Task<IReadOnlyList<PendingPerson>> PendingAsync(CancellationToken ct = default) =>
        await grants.PeopleAsync(await grants.NeedsAsync(null, null, ct), ct);

    /// <summary>
    /// Escrow re-grant: grants the person's pending cases using, for each case key, a current holder's escrowed
    /// private key opened with the escrow recovery key. Returns how many cases were granted.
    /// </summary>
    public async Task<int> RegrantAsync(Guid adminId, string escrowRecoveryKey, Guid granteeId, CancellationToken ct = default)
    {
        var needs = await grants.NeedsAsync(null, granteeId, ct);
        if (needs.Count == 0)
        {
            throw new RuleViolationException("This person has no pending access.");
        }

        using var escrow = await OpenEscrowKeyAsync(adminId, escrowRecoveryKey, ct);
        var escrowed = await db.UserKeys.AsNoTracking().Where(k => k.EscrowWrap != null && k.UserId != granteeId)
            .ToDictionaryAsync(k => k.UserId, ct);
        var opened = new Dictionary<Guid, X25519KeyPair>();
        try
        {
            var granted = await grants.GrantCoreAsync(AuditActor.User(adminId), granteeId, needs, async (caseId, kind, c) =>
            {
                var holders = await db.CaseKeyGrants.AsNoTracking().Where(g => g.CaseId == caseId && g.Kind == kind && g.UserId != null)
                    .Select(g => new { UserId = g.UserId!.Value, g.WrappedKey }).ToListAsync(c);
                foreach (var holder in holders.Where(h => escrowed.ContainsKey(h.UserId)))
                {
                    if (!opened.TryGetValue(holder.UserId, out var pair))
                    {
                        var k = escrowed[holder.UserId];
                        pair = EscrowWrap.Open(k.EscrowWrap!, escrow, k.OrganisationId, k.UserId);
                        opened[holder.UserId] = pair;
                    }

                    try
                    {
                        return CaseKeys.Unwrap(holder.WrappedKey, pair, caseId, kind);
                    }
                    catch (CryptoFormatException)
                    {
                        // A grant to a key the holder no longer has; another holder may do.
                    }
                }

                return null;
            }, "escrow", ct);
            LogRegranted(logger, adminId, granteeId, granted);
            return granted;
        }
        finally
        {
            foreach (var pair in opened.Values)
            {
                pair.Dispose();
            }
        }
    }

    private async Task<X25519KeyPair> OpenEscrowKeyAsync(Guid adminId, string typed, CancellationToken ct)
    {
        var escrow = await db.OrganisationEscrows.AsNoTracking().SingleOrDefaultAsync(ct) ?? throw new RuleViolationException("Escrow is not on.");
        if (!RecoveryKey.TryParse(typed, out var secret))
        {
            LogEscrowKeyRefused(logger, adminId);
            throw new RuleViolationException(WrongKey);
        }

        try
        {
            return await derivations.UnwrapWithSecretAsync(escrow.WrappedPrivateKey, secret, ct);
        }
        catch (CryptoFormatException)
        {
            LogEscrowKeyRefused(logger, adminId);
            throw new RuleViolationException(WrongKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    [LoggerMessage(EventId = 4611, Level = LogLevel.Information, Message = "Escrow turned on in organisation {OrganisationId} by user {AdminId}")]
    private static partial void LogEnabled(ILogger logger, Guid organisationId, Guid adminId);

    [LoggerMessage(EventId = 4612, Level = LogLevel.Information, Message = "Escrow turned off in organisation {OrganisationId} by user {AdminId}; {Count} escrow wraps deleted")]
    private static partial void LogDisabled(ILogger logger, Guid organisationId, Guid adminId, int count);

    [LoggerMessage(EventId = 4613, Level = LogLevel.Information, Message = "User {AdminId} recovered the key of user {UserId} through escrow")]
    private static partial void LogRecovered(ILogger logger, Guid adminId, Guid userId);

    [LoggerMessage(EventId = 4614, Level = LogLevel.Information, Message = "User {AdminId} granted {Count} cases to user {GranteeId} through escrow")]
    private static partial void LogRegranted(ILogger logger, Guid adminId, Guid granteeId, int count);

    [LoggerMessage(EventId = 4615, Level = LogLevel.Warning, Message = "User {AdminId} typed an escrow recovery key that was refused")]
    private static partial void LogEscrowKeyRefused(ILogger logger, Guid adminId);
}
