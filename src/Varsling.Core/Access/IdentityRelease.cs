using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Access;

/// <summary>What a handler may do about a case's reporter identity.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">The case's reference.</param>
/// <param name="HeldByCustodians">The case's channel holds identities with custodians.</param>
/// <param name="HasIdentityKey">The handler holds the case's identity key (custodian, or released to them).</param>
/// <param name="Request">The handler's latest request's status, if any.</param>
public sealed record IdentityAccess(Guid CaseId, string Reference, bool HeldByCustodians, bool HasIdentityKey, ReleaseStatus? Request);

/// <summary>A channel's custodian rule as the admin page shows it.</summary>
public sealed record ChannelCustodians(Guid ChannelId, string Name, bool HeldByCustodians, IReadOnlyList<ChannelMember> Members);

/// <summary>A channel member and whether they are one of its custodians.</summary>
public sealed record ChannelMember(Guid UserId, string DisplayName, bool IsCustodian);

/// <summary>A pending request as a custodian sees it, the reason opened with the custodian's internal key.</summary>
public sealed record ReleaseRequestView(Guid Id, Guid CaseId, string Reference, Guid RequesterId, string RequesterName, string Reason, DateTimeOffset RequestedAt);

/// <summary>
/// Custodian identity release (architecture.md §2): on a channel whose identities are held by custodians, a handler
/// without the identity key asks for it with a reason; a custodian holding the key approves — by wrapping it to the
/// requester's current public key, so approval is cryptographic — or refuses. Admins set the rule and the custodians.
/// Every step is audited without content.
/// </summary>
public sealed partial class IdentityRelease(VarslingDbContext db, AuditLog audit, TimeProvider time, ILogger<IdentityRelease> logger)
{
    public const int MaxReasonLength = 2000;

