using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Access;

/// <summary>Why a person should hold keys of a case they lack.</summary>
public enum PendingReason
{
    /// <summary>A member of the case's channel (added after the case was filed, or re-keyed after a reset).</summary>
    ChannelMember,

    /// <summary>A legal team member lacking the summary key of a closed case.</summary>
    LegalSummary,
}

public sealed record PendingCase(Guid CaseId, string Reference, PendingReason Reason);

/// <summary>A person who should have access to <see cref="Cases"/> but holds no usable key for them.</summary>
public sealed record PendingPerson(Guid UserId, string DisplayName, string Email, IReadOnlyList<PendingCase> Cases);

/// <summary>
/// Grants case keys to people who should hold them and don't (architecture.md §3, "Granting access"): the granter's
/// unlocked key opens each case key and it is HPKE-wrapped to the grantee's current public key. The server alone
/// can never grant: every path needs an unlocked key, the granter's own or, for <see cref="Escrow"/>, a holder's
/// key opened with the escrow recovery key. Each batch is one transaction with one AccessGranted row per case.
/// </summary>
public sealed partial class AccessGrants(VarslingDbContext db, AuditLog audit, ILogger<AccessGrants> logger)
{
    private static readonly CaseKeyKind[] s_memberKinds = [CaseKeyKind.Shared, CaseKeyKind.Identity, CaseKeyKind.Internal, CaseKeyKind.Summary];

    /// <summary>Opens case key <c>kind</c> of case <c>caseId</c>, or null when the key source does not hold it.</summary>
    internal delegate Task<byte[]?> CaseKeySource(Guid caseId, CaseKeyKind kind, CancellationToken ct);

    /// <summary>People lacking access to cases the granter can open: channel members without keys, legal users without closed cases' summary key.</summary>
    public async Task<IReadOnlyList<PendingPerson>> PendingAsync(Guid granterId, CancellationToken ct = default) =>
        await PeopleAsync(await NeedsAsync(granterId, null, ct), ct);

    /// <summary>
    /// Grants the grantee every pending case the granter can open, with <paramref name="granterKey"/>; returns how
    /// many cases were granted. Members get shared, internal and summary, and identity unless the channel's identity
    /// is held by custodians and they are not one; legal users get the summary key only.
    /// </summary>
    public async Task<int> GrantAsync(Guid granterId, X25519KeyPair granterKey, Guid granteeId, CancellationToken ct = default)
    {
        if (granterId == granteeId)
        {
            throw new RuleViolationException("You cannot grant access to yourself.");
        }

        var needs = await NeedsAsync(granterId, granteeId, ct);
        var granted = await GrantCoreAsync(AuditActor.User(granterId), granteeId, needs, async (caseId, kind, c) =>
        {
            var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(g => g.CaseId == caseId && g.UserId == granterId && g.Kind == kind, c);
            if (grant is null)
            {
                return null;
            }

            try
            {
                return CaseKeys.Unwrap(grant.WrappedKey, granterKey, caseId, kind);
            }
            catch (CryptoFormatException)
            {
                throw new RuleViolationException("Your key does not open this case's keys. Sign in again and retry.");
            }
        }, "handler", ct);
        LogGranted(logger, granterId, granteeId, granted);
        return granted;
    }

