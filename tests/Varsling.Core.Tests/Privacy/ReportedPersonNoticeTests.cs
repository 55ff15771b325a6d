using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Audit;
using Varsling.Core.Deadlines;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;
using Varsling.Testing;

namespace Varsling.Core.Tests.Privacy;

/// <summary>
/// Informing the reported person. The case is received Mon 3 Mar 2025 09:00Z in Oslo, so the one-month notice
/// deadline (GDPR Art. 14(3)) is Thu 3 Apr 2025, ending 2025-04-03T22:00Z (midnight, Oslo summer time).
/// </summary>
public sealed class ReportedPersonNoticeTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset s_received = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private sealed record World(Guid OrganisationId, Guid CaseId, TestHandler Handler);

    private async Task<World> NewCaseAsync()
    {
        var handler = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "varsling");
        var ids = await BulkCases.SeedAsync(database.ConnectionString, handler.OrganisationId, "varsling",
            [new BulkRecipient(handler.UserId, handler.Key.PublicKey)], 1, new BulkShape(s_received, Closed: false, Messages: 0, Attachments: 0), templates: 1);
        return new World(handler.OrganisationId, ids[0], handler);
    }

    private ReportedPersonNotices Notices(Guid organisationId, FakeTimeProvider clock, out Core.Data.VarslingDbContext db)
    {
        db = database.Context(organisationId);
        return new ReportedPersonNotices(db, new AuditLog(db, clock), clock);
    }

    [Theory]
    [InlineData("2025-03-10T12:00:00Z", DeadlineStatus.OnTrack)]
    [InlineData("2025-03-28T12:00:00Z", DeadlineStatus.DueSoon)]
    [InlineData("2025-04-03T21:59:00Z", DeadlineStatus.DueSoon)]
    [InlineData("2025-04-03T22:00:00Z", DeadlineStatus.Overdue)]
    public async Task Get_NothingRecorded_IsPendingAgainstTheOneMonthDeadline(string now, DeadlineStatus expected)
    {
        var world = await NewCaseAsync();
        var notices = Notices(world.OrganisationId, new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)), out var db);
        await using var _ = db;

        var view = await notices.GetAsync(world.CaseId, world.Handler.UserId);

        Assert.Equal(NoticeState.Pending, view.State);
        Assert.Equal(new DateOnly(2025, 4, 3), view.Due.Due);
        Assert.Equal(new DateOnly(2025, 3, 3), view.Received);
        Assert.Equal(expected, view.Marker);
        Assert.Empty(view.History);
    }

    [Fact]
    public async Task RecordInformed_IsFinal_AndSaysWhetherItWasInTime()
    {
        var world = await NewCaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 10, 9, 0, 0, TimeSpan.Zero));
        var notices = Notices(world.OrganisationId, clock, out var db);
        await using var _ = db;

        await notices.RecordInformedAsync(world.CaseId, world.Handler.UserId, new DateOnly(2025, 4, 3));

        var view = await notices.GetAsync(world.CaseId, world.Handler.UserId);
        Assert.Equal((NoticeState.Informed, (DateOnly?)new DateOnly(2025, 4, 3), (bool?)true, (DeadlineStatus?)null),
            (view.State, view.InformedOn, view.InformedInTime, view.Marker));
        var again = await Assert.ThrowsAsync<RuleViolationException>(() =>
            notices.RecordInformedAsync(world.CaseId, world.Handler.UserId, new DateOnly(2025, 4, 4)));
        Assert.Contains("already recorded as informed on 2025-04-03", again.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            notices.DeferAsync(world.CaseId, world.Handler.UserId, NoticeDeferralGround.ImpairsInvestigation, new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public async Task RecordInformed_AfterTheDeadline_IsRecordedAsLate()
    {
        var world = await NewCaseAsync();
        var notices = Notices(world.OrganisationId, new FakeTimeProvider(new DateTimeOffset(2025, 4, 10, 9, 0, 0, TimeSpan.Zero)), out var db);
        await using var _ = db;

        await notices.RecordInformedAsync(world.CaseId, world.Handler.UserId, new DateOnly(2025, 4, 4));

        Assert.False((await notices.GetAsync(world.CaseId, world.Handler.UserId)).InformedInTime);
    }

    [Fact]
    public async Task RecordInformed_BeforeReceiptOrInTheFutureOrWithoutADate_IsRefusedWithTheReason()
    {
        var world = await NewCaseAsync();
        var notices = Notices(world.OrganisationId, new FakeTimeProvider(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.Zero)), out var db);
        await using var _ = db;

        var early = await Assert.ThrowsAsync<RuleViolationException>(() =>
            notices.RecordInformedAsync(world.CaseId, world.Handler.UserId, new DateOnly(2025, 3, 2)));
        var future = await Assert.ThrowsAsync<RuleViolationException>(() =>
            notices.RecordInformedAsync(world.CaseId, world.Handler.UserId, new DateOnly(2025, 3, 21)));
        var missing = await Assert.ThrowsAsync<RuleViolationException>(() =>
            notices.RecordInformedAsync(world.CaseId, world.Handler.UserId, null));

        Assert.Contains("before the report was received on 2025-03-03", early.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", future.Message, StringComparison.Ordinal);
        Assert.Contains("Give the date", missing.Message, StringComparison.Ordinal);
        Assert.Equal(NoticeState.Pending, (await notices.GetAsync(world.CaseId, world.Handler.UserId)).State);
    }

    [Fact]
    public async Task Defer_WithAReviewDateTodayOrEarlier_IsRefused()
    {
        var world = await NewCaseAsync();
        var notices = Notices(world.OrganisationId, new FakeTimeProvider(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.Zero)), out var db);
        await using var _ = db;

        var past = await Assert.ThrowsAsync<RuleViolationException>(() =>
            notices.DeferAsync(world.CaseId, world.Handler.UserId, NoticeDeferralGround.NationalRestriction, new DateOnly(2025, 3, 19)));
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            notices.DeferAsync(world.CaseId, world.Handler.UserId, NoticeDeferralGround.NationalRestriction, new DateOnly(2025, 3, 20)));
        await Assert.ThrowsAsync<RuleViolationException>(() =>
            notices.DeferAsync(world.CaseId, world.Handler.UserId, null, new DateOnly(2025, 5, 1)));

        Assert.Contains("must be after today (2025-03-20)", past.Message, StringComparison.Ordinal);
        Assert.Empty((await notices.GetAsync(world.CaseId, world.Handler.UserId)).History);
    }

    [Fact]
    public async Task Defer_KeepsAHistory_MarksTheReviewDate_AndIsAuditedWithoutContent()
    {
        var world = await NewCaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var notices = Notices(world.OrganisationId, clock, out var db);
        await using var _ = db;

        await notices.DeferAsync(world.CaseId, world.Handler.UserId, NoticeDeferralGround.ImpairsInvestigation, new DateOnly(2025, 4, 15));
        clock.SetUtcNow(new DateTimeOffset(2025, 4, 14, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(DeadlineStatus.DueSoon, (await notices.GetAsync(world.CaseId, world.Handler.UserId)).Marker);
        await notices.DeferAsync(world.CaseId, world.Handler.UserId, NoticeDeferralGround.NationalRestriction, new DateOnly(2025, 7, 1));
        clock.SetUtcNow(new DateTimeOffset(2025, 7, 2, 9, 0, 0, TimeSpan.Zero));

        var view = await notices.GetAsync(world.CaseId, world.Handler.UserId);
        Assert.Equal(NoticeState.Deferred, view.State);
        Assert.Equal((NoticeDeferralGround?)NoticeDeferralGround.NationalRestriction, view.Ground);
        Assert.Equal(new DateOnly(2025, 7, 1), view.ReviewOn);
        Assert.Equal(DeadlineStatus.Overdue, view.Marker);
        Assert.Equal([NoticeDeferralGround.ImpairsInvestigation, NoticeDeferralGround.NationalRestriction], view.History.Select(h => h.Ground!.Value));

        await using var read = database.Context();
        var events = await read.AuditEvents.IgnoreQueryFilters().Where(e => e.CaseId == world.CaseId).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["deferred ImpairsInvestigation review 2025-04-15", "deferred NationalRestriction review 2025-07-01"], events.Select(e => e.Detail));
        Assert.All(events, e => Assert.Equal((AuditAction.ReportedPersonNoticeRecorded, (Guid?)world.Handler.UserId), (e.Action, e.ActorId)));
    }

    [Fact]
    public async Task ACaseWithoutTheHandlersKey_OrOfAnotherOrganisation_IsNotFound()
    {
        var world = await NewCaseAsync();
        var stranger = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "varsling");
        var foreign = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.FjellbergSlug, "visselblasning");
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.Zero));
        var mine = Notices(world.OrganisationId, clock, out var db);
        await using var _ = db;
        var theirs = Notices(foreign.OrganisationId, clock, out var otherDb);
        await using var __ = otherDb;

        await Assert.ThrowsAsync<NotFoundException>(() => mine.GetAsync(world.CaseId, stranger.UserId));
        await Assert.ThrowsAsync<NotFoundException>(() => mine.RecordInformedAsync(world.CaseId, stranger.UserId, new DateOnly(2025, 3, 10)));
        await Assert.ThrowsAsync<NotFoundException>(() => theirs.GetAsync(world.CaseId, world.Handler.UserId));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            theirs.DeferAsync(world.CaseId, world.Handler.UserId, NoticeDeferralGround.ImpairsInvestigation, new DateOnly(2025, 5, 1)));
        Assert.Empty((await mine.GetAsync(world.CaseId, world.Handler.UserId)).History);
    }
}
