using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Core.Tests.Cases;

/// <summary>CaseAccess on real PostgreSQL: who can be assigned a case, and what standing aside takes away.</summary>
public sealed class AssignmentAndRecusalTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private CaseBench _bench = null!;

    public async Task InitializeAsync() => _bench = await CaseBench.CreateAsync(database.ConnectionString, _clock);

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    [Fact]
    public async Task AssignAsync_ToAnotherKeyHolderAndBack_IsAuditedAndShownInTheInbox()
    {
        var first = await _bench.HandlerAsync();
        var second = await _bench.HandlerAsync();
        var channel = await _bench.ChannelAsync(ChannelKind.Internal, first, second);
        var id = (await _bench.FileAsync(channel, "Assign me")).CaseId;

        await _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().AssignAsync(id, first.UserId, second.UserId));
        var mine = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(second.UserId, new InboxFilter(Assignment: InboxAssignment.Mine)));
        var unassigned = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(second.UserId, new InboxFilter(Assignment: InboxAssignment.Unassigned)));
        var row = Assert.Single(mine.Rows, r => r.Id == id);
        Assert.Equal(second.UserId, row.AssigneeId);
        Assert.NotNull(row.AssigneeName);
        Assert.DoesNotContain(unassigned.Rows, r => r.Id == id);

        await _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().AssignAsync(id, second.UserId, null));
        await using var db = _bench.Db();
        Assert.Null((await db.Cases.SingleAsync(c => c.Id == id)).AssigneeId);
        var events = await db.AuditEvents.Where(e => e.CaseId == id && e.Action == AuditAction.CaseAssigned).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([$"assignee {second.UserId}", "unassigned"], events.Select(e => e.Detail));
        Assert.Equal([first.UserId, second.UserId], events.Select(e => e.ActorId!.Value));
    }

    [Fact]
    public async Task AssignAsync_ToSomeoneWithoutTheCaseKeys_IsRefused()
    {
        var holder = await _bench.HandlerAsync();
        var outsider = await _bench.HandlerAsync();
        var channel = await _bench.ChannelAsync(ChannelKind.Internal, holder);
        var id = (await _bench.FileAsync(channel, "Keys only")).CaseId;

        await Assert.ThrowsAsync<RuleViolationException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().AssignAsync(id, holder.UserId, outsider.UserId)));
        await Assert.ThrowsAsync<NotFoundException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().AssignAsync(id, outsider.UserId, outsider.UserId)));
        await using var db = _bench.Db();
        Assert.Null((await db.Cases.SingleAsync(c => c.Id == id)).AssigneeId);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.CaseId == id && e.Action == AuditAction.CaseAssigned));
    }

    [Fact]
    public async Task RecuseAsync_DeletesTheGrants_SealsTheReason_AndTheCaseIsGoneForThem()
    {
        var recusing = await _bench.HandlerAsync();
        var staying = await _bench.HandlerAsync();
        var channel = await _bench.ChannelAsync(ChannelKind.Internal, recusing, staying);
        var id = (await _bench.FileAsync(channel, "My brother is involved")).CaseId;
        await _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().AssignAsync(id, recusing.UserId, recusing.UserId));

        await _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().RecuseAsync(id, recusing.UserId, recusing.Key, "The reported manager is my brother-in-law."));

        await using var db = _bench.Db();
        Assert.False(await db.CaseKeyGrants.AnyAsync(g => g.CaseId == id && g.UserId == recusing.UserId));
        Assert.Equal(4, await db.CaseKeyGrants.CountAsync(g => g.CaseId == id && g.UserId == staying.UserId));
        Assert.Null((await db.Cases.SingleAsync(c => c.Id == id)).AssigneeId);
        var recusal = await db.CaseRecusals.SingleAsync(r => r.CaseId == id);
        Assert.Equal(recusing.UserId, recusal.UserId);

        // The reason is an internal note the remaining handler opens; it is nowhere in plaintext.
        var view = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(id, staying.UserId, staying.Key));
        Assert.Equal("The reported manager is my brother-in-law.", Assert.Single(view.Notes).Message!.Text);
        Assert.Equal(recusal.NoteRecordId, view.Notes[0].Id);
        var revoked = await db.AuditEvents.SingleAsync(e => e.CaseId == id && e.Action == AuditAction.AccessRevoked);
        Assert.Equal(recusing.UserId, revoked.ActorId);
        Assert.DoesNotContain("brother", revoked.Detail, StringComparison.OrdinalIgnoreCase);

        // For the recused person the case is gone: not in the inbox, not found, not assignable.
        var inbox = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(recusing.UserId, new InboxFilter()));
        Assert.DoesNotContain(inbox.Rows, r => r.Id == id);
        await Assert.ThrowsAsync<NotFoundException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(id, recusing.UserId, recusing.Key)));
        await Assert.ThrowsAsync<RuleViolationException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().AssignAsync(id, staying.UserId, recusing.UserId)));
        Assert.True(await _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().HasRecusedAsync(id, recusing.UserId)));
    }

    [Fact]
    public async Task RecuseAsync_ByTheLastKeyHolder_IsRefusedAndChangesNothing()
    {
        var only = await _bench.HandlerAsync();
        var channel = await _bench.ChannelAsync(ChannelKind.Internal, only);
        var id = (await _bench.FileAsync(channel, "Nobody else")).CaseId;

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().RecuseAsync(id, only.UserId, only.Key, "Conflict")));
        Assert.Contains("only handler", refused.Message, StringComparison.Ordinal);

        await using var db = _bench.Db();
        Assert.Equal(4, await db.CaseKeyGrants.CountAsync(g => g.CaseId == id && g.UserId == only.UserId));
        Assert.False(await db.CaseRecords.AnyAsync(r => r.CaseId == id && r.Kind == RecordKind.Note));
        Assert.False(await db.CaseRecusals.AnyAsync(r => r.CaseId == id));
    }

    [Fact]
    public async Task CloseAsync_DoesNotWrapTheSummaryKeyToARecusedLegalTeamMember()
    {
        var handler = await _bench.HandlerAsync();
        var legalId = await _bench.InScope(async sp => (await sp.GetRequiredService<Varsling.Core.Accounts.AccountService>()
            .CreateUserAsync(DemoData.NordlysSlug, $"l{Guid.NewGuid():N}@example.org", "Legal Person", Varsling.Core.Accounts.Roles.Legal)).UserId);
        var legal = new TestHandler(legalId, _bench.OrganisationId, X25519KeyPair.Generate());
        await using (var db = _bench.Db())
        {
            var wrap = PrivateKeyWrap.WrapWithKey(legal.Key, new byte[32]);
            db.UserKeys.Add(new Varsling.Core.Accounts.UserKey(legal.UserId, _bench.OrganisationId, legal.Key.PublicKey, wrap, wrap, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var channel = await _bench.ChannelAsync(ChannelKind.Internal, handler, legal);
        var id = (await _bench.FileAsync(channel, "Closing")).CaseId;
        await _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().RecuseAsync(id, legal.UserId, legal.Key, "Conflict"));
        await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().AcknowledgeAsync(id, handler.UserId));
        await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().CloseAsync(id, handler.UserId, handler.Key, CaseOutcome.Withdrawn, "Closed."));

        await using var check = _bench.Db();
        Assert.False(await check.CaseKeyGrants.AnyAsync(g => g.CaseId == id && g.UserId == legal.UserId));
        Assert.False(await check.AuditEvents.AnyAsync(e => e.CaseId == id && e.Action == AuditAction.AccessGranted));
    }
}