    /// <summary>
    /// What each person lacks: restricted to cases the granter holds the needed key for when <paramref name="granterId"/>
    /// is set (else all cases of the organisation), and to one grantee when <paramref name="granteeId"/> is set.
    /// </summary>
    internal async Task<List<(Guid UserId, Guid CaseId, string Reference, PendingReason Reason)>> NeedsAsync(Guid? granterId, Guid? granteeId, CancellationToken ct)
    {
        var cases = await db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Purged)
            .Select(c => new { c.Id, c.ChannelId, c.Reference, Closed = c.Status == CaseStatus.Closed }).ToListAsync(ct);
        var grants = (await db.CaseKeyGrants.AsNoTracking().Where(g => g.UserId != null)
            .Select(g => new { g.CaseId, UserId = g.UserId!.Value, g.Kind }).ToListAsync(ct))
            .Select(g => (g.CaseId, g.UserId, g.Kind)).ToHashSet();
        var keyed = db.UserKeys.Select(k => k.UserId);
        var members = await db.ChannelRecipients.AsNoTracking().Where(r => keyed.Contains(r.UserId))
            .Select(r => new { r.ChannelId, r.UserId }).ToListAsync(ct);
        var rules = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.IdentityHeldByCustodians, ct);
        var custodians = (await db.ChannelCustodians.AsNoTracking().Select(c => new { c.ChannelId, c.UserId }).ToListAsync(ct))
            .Select(c => (c.ChannelId, c.UserId)).ToHashSet();
        var legalRole = await db.Roles.AsNoTracking().Where(r => r.Name == Accounts.Roles.Legal).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        var legal = legalRole is { } role
            ? await db.UserRoles.AsNoTracking().Where(ur => ur.RoleId == role && keyed.Contains(ur.UserId)).Select(ur => ur.UserId).ToListAsync(ct)
            : [];
        // A person who stood aside from a case (conflict of interest) must never be given its keys again.
        var recused = (await db.CaseRecusals.AsNoTracking().Select(r => new { r.CaseId, r.UserId }).ToListAsync(ct))
            .Select(r => (r.CaseId, r.UserId)).ToHashSet();
        var orgUsers = await db.UserKeys.AsNoTracking().Select(k => k.UserId).ToListAsync(ct);
        legal = legal.Where(orgUsers.Contains).ToList();

        var needs = new List<(Guid, Guid, string, PendingReason)>();
        foreach (var c in cases)
        {
            var channelMembers = members.Where(m => m.ChannelId == c.ChannelId).Select(m => m.UserId).ToHashSet();
            // A member lacks access when they miss a key they should hold that the granter (or, for escrow, anyone) holds.
            foreach (var m in channelMembers.Where(m => m != granterId && (granteeId is null || m == granteeId) && !recused.Contains((c.Id, m))))
            {
                var required = MemberKinds(rules[c.ChannelId], custodians.Contains((c.ChannelId, m)));
                if (required.Any(k => !grants.Contains((c.Id, m, k)) && (granterId is not { } g || grants.Contains((c.Id, g, k)))))
                {
                    needs.Add((m, c.Id, c.Reference, PendingReason.ChannelMember));
                }
            }

            if (c.Closed && (granterId is not { } h || grants.Contains((c.Id, h, CaseKeyKind.Summary))))
            {
                foreach (var u in legal.Where(u => u != granterId && (granteeId is null || u == granteeId) && !channelMembers.Contains(u) && !recused.Contains((c.Id, u))
                    && !grants.Contains((c.Id, u, CaseKeyKind.Summary))))
                {
                    needs.Add((u, c.Id, c.Reference, PendingReason.LegalSummary));
                }
            }
        }

        return needs;
    }

    internal async Task<IReadOnlyList<PendingPerson>> PeopleAsync(List<(Guid UserId, Guid CaseId, string Reference, PendingReason Reason)> needs, CancellationToken ct)
    {
        var ids = needs.Select(n => n.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        return needs.GroupBy(n => n.UserId)
            .Select(g => new PendingPerson(g.Key, people[g.Key].DisplayName, people[g.Key].Email ?? "",
                g.Select(n => new PendingCase(n.CaseId, n.Reference, n.Reason)).OrderBy(c => c.Reference, StringComparer.Ordinal).ToList()))
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ThenBy(p => p.UserId)
            .ToList();
    }

    /// <summary>Wraps the keys each need calls for to the grantee's current public key; one transaction, one audit row per case.</summary>
    internal async Task<int> GrantCoreAsync(AuditActor actor, Guid granteeId, List<(Guid UserId, Guid CaseId, string Reference, PendingReason Reason)> needs,
        CaseKeySource source, string via, CancellationToken ct)
    {
        if (needs.Count == 0)
        {
            throw new RuleViolationException("This person has no pending access that you can grant.");
        }

        var grantee = await db.UserKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == granteeId, ct)
            ?? throw new RuleViolationException("This person has no key yet; they must sign in and set up their account first.");
        var caseIds = needs.Select(n => n.CaseId).ToList();
        var channels = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.ChannelId }).ToDictionaryAsync(c => c.Id, c => c.ChannelId, ct);
        var channelIds = channels.Values.Distinct().ToList();
        var custodianRule = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.IdentityHeldByCustodians, ct);
        var custodianOf = await db.ChannelCustodians.AsNoTracking().Where(c => c.UserId == granteeId).Select(c => c.ChannelId).ToListAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var granted = 0;
        foreach (var need in needs)
        {
            var channelId = channels[need.CaseId];
            var kinds = need.Reason switch
            {
                PendingReason.ChannelMember => MemberKinds(custodianRule[channelId], custodianOf.Contains(channelId)),
                PendingReason.LegalSummary => [CaseKeyKind.Summary],
            };
            var wrapped = new List<CaseKeyKind>();
            foreach (var kind in kinds)
            {
                if (await db.CaseKeyGrants.AnyAsync(g => g.CaseId == need.CaseId && g.UserId == granteeId && g.Kind == kind, ct))
                {
                    continue;
                }

                var key = await source(need.CaseId, kind, ct);
                if (key is null)
                {
                    continue;
                }

                try
                {
                    db.CaseKeyGrants.Add(new CaseKeyGrant(Guid.NewGuid(), grantee.OrganisationId, need.CaseId, KeyHolder.Handler, granteeId, kind,
                        CaseKeys.Wrap(key, grantee.PublicKey, need.CaseId, kind)));
                    wrapped.Add(kind);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(key);
                }
            }

            if (wrapped.Count == 0)
            {
                continue;
            }

            granted++;
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(new AuditEntry(grantee.OrganisationId, actor, AuditAction.AccessGranted, need.CaseId,
                $"user {granteeId} keys {string.Join(",", wrapped)} via {via}"), ct);
        }

        if (granted == 0)
        {
            throw new RuleViolationException("None of the pending cases could be granted: no key that opens them was available.");
        }

        await tx.CommitAsync(ct);
        return granted;
    }

    /// <summary>The keys a channel member holds: all four, but identity only for custodians when the channel's identities are held by custodians.</summary>
    internal static CaseKeyKind[] MemberKinds(bool heldByCustodians, bool isCustodian) =>
        heldByCustodians && !isCustodian ? s_memberKinds.Where(k => k != CaseKeyKind.Identity).ToArray() : s_memberKinds;

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "User {GranterId} granted {Count} cases to user {GranteeId}")]
    private static partial void LogGranted(ILogger logger, Guid granterId, Guid granteeId, int count);
}
