using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Deadlines;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;
using Varsling.Testing;

namespace Varsling.Core.Tests.Privacy;

/// <summary>The register of data-subject requests: the one-month clock, the extension rule, outcomes, isolation.</summary>
public sealed class DataSubjectRequestRegisterTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    // Received Fri 31 Jan 2025 in Oslo → one month: 28 Feb 2025 (Friday). Extended: 30 Apr 2025 (Wednesday).
    private static readonly DateTimeOffset s_received = new(2025, 1, 31, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid s_user = Guid.NewGuid();

    private async Task<(Guid OrganisationId, Guid LegalEntityId, Guid OtherOrganisationId)> SeedAsync()
    {
        await using (var db = database.Context())
        {
            await new DemoData(db, TimeProvider.System).SeedAsync();
        }

        await using var read = database.Context();
        var orgs = await read.Organisations.ToDictionaryAsync(o => o.Slug, o => o.Id);
        var entity = await read.LegalEntities.IgnoreQueryFilters()
            .SingleAsync(e => e.OrganisationId == orgs[DemoData.NordlysSlug] && e.JurisdictionCode == "NO");
        return (orgs[DemoData.NordlysSlug], entity.Id, orgs[DemoData.FjellbergSlug]);
    }

    private DataSubjectRequests Register(Guid organisationId, FakeTimeProvider clock, out Core.Data.VarslingDbContext db)
    {
        db = database.Context(organisationId);
        return new DataSubjectRequests(db, new Core.Audit.AuditLog(db, clock), clock);
    }

    [Fact]
    public async Task Register_ComputesOneMonthFromReceiptInTheLegalEntitysCalendar()
    {
        var (org, entity, _) = await SeedAsync();
        var clock = new FakeTimeProvider(s_received.AddHours(1));
        var register = Register(org, clock, out var db);
        await using var _ = db;

        var request = await register.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received, caseId: null);

        Assert.Equal(new DateOnly(2025, 2, 28), request.Due);
        Assert.Equal(DataSubjectRequestStatus.Open, request.Status);
        Assert.StartsWith("DSR-", request.Reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extend_OnTheLastDayOfTheFirstMonth_GivesThreeMonthsFromReceipt()
    {
        var (org, entity, _) = await SeedAsync();
        var clock = new FakeTimeProvider(s_received.AddHours(1));
        var register = Register(org, clock, out var db);
        await using var _ = db;
        var request = await register.RegisterAsync(s_user, entity, DataSubjectRight.Erasure, s_received, null);

        clock.SetUtcNow(new DateTimeOffset(2025, 2, 28, 22, 30, 0, TimeSpan.Zero)); // 23:30 in Oslo, still 28 Feb
        await register.ExtendAsync(s_user, request.Id, "Many sources to search; the person was told on 28 Feb.");

        await using var read = database.Context(org);
        var stored = await read.DataSubjectRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(DataSubjectRequestStatus.Extended, stored.Status);
        Assert.Equal(new DateOnly(2025, 4, 30), stored.Due);
        Assert.Equal(clock.GetUtcNow(), stored.ExtensionRecordedAt);
    }

    [Fact]
    public async Task Extend_AfterTheFirstMonth_IsRefusedAndChangesNothing()
    {
        var (org, entity, _) = await SeedAsync();
        var clock = new FakeTimeProvider(s_received.AddHours(1));
        var register = Register(org, clock, out var db);
        await using var _ = db;
        var request = await register.RegisterAsync(s_user, entity, DataSubjectRight.Objection, s_received, null);

        clock.SetUtcNow(new DateTimeOffset(2025, 2, 28, 23, 0, 0, TimeSpan.Zero)); // 00:00 on 1 Mar in Oslo
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => register.ExtendAsync(s_user, request.Id, "Too late"));

        Assert.Contains("2025-02-28", error.Message, StringComparison.Ordinal);
        await using var read = database.Context(org);
        var stored = await read.DataSubjectRequests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal(DataSubjectRequestStatus.Open, stored.Status);
        Assert.Equal(new DateOnly(2025, 2, 28), stored.Due);
        Assert.Null(stored.ExtensionReason);
    }

    [Fact]
    public async Task Extend_WithoutReasons_IsRefused()
    {
        var (org, entity, _) = await SeedAsync();
        var register = Register(org, new FakeTimeProvider(s_received.AddDays(1)), out var db);
        await using var _ = db;
        var request = await register.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received, null);

        await Assert.ThrowsAsync<RuleViolationException>(() => register.ExtendAsync(s_user, request.Id, "  "));
    }

    [Theory]
    [InlineData(DataSubjectRequestOutcome.Refused)]
    [InlineData(DataSubjectRequestOutcome.PartiallyGranted)]
    public async Task Complete_ARefusalWithoutLegalGround_IsRefused(DataSubjectRequestOutcome outcome)
    {
        var (org, entity, _) = await SeedAsync();
        var register = Register(org, new FakeTimeProvider(s_received.AddDays(1)), out var db);
        await using var _ = db;
        var request = await register.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received, null);

        await Assert.ThrowsAsync<RuleViolationException>(() => register.CompleteAsync(s_user, request.Id, outcome, null));
        await register.CompleteAsync(s_user, request.Id, outcome, "personopplysningsloven § 16 første ledd bokstav e");
    }

    [Fact]
    public async Task Complete_RecordsWhetherTheAnswerWasInTime_AndCannotRepeat()
    {
        var (org, entity, _) = await SeedAsync();
        var clock = new FakeTimeProvider(s_received.AddDays(1));
        var register = Register(org, clock, out var db);
        await using var _ = db;
        var onTime = await register.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received, null);
        var late = await register.RegisterAsync(s_user, entity, DataSubjectRight.Rectification, s_received, null);

        clock.SetUtcNow(new DateTimeOffset(2025, 2, 28, 12, 0, 0, TimeSpan.Zero));
        await register.CompleteAsync(s_user, onTime.Id, DataSubjectRequestOutcome.Granted, null);
        clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 12, 0, 0, TimeSpan.Zero));
        await register.CompleteAsync(s_user, late.Id, DataSubjectRequestOutcome.Granted, null);

        await using var read = database.Context(org);
        Assert.True((await read.DataSubjectRequests.SingleAsync(r => r.Id == onTime.Id)).AnsweredInTime);
        Assert.False((await read.DataSubjectRequests.SingleAsync(r => r.Id == late.Id)).AnsweredInTime);
        await Assert.ThrowsAsync<RuleViolationException>(() => register.CompleteAsync(s_user, late.Id, DataSubjectRequestOutcome.Withdrawn, null));
        await Assert.ThrowsAsync<RuleViolationException>(() => register.ExtendAsync(s_user, late.Id, "after completion"));
    }

    [Fact]
    public async Task List_ShowsOpenRequestsByUrgencyWithTheirClockStatus()
    {
        var (org, entity, _) = await SeedAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var register = Register(org, clock, out var scoped);
        await using var __ = scoped;
        var overdue = await register.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received, null);             // due 28 Feb
        var dueSoon = await register.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received.AddDays(27), null); // due 27 Mar (+rolled)
        var onTrack = await register.RegisterAsync(s_user, entity, DataSubjectRight.Access, clock.GetUtcNow(), null);    // due 1 Apr

        clock.SetUtcNow(new DateTimeOffset(2025, 3, 21, 12, 0, 0, TimeSpan.Zero));
        var list = (await register.ListAsync()).Where(v => new[] { overdue.Id, dueSoon.Id, onTrack.Id }.Contains(v.Request.Id)).ToList();

        Assert.Equal([overdue.Id, dueSoon.Id, onTrack.Id], list.Select(v => v.Request.Id));
        Assert.Equal([DeadlineStatus.Overdue, DeadlineStatus.DueSoon, DeadlineStatus.OnTrack], list.Select(v => v.Clock!.Value));
    }

    [Fact]
    public async Task Requests_OfAnotherOrganisation_AreNotFound()
    {
        var (org, entity, other) = await SeedAsync();
        var mine = Register(org, new FakeTimeProvider(s_received.AddDays(1)), out var db);
        await using var _ = db;
        var request = await mine.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received, null);

        var theirs = Register(other, new FakeTimeProvider(s_received.AddDays(1)), out var otherDb);
        await using var __ = otherDb;

        await Assert.ThrowsAsync<NotFoundException>(() => theirs.CompleteAsync(s_user, request.Id, DataSubjectRequestOutcome.Granted, null));
        await Assert.ThrowsAsync<NotFoundException>(() => theirs.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received, null));
        Assert.DoesNotContain(await theirs.ListAsync(), v => v.Request.Id == request.Id);
    }

    [Fact]
    public async Task Register_ReceivedInTheFuture_IsRefused()
    {
        var (org, entity, _) = await SeedAsync();
        var register = Register(org, new FakeTimeProvider(s_received), out var db);
        await using var _ = db;

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            register.RegisterAsync(s_user, entity, DataSubjectRight.Access, s_received.AddDays(1), null));
    }

    [Fact]
    public async Task RegisterExtendComplete_AreEachAuditedWithoutTheRequestersDetails()
    {
        var (org, entity, _) = await SeedAsync();
        var clock = new FakeTimeProvider(s_received.AddDays(1));
        var register = Register(org, clock, out var db);
        await using var _ = db;
        var user = Guid.NewGuid();
        const string reason = "Ola Nordmann asked for everything; many sources";
        const string ground = "personopplysningsloven § 16 første ledd bokstav e, Kari's case";

        var request = await register.RegisterAsync(user, entity, DataSubjectRight.Rectification, s_received, null);
        await register.ExtendAsync(user, request.Id, reason);
        await Assert.ThrowsAsync<RuleViolationException>(() => register.CompleteAsync(user, request.Id, DataSubjectRequestOutcome.Refused, null));
        await register.CompleteAsync(user, request.Id, DataSubjectRequestOutcome.Refused, ground);

        await using var read = database.Context();
        var events = await read.AuditEvents.IgnoreQueryFilters().Where(e => e.ActorId == user).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [Core.Audit.AuditAction.DataSubjectRequestRegistered, Core.Audit.AuditAction.DataSubjectRequestExtended, Core.Audit.AuditAction.DataSubjectRequestCompleted],
            events.Select(e => e.Action));
        Assert.All(events, e =>
        {
            Assert.Equal(org, e.OrganisationId);
            Assert.Equal(Core.Audit.AuditActorKind.User, e.ActorKind);
            Assert.Contains($"request {request.Id} {request.Reference} right Rectification", e.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("Ola", e.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("Kari", e.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("§", e.Detail, StringComparison.Ordinal);
        });
        Assert.EndsWith("outcome Refused", events[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_RefusedStep_WritesNoAuditEvent()
    {
        var (org, entity, _) = await SeedAsync();
        var register = Register(org, new FakeTimeProvider(s_received), out var db);
        await using var _ = db;
        var user = Guid.NewGuid();

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            register.RegisterAsync(user, entity, DataSubjectRight.Access, s_received.AddDays(1), null));

        await using var read = database.Context();
        Assert.False(await read.AuditEvents.IgnoreQueryFilters().AnyAsync(e => e.ActorId == user));
    }
}
