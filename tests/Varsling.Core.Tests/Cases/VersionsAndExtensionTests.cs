using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Core.Tests.Cases;

/// <summary>Stale forms (the case version) and the feedback extension form's rules, on real PostgreSQL.</summary>
public sealed class VersionsAndExtensionTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private CaseBench _bench = null!;
    private TestHandler _first = null!;
    private TestHandler _second = null!;

    public async Task InitializeAsync()
    {
        _bench = await CaseBench.CreateAsync(database.ConnectionString, _clock);
        _first = await _bench.HandlerAsync();
        _second = await _bench.HandlerAsync();
    }

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    private Task<uint> VersionAsync(Guid id, TestHandler h) =>
        _bench.InScope(async sp => (await sp.GetRequiredService<CaseWork>().OpenAsync(id, h.UserId, h.Key)).Version);

    [Fact]
    public async Task AStepWithTheVersionOfBeforeAnotherHandlersMessage_IsRefusedAndWritesNothing()
    {
        var channel = await _bench.ChannelAsync(ChannelKind.Internal, _first, _second);
        var id = (await _bench.FileAsync(channel, "Two handlers")).CaseId;
        var seenBySecond = await VersionAsync(id, _second);

        var seenByFirst = await VersionAsync(id, _first);
        await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().MessageReporterAsync(id, _first.UserId, _first.Key, "A question", seenByFirst));

        await Assert.ThrowsAsync<CaseChangedException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseWork>().AcknowledgeAsync(id, _second.UserId, seenBySecond)));
        await Assert.ThrowsAsync<CaseChangedException>(() => _bench.InScope(sp =>
            sp.GetRequiredService<CaseWork>().AddNoteAsync(id, _second.UserId, _second.Key, "Stale note", seenBySecond)));
        await Assert.ThrowsAsync<CaseChangedException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseAccess>().AssignAsync(id, _second.UserId, _second.UserId, seenBySecond)));
        await using var db = _bench.Db();
        var c = await db.Cases.SingleAsync(x => x.Id == id);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Null(c.AssigneeId);
        Assert.Equal(2, await db.CaseRecords.CountAsync(r => r.CaseId == id));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.CaseId == id && (e.Action == AuditAction.CaseTransitioned || e.Action == AuditAction.NoteAdded)));

        // With the version read after the message, the same step goes through.
        await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().AcknowledgeAsync(id, _second.UserId, c.Version));
        Assert.Equal(CaseStatus.Acknowledged, (await _bench.Db().Cases.SingleAsync(x => x.Id == id)).Status);
    }

    [Fact]
    public async Task AReporterMessage_MakesAnOpenedFormStale()
    {
        var channel = await _bench.ChannelAsync(ChannelKind.Internal, _first);
        var filed = await _bench.FileAsync(channel, "Reporter writes");
        var seen = await VersionAsync(filed.CaseId, _first);
        await _bench.AsReporterAsync(filed.ReceiptCode!, async (mailbox, state) =>
        {
            await mailbox.PostPlainAsync(state.CaseId, state.Key!, "One more thing", []);
            return true;
        });

        await Assert.ThrowsAsync<CaseChangedException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseWork>().AcknowledgeAsync(filed.CaseId, _first.UserId, seen)));
    }

    [Fact]
    public async Task ExtendFeedbackAsync_OnAnExternalChannel_MovesTheDueDateToSixMonths_AndIsAudited()
    {
        var channel = await _bench.ChannelAsync(ChannelKind.External, _first);
        var id = (await _bench.FileAsync(channel, "External")).CaseId;
        await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().AcknowledgeAsync(id, _first.UserId));
        await using var db = _bench.Db();
        var before = (await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id)).FeedbackDue;
        var view = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(id, _first.UserId, _first.Key));
        Assert.True(view.CanExtendFeedback);

        await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().ExtendFeedbackAsync(id, _first.UserId, "Expert report on the accounts needed.", view.Version));

        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id);
        Assert.Equal("Expert report on the accounts needed.", c.FeedbackExtensionReason);
        Assert.True(c.FeedbackDue > before.AddMonths(2));
        Assert.Equal(c.FeedbackDue, c.NextDue);
        var audit = await db.AuditEvents.SingleAsync(e => e.CaseId == id && e.Action == AuditAction.DeadlineExtended);
        Assert.DoesNotContain("Expert", audit.Detail, StringComparison.Ordinal);
        Assert.False((await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(id, _first.UserId, _first.Key))).CanExtendFeedback);
        await Assert.ThrowsAsync<RuleViolationException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseWork>().ExtendFeedbackAsync(id, _first.UserId, "Again")));
    }

    [Fact]
    public async Task ExtendFeedbackAsync_OnAnInternalChannelOrWithoutAReason_IsRefused()
    {
        var channel = await _bench.ChannelAsync(ChannelKind.Internal, _first);
        var id = (await _bench.FileAsync(channel, "Internal")).CaseId;
        Assert.False((await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(id, _first.UserId, _first.Key))).CanExtendFeedback);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseWork>().ExtendFeedbackAsync(id, _first.UserId, "Busy")));
        Assert.Contains("external channels", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => _bench.InScope(sp => sp.GetRequiredService<CaseWork>().ExtendFeedbackAsync(id, _first.UserId, "  ")));
        await using var db = _bench.Db();
        Assert.Null((await db.Cases.SingleAsync(c => c.Id == id)).FeedbackExtensionReason);
        Assert.False(await db.AuditEvents.AnyAsync(e => e.CaseId == id && e.Action == AuditAction.DeadlineExtended));
    }
}
