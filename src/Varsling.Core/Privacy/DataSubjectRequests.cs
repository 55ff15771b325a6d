using Microsoft.EntityFrameworkCore;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Organisations;

namespace Varsling.Core.Privacy;

/// <summary>A request in the register with where it stands against its deadline at the moment asked.</summary>
public sealed record DataSubjectRequestView(DataSubjectRequest Request, DeadlineStatus? Clock);

/// <summary>
/// The register of data-subject requests for the scope's organisation. Every read and write goes through the
/// organisation filter; a request of another organisation is "not found".
/// <para>Registering, extending and completing are each audited in the same transaction as the change, as
/// <see cref="AuditAction.DataSubjectRequestRegistered"/>, <see cref="AuditAction.DataSubjectRequestExtended"/> and
/// <see cref="AuditAction.DataSubjectRequestCompleted"/>. The detail names the request's id, reference and right
/// (and the outcome) only: never the requester, the reasons or the ground, which may identify a person.</para>
/// </summary>
public sealed class DataSubjectRequests(VarslingDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Requests due within this many days are reported as due soon.</summary>
    public const int DueSoonDays = 7;

    public async Task<DataSubjectRequest> RegisterAsync(Guid userId, Guid legalEntityId, DataSubjectRight right, DateTimeOffset receivedAt,
        Guid? caseId, CancellationToken ct = default)
    {
        var entity = await db.LegalEntities.SingleOrDefaultAsync(e => e.Id == legalEntityId, ct)
            ?? throw new NotFoundException("No such legal entity.");
        if (receivedAt > time.GetUtcNow())
        {
            throw new RuleViolationException("A request cannot be registered as received in the future.");
        }

        var request = DataSubjectRequest.Register(Guid.NewGuid(), entity.OrganisationId, entity.Id, References.New("DSR-", 8), right,
            receivedAt, caseId, Jurisdictions.Get(entity.JurisdictionCode));
        db.Add(request);
        await SaveAuditedAsync(userId, request, AuditAction.DataSubjectRequestRegistered, ct);
        return request;
    }

    /// <summary>
    /// Registers a request received on a local date of the legal entity's jurisdiction; the clock starts at that
    /// day's beginning, so the deadline is never later than the receipt's own date allows.
    /// </summary>
    public async Task<DataSubjectRequest> RegisterAsync(Guid userId, Guid legalEntityId, DataSubjectRight right, DateOnly receivedOn, CancellationToken ct = default)
    {
        var entity = await db.LegalEntities.AsNoTracking().SingleOrDefaultAsync(e => e.Id == legalEntityId, ct)
            ?? throw new NotFoundException("No such legal entity.");
        return await RegisterAsync(userId, legalEntityId, right, Jurisdictions.Get(entity.JurisdictionCode).StartOfDayUtc(receivedOn), null, ct);
    }

    public Task<IReadOnlyList<LegalEntityOption>> LegalEntitiesAsync(CancellationToken ct = default) => LegalEntityOptions.ListAsync(db, ct);

    public async Task ExtendAsync(Guid userId, Guid requestId, string reason, CancellationToken ct = default)
    {
        var (request, jurisdiction) = await FindAsync(requestId, ct);
        request.Extend(time.GetUtcNow(), reason, jurisdiction);
        await SaveAuditedAsync(userId, request, AuditAction.DataSubjectRequestExtended, ct);
    }

    public async Task CompleteAsync(Guid userId, Guid requestId, DataSubjectRequestOutcome outcome, string? ground, CancellationToken ct = default)
    {
        var (request, _) = await FindAsync(requestId, ct);
        request.Complete(time.GetUtcNow(), outcome, ground);
        await SaveAuditedAsync(userId, request, AuditAction.DataSubjectRequestCompleted, ct);
    }

    /// <summary>Saves the change and its audit event in one transaction; the audit append goes last, as AuditLog asks.</summary>
    private async Task SaveAuditedAsync(Guid userId, DataSubjectRequest request, AuditAction action, CancellationToken ct)
    {
        var detail = $"request {request.Id} {request.Reference} right {request.Right}"
            + (request.Outcome is { } outcome ? $" outcome {outcome}" : "");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(new AuditEntry(request.OrganisationId, AuditActor.User(userId), action, request.CaseId, detail), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Open requests first, most urgent first; then completed ones, newest first.</summary>
    public async Task<IReadOnlyList<DataSubjectRequestView>> ListAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var all = await db.DataSubjectRequests.AsNoTracking().ToListAsync(ct);
        var open = all.Where(r => r.Status != DataSubjectRequestStatus.Completed)
            .OrderBy(r => r.DueEndUtc)
            .Select(r => new DataSubjectRequestView(r, new Deadline(r.Due, r.Due, r.DueEndUtc).Status(now, DueSoonDays)));
        var completed = all.Where(r => r.Status == DataSubjectRequestStatus.Completed)
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => new DataSubjectRequestView(r, null));
        return [.. open, .. completed];
    }

    private async Task<(DataSubjectRequest, Jurisdiction)> FindAsync(Guid requestId, CancellationToken ct)
    {
        var request = await db.DataSubjectRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new NotFoundException("No such request.");
        var entity = await db.LegalEntities.SingleAsync(e => e.Id == request.LegalEntityId, ct);
        return (request, Jurisdictions.Get(entity.JurisdictionCode));
    }
}
