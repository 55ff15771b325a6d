using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Core.Tests.Cases;

/// <summary>CaseWork on real PostgreSQL: which cases a handler sees, in which order, and what a closed case keeps.</summary>
public sealed class CaseWorkTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider _services = null!;
    private TestHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _services = CoreServices.Build(database.ConnectionString, _clock);
        _handler = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "varsling");
        await using var db = _handler.Context(database.ConnectionString);
        var manual = await db.Channels.SingleAsync(c => c.Slug == "visselblasning");
        db.ChannelRecipients.Add(new ChannelRecipient(Guid.NewGuid(), _handler.OrganisationId, manual.Id, _handler.UserId));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(_handler.OrganisationId);
        return await work(scope.ServiceProvider);
    }

    private Task<Guid> FileAsync(string channelSlug, string what) => InScope(async sp =>
    {
        var intake = sp.GetRequiredService<ReportIntake>();
        var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, channelSlug);
        var filed = await intake.FilePlainAsync(channel, new PlainReport(null,
            new ReportAnswers(what, null, null, null, null, []), new ReporterIdentity(null, null), []));
        return filed.CaseId;
    });

    [Fact]
    public async Task InboxAsync_SortsByTheNextPendingLegalDeadlineOrByReceipt()
    {
        var autoAcknowledged = await FileAsync("varsling", "First");
        _clock.Advance(TimeSpan.FromDays(1));
        var manual = await FileAsync("visselblasning", "Second");

        var byDeadline = await InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(_handler.UserId, new InboxFilter()));
        var byReceipt = await InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(_handler.UserId, new InboxFilter(Sort: InboxSort.Received)));

        var ids = new[] { autoAcknowledged, manual };
        // The manual case's 7-day acknowledgement comes before the other's 3-month feedback.
        Assert.Equal([manual, autoAcknowledged], byDeadline.Rows.Select(r => r.Id).Where(ids.Contains));
        Assert.Equal([manual, autoAcknowledged], byReceipt.Rows.Select(r => r.Id).Where(ids.Contains));
        var first = byDeadline.Rows.Single(r => r.Id == autoAcknowledged);
        Assert.Null(first.Acknowledgement.Marker);
        Assert.NotNull(first.Acknowledgement.MetOn);
        Assert.Equal(DeadlineStatus.OnTrack, first.Feedback.Marker);
        Assert.Equal(first.Feedback.Due, first.NextDue);
        Assert.Equal(2, byDeadline.Channels.Count);
    }

    [Fact]
    public async Task InboxAsync_MarksDueSoonInTheLastDaysBeforeTheDueDayEnds()
    {
        var id = await FileAsync("visselblasning", "Due soon");
        var due = (await InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(_handler.UserId, new InboxFilter()))).Rows.Single(r => r.Id == id).Acknowledgement.Due;
        var endOfDue = Jurisdictions.Sweden.StartOfDayUtc(due.AddDays(1));
        _clock.Advance(endOfDue - _clock.GetUtcNow() - TimeSpan.FromHours(12));

        var row = (await InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(_handler.UserId, new InboxFilter()))).Rows.Single(r => r.Id == id);

        Assert.Equal(DeadlineStatus.DueSoon, row.Acknowledgement.Marker);
        Assert.False(row.Overdue);
    }

    [Fact]
    public async Task OpenAsync_ForACaseTheHandlerHoldsNoKeyFor_IsNotFound()
    {
        var id = await FileAsync("varsling", "Not for the newcomer");
        var newcomer = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "varsling");

        await Assert.ThrowsAsync<NotFoundException>(() => InScope(sp =>
            sp.GetRequiredService<CaseWork>().OpenAsync(id, newcomer.UserId, newcomer.Key)));
        await Assert.ThrowsAsync<NotFoundException>(() => InScope(async sp =>
        {
            await sp.GetRequiredService<CaseWork>().AcknowledgeAsync(id, newcomer.UserId);
            return true;
        }));
        var inbox = await InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(newcomer.UserId, new InboxFilter()));
        Assert.DoesNotContain(inbox.Rows, r => r.Id == id);
    }

    [Fact]
    public async Task CloseAsync_SealsTheSummaryUnderTheSummaryKey()
    {
        var id = await FileAsync("varsling", "To be closed");
        await InScope(async sp =>
        {
            await sp.GetRequiredService<CaseWork>().CloseAsync(id, _handler.UserId, _handler.Key, CaseOutcome.Referred, "Sent to the police.");
            return true;
        });

        await using var db = _handler.Context(database.ConnectionString);
        var record = await db.CaseRecords.SingleAsync(r => r.CaseId == id && r.Kind == RecordKind.Summary);
        var grant = await db.CaseKeyGrants.SingleAsync(g => g.CaseId == id && g.UserId == _handler.UserId && g.Kind == CaseKeyKind.Summary);
        var key = CaseKeys.Unwrap(grant.WrappedKey, _handler.Key, id, CaseKeyKind.Summary);
        Assert.Equal("Sent to the police.", EntryJson.Decode<MessageContent>(Records.Open(key, id, record.Id, RecordKind.Summary, record.SealedContent!)).Text);
        Assert.Equal(CaseOutcome.Referred, (await db.Cases.SingleAsync(c => c.Id == id)).Outcome);
    }

    [Fact]
    public async Task CloseAsync_WrapsTheSummaryKeyToTheLegalTeam_NotToOtherHandlers()
    {
        var legal = await PersonWithKeyAsync(Roles.Legal);
        var handler = await PersonWithKeyAsync(Roles.Handler);
        var id = await FileAsync("varsling", "For the legal team");
        await InScope(async sp =>
        {
            await sp.GetRequiredService<CaseWork>().CloseAsync(id, _handler.UserId, _handler.Key, CaseOutcome.Referred, "Handed to the auditors.");
            return true;
        });

        await using var db = _handler.Context(database.ConnectionString);
        var record = await db.CaseRecords.SingleAsync(r => r.CaseId == id && r.Kind == RecordKind.Summary);
        var grant = await db.CaseKeyGrants.SingleAsync(g => g.CaseId == id && g.UserId == legal.UserId);
        Assert.Equal(CaseKeyKind.Summary, grant.Kind);
        var key = CaseKeys.Unwrap(grant.WrappedKey, legal.Key, id, CaseKeyKind.Summary);
        Assert.Equal("Handed to the auditors.", EntryJson.Decode<MessageContent>(Records.Open(key, id, record.Id, RecordKind.Summary, record.SealedContent!)).Text);
        Assert.False(await db.CaseKeyGrants.AnyAsync(g => g.CaseId == id && g.UserId == handler.UserId));
        var granted = await db.AuditEvents.SingleAsync(e => e.CaseId == id && e.Action == AuditAction.AccessGranted);
        Assert.DoesNotContain("auditors", granted.Detail ?? "", StringComparison.Ordinal);

        // Closing again after a reopening grants nothing twice.
        await InScope(async sp =>
        {
            await sp.GetRequiredService<CaseWork>().ReopenAsync(id, _handler.UserId);
            await sp.GetRequiredService<CaseWork>().CloseAsync(id, _handler.UserId, _handler.Key, CaseOutcome.Referred, null);
            return true;
        });
        Assert.Equal(1, await db.CaseKeyGrants.CountAsync(g => g.CaseId == id && g.UserId == legal.UserId));
    }

    private async Task<TestHandler> PersonWithKeyAsync(string role)
    {
        var userId = await InScope(async sp =>
            (await sp.GetRequiredService<AccountService>().CreateUserAsync(DemoData.NordlysSlug, $"p{Guid.NewGuid():N}@example.org", "Legal Person", role)).UserId);
        var pair = X25519KeyPair.Generate();
        await using var db = _handler.Context(database.ConnectionString);
        var wrap = PrivateKeyWrap.WrapWithKey(pair, new byte[32]);
        db.UserKeys.Add(new UserKey(userId, _handler.OrganisationId, pair.PublicKey, wrap, wrap, _clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return new TestHandler(userId, _handler.OrganisationId, pair);
    }
}