    /// <summary>Admin: every channel of the organisation with its members and custodians.</summary>
    public async Task<IReadOnlyList<ChannelCustodians>> ChannelsAsync(CancellationToken ct = default)
    {
        var channels = await db.Channels.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Slug).ToListAsync(ct);
        var members = await (
                from r in db.ChannelRecipients.AsNoTracking()
                join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                select new { r.ChannelId, r.UserId, u.DisplayName })
            .ToListAsync(ct);
        var custodians = await db.ChannelCustodians.AsNoTracking().Select(c => new { c.ChannelId, c.UserId }).ToListAsync(ct);
        return channels.Select(c => new ChannelCustodians(c.Id, c.Name, c.IdentityHeldByCustodians,
                members.Where(m => m.ChannelId == c.Id).OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).ThenBy(m => m.UserId)
                    .Select(m => new ChannelMember(m.UserId, m.DisplayName, custodians.Any(x => x.ChannelId == c.Id && x.UserId == m.UserId))).ToList()))
            .ToList();
    }

    /// <summary>Admin: turns the custodian rule on or off for a channel and names its custodians (who must be its members).</summary>
    public async Task ConfigureChannelAsync(Guid adminId, Guid channelId, bool heldByCustodians, IReadOnlyCollection<Guid> custodians, CancellationToken ct = default)
    {
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, ct) ?? throw new NotFoundException("No such channel.");
        var members = await db.ChannelRecipients.Where(r => r.ChannelId == channelId).Select(r => r.UserId).ToListAsync(ct);
        if (custodians.Any(c => !members.Contains(c)))
        {
            throw new RuleViolationException("Custodians must be handlers of the channel.");
        }

        if (heldByCustodians && custodians.Count == 0)
        {
            throw new RuleViolationException("Name at least one custodian before holding identities with custodians.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        channel.SetIdentityHeldByCustodians(heldByCustodians);
        await db.ChannelCustodians.Where(c => c.ChannelId == channelId).ExecuteDeleteAsync(ct);
        db.ChannelCustodians.AddRange(custodians.Distinct().Select(u => new ChannelCustodian(Guid.NewGuid(), channel.OrganisationId, channelId, u)));
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(channel.OrganisationId, AuditActor.User(adminId), AuditAction.SettingsChanged, null,
            $"channel {channelId} identity custodians {(heldByCustodians ? "on" : "off")} count {custodians.Distinct().Count()}"), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The handler's identity situation on a case; 404 unless they hold a key for it.</summary>
    public async Task<IdentityAccess> StateAsync(Guid caseId, Guid userId, CancellationToken ct = default)
    {
        var c = await FindCaseAsync(caseId, userId, ct);
        var held = await db.Channels.AsNoTracking().Where(x => x.Id == c.ChannelId).Select(x => x.IdentityHeldByCustodians).SingleAsync(ct);
        var hasKey = await db.CaseKeyGrants.AnyAsync(g => g.CaseId == caseId && g.UserId == userId && g.Kind == CaseKeyKind.Identity, ct);
        var latest = await db.IdentityReleaseRequests.AsNoTracking().Where(r => r.CaseId == caseId && r.RequesterId == userId)
            .OrderByDescending(r => r.RequestedAt).Select(r => (ReleaseStatus?)r.Status).FirstOrDefaultAsync(ct);
        return new IdentityAccess(caseId, c.Reference, held, hasKey, latest);
    }

    /// <summary>A handler without the identity key asks a custodian for it; the reason is sealed under the case's internal key.</summary>
    public async Task<Guid> RequestAsync(Guid caseId, Guid userId, X25519KeyPair key, string reason, CancellationToken ct = default)
    {
        var state = await StateAsync(caseId, userId, ct);
        if (!state.HeldByCustodians || state.HasIdentityKey)
        {
            throw new RuleViolationException("You already hold this case's identity key, or it is not held by a custodian.");
        }

        if (state.Request == ReleaseStatus.Pending)
        {
            throw new RuleViolationException("You have already asked; a custodian has not decided yet.");
        }

        var text = (reason ?? "").Trim();
        if (text.Length is 0 or > MaxReasonLength)
        {
            throw new RuleViolationException($"Give a reason of 1–{MaxReasonLength} characters.");
        }

        var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(g => g.CaseId == caseId && g.UserId == userId && g.Kind == CaseKeyKind.Internal, ct)
            ?? throw new RuleViolationException("You do not hold this case's internal key, so your reason cannot be sealed.");
        var internalKey = CaseKeys.Unwrap(grant.WrappedKey, key, caseId, CaseKeyKind.Internal);
        var id = Guid.NewGuid();
        try
        {
            var sealedReason = Records.Seal(internalKey, caseId, id, RecordKind.Note, Encoding.UTF8.GetBytes(text));
            var orgId = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.OrganisationId).SingleAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.IdentityReleaseRequests.Add(new IdentityReleaseRequest(id, orgId, caseId, userId, sealedReason, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(new AuditEntry(orgId, AuditActor.User(userId), AuditAction.IdentityReleaseRequested, caseId, $"request {id}"), ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(internalKey);
        }

        LogRequested(logger, caseId, userId, id);
        return id;
    }

    /// <summary>Pending requests on cases of channels the person is a custodian of and holds the identity key for.</summary>
    public async Task<IReadOnlyList<ReleaseRequestView>> PendingAsync(Guid custodianId, X25519KeyPair key, CancellationToken ct = default)
    {
        var channels = db.ChannelCustodians.Where(c => c.UserId == custodianId).Select(c => c.ChannelId);
        var held = db.CaseKeyGrants.Where(g => g.UserId == custodianId && g.Kind == CaseKeyKind.Identity).Select(g => g.CaseId);
        var rows = await (
                from r in db.IdentityReleaseRequests.AsNoTracking()
                join c in db.Cases.AsNoTracking() on r.CaseId equals c.Id
                join u in db.Users.AsNoTracking() on r.RequesterId equals u.Id
                where r.Status == ReleaseStatus.Pending && channels.Contains(c.ChannelId) && held.Contains(c.Id) && c.Status != CaseStatus.Purged
                orderby r.RequestedAt
                select new { r.Id, r.CaseId, c.Reference, r.RequesterId, u.DisplayName, r.SealedReason, r.RequestedAt })
            .ToListAsync(ct);
        var result = new List<ReleaseRequestView>();
        foreach (var row in rows)
        {
            var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(g => g.CaseId == row.CaseId && g.UserId == custodianId && g.Kind == CaseKeyKind.Internal, ct);
            var reason = "";
            if (grant is not null)
            {
                var internalKey = CaseKeys.Unwrap(grant.WrappedKey, key, row.CaseId, CaseKeyKind.Internal);
                try
                {
                    reason = Encoding.UTF8.GetString(Records.Open(internalKey, row.CaseId, row.Id, RecordKind.Note, row.SealedReason));
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(internalKey);
                }
            }

            result.Add(new ReleaseRequestView(row.Id, row.CaseId, row.Reference, row.RequesterId, row.DisplayName, reason, row.RequestedAt));
        }

        return result;
    }

    /// <summary>A custodian approves: the identity key is unwrapped with their key and wrapped to the requester's current key.</summary>
    public async Task ApproveAsync(Guid requestId, Guid custodianId, X25519KeyPair key, CancellationToken ct = default)
    {
        var (request, grant) = await RequireDecidableAsync(requestId, custodianId, ct);
        var requesterKey = await db.UserKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == request.RequesterId, ct)
            ?? throw new RuleViolationException("The requester has no key now; they must set up their account again and ask again.");
        byte[] identityKey;
        try
        {
            identityKey = CaseKeys.Unwrap(grant.WrappedKey, key, request.CaseId, CaseKeyKind.Identity);
        }
        catch (CryptoFormatException)
        {
            throw new RuleViolationException("Your key does not open this case's identity key. Sign in again and retry.");
        }

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            request.Decide(true, custodianId, time.GetUtcNow());
            if (!await db.CaseKeyGrants.AnyAsync(g => g.CaseId == request.CaseId && g.UserId == request.RequesterId && g.Kind == CaseKeyKind.Identity, ct))
            {
                db.CaseKeyGrants.Add(new CaseKeyGrant(Guid.NewGuid(), request.OrganisationId, request.CaseId, KeyHolder.Handler, request.RequesterId,
                    CaseKeyKind.Identity, CaseKeys.Wrap(identityKey, requesterKey.PublicKey, request.CaseId, CaseKeyKind.Identity)));
            }

            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(new AuditEntry(request.OrganisationId, AuditActor.User(custodianId), AuditAction.IdentityReleased, request.CaseId,
                $"request {request.Id} to user {request.RequesterId}"), ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(identityKey);
        }

        LogDecided(logger, request.Id, custodianId, true);
    }

    /// <summary>A custodian refuses: nothing is wrapped; the requester may ask again with a new reason.</summary>
    public async Task RefuseAsync(Guid requestId, Guid custodianId, CancellationToken ct = default)
    {
        var (request, _) = await RequireDecidableAsync(requestId, custodianId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        request.Decide(false, custodianId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(request.OrganisationId, AuditActor.User(custodianId), AuditAction.IdentityReleaseRefused, request.CaseId,
            $"request {request.Id}"), ct);
        await tx.CommitAsync(ct);
        LogDecided(logger, request.Id, custodianId, false);
    }

    private async Task<(IdentityReleaseRequest Request, CaseKeyGrant Grant)> RequireDecidableAsync(Guid requestId, Guid custodianId, CancellationToken ct)
    {
        var request = await db.IdentityReleaseRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct) ?? throw new NotFoundException("No such request.");
        var channelId = await db.Cases.AsNoTracking().Where(c => c.Id == request.CaseId).Select(c => c.ChannelId).SingleAsync(ct);
        var grant = await db.CaseKeyGrants.AsNoTracking().SingleOrDefaultAsync(g => g.CaseId == request.CaseId && g.UserId == custodianId && g.Kind == CaseKeyKind.Identity, ct);
        if (grant is null || !await db.ChannelCustodians.AnyAsync(c => c.ChannelId == channelId && c.UserId == custodianId, ct))
        {
            throw new NotFoundException("No such request.");
        }

        if (request.Status != ReleaseStatus.Pending)
        {
            throw new RuleViolationException("This request has already been decided.");
        }

        return (request, grant);
    }

    private async Task<Case> FindCaseAsync(Guid caseId, Guid userId, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || c.Status is CaseStatus.Purged || !await db.CaseKeyGrants.AnyAsync(g => g.CaseId == caseId && g.UserId == userId, ct))
        {
            throw new NotFoundException("No such case.");
        }

        return c;
    }

    [LoggerMessage(EventId = 4621, Level = LogLevel.Information, Message = "User {UserId} asked for the identity key of case {CaseId} (request {RequestId})")]
    private static partial void LogRequested(ILogger logger, Guid caseId, Guid userId, Guid requestId);

    [LoggerMessage(EventId = 4622, Level = LogLevel.Information, Message = "Custodian {CustodianId} decided identity request {RequestId}: approved {Approved}")]
    private static partial void LogDecided(ILogger logger, Guid requestId, Guid custodianId, bool approved);
}
