using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Cases;
using Varsling.Testing;
using Xunit.Abstractions;

namespace Varsling.Core.Tests.Cases;

/// <summary>
/// The inbox pages in SQL: rows are seeded straight into the tables (the inbox reads only plaintext metadata and
/// grant rows, never keys), so a test can hold thousands of cases.
/// </summary>
public sealed class InboxPagingTests(MigratedDatabase database, ITestOutputHelper output) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
    private CaseBench _bench = null!;

    public async Task InitializeAsync() => _bench = await CaseBench.CreateAsync(database.ConnectionString, _clock);

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    /// <summary>
    /// Seeds <paramref name="count"/> cases on the Nordlys "varsling" channel whose shared key <paramref name="handler"/>
    /// holds: case i was received 3i hours before the clock; every third is acknowledged (feedback pending), every
    /// fifth of the rest is closed, every seventh is assigned to the handler; acknowledgement is due 7 days after receipt.
    /// </summary>
    private async Task SeedAsync(TestHandler handler, int count)
    {
        await using var db = _bench.Db();
        var channel = await db.Channels.SingleAsync(c => c.Slug == "varsling");
        var now = _clock.GetUtcNow();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH seeded AS (
            INSERT INTO cases (id, organisation_id, legal_entity_id, channel_id, reference, status, received_at, acknowledged_at,
                acknowledgement_due, acknowledgement_target, feedback_due, feedback_target, next_due, assignee_id, closed_at)
            SELECT gen_random_uuid(), {_bench.OrganisationId}, {channel.LegalEntityId}, {channel.Id}, 'P-' || {handler.UserId.ToString("N")[..6]} || '-' || i,
                CASE WHEN i % 3 = 0 THEN 'Acknowledged' WHEN i % 5 = 0 THEN 'Closed' ELSE 'Received' END,
                {now} - make_interval(hours => i * 3),
                CASE WHEN i % 3 = 0 THEN {now} - make_interval(hours => i * 3) END,
                ({now} - make_interval(hours => i * 3))::date + 7, ({now} - make_interval(hours => i * 3))::date + 5,
                ({now} - make_interval(hours => i * 3))::date + 92, ({now} - make_interval(hours => i * 3))::date + 85,
                CASE WHEN i % 3 = 0 THEN ({now} - make_interval(hours => i * 3))::date + 92
                     WHEN i % 5 = 0 THEN NULL
                     ELSE ({now} - make_interval(hours => i * 3))::date + 7 END,
                CASE WHEN i % 7 = 0 THEN {handler.UserId} END,
                CASE WHEN i % 3 <> 0 AND i % 5 = 0 THEN {now} END
            FROM generate_series(1, {count}) AS i
            RETURNING id, organisation_id)
            INSERT INTO case_key_grants (id, organisation_id, case_id, holder, user_id, kind, wrapped_key)
            SELECT gen_random_uuid(), organisation_id, id, 'Handler', {handler.UserId}, 'Shared', '\x00'::bytea
            FROM seeded;
            ANALYZE cases;
            ANALYZE case_key_grants;
            """);
    }

    private Task<Inbox> InboxAsync(TestHandler handler, InboxFilter filter) =>
        _bench.InScope(sp => sp.GetRequiredService<CaseWork>().InboxAsync(handler.UserId, filter));

    [Fact]
    public async Task InboxAsync_PagesInTheSortOrder_WithCounts_AndFiltersHoldAcrossPages()
    {
        var handler = await _bench.HandlerAsync();
        await SeedAsync(handler, 120);

        var pages = new List<Inbox>();
        for (var p = 1; p <= 3; p++)
        {
            pages.Add(await InboxAsync(handler, new InboxFilter(Page: p)));
        }

        Assert.All(pages, p => Assert.Equal(120, p.Total));
        Assert.Equal(3, pages[0].Pages);
        Assert.Equal([50, 50, 20], pages.Select(p => p.Rows.Count));
        var all = pages.SelectMany(p => p.Rows).ToList();
        Assert.Equal(120, all.Select(r => r.Id).Distinct().Count());
        // The SQL order is the order of the rows' own next pending deadline: earliest first, none last, newest first among equals.
        var expected = all.OrderBy(r => r.NextDue is null).ThenBy(r => r.NextDue).ThenByDescending(r => r.Received).ToList();
        Assert.Equal(expected.Select(r => (r.NextDue, r.Received)), all.Select(r => (r.NextDue, r.Received)));
        Assert.Equal(16, all.Count(r => r.NextDue is null));

        // A page past the end shows the last page.
        Assert.Equal(3, (await InboxAsync(handler, new InboxFilter(Page: 99))).Page);

        var acknowledged = await InboxAsync(handler, new InboxFilter(Status: CaseStatus.Acknowledged, Page: 1));
        Assert.Equal(40, acknowledged.Total);
        Assert.All(acknowledged.Rows, r => Assert.Equal(CaseStatus.Acknowledged, r.Status));
        var mine = await InboxAsync(handler, new InboxFilter(Assignment: InboxAssignment.Mine));
        Assert.Equal(17, mine.Total);
        Assert.All(mine.Rows, r => Assert.Equal(handler.UserId, r.AssigneeId));
        var unassigned = await InboxAsync(handler, new InboxFilter(Assignment: InboxAssignment.Unassigned, Page: 2));
        Assert.Equal(103, unassigned.Total);
        Assert.All(unassigned.Rows, r => Assert.Null(r.AssigneeId));

        // Overdue in SQL agrees with the rows' own markers: unacknowledged cases received more than 7 days ago.
        var overdue = new List<InboxRow>();
        var first = await InboxAsync(handler, new InboxFilter(OverdueOnly: true, Sort: InboxSort.Received));
        for (var p = 1; p <= first.Pages; p++)
        {
            overdue.AddRange((await InboxAsync(handler, new InboxFilter(OverdueOnly: true, Sort: InboxSort.Received, Page: p))).Rows);
        }

        Assert.Equal(first.Total, overdue.Count);
        Assert.NotEmpty(overdue);
        Assert.All(overdue, r => Assert.True(r.Overdue));
        Assert.Equal(all.Count(r => r.Overdue), overdue.Count);
        Assert.Equal(overdue.OrderByDescending(r => r.Received).Select(r => r.Received), overdue.Select(r => r.Received));
    }

    [Fact]
    public async Task InboxAsync_WithManyCases_ReturnsOnePageOfEachFilter_WithTheTotal()
    {
        // How fast a page is belongs to the back-office benchmark (docs/benchmarks.md); this checks that every filter
        // pages in SQL over a caseload far larger than a page.
        var handler = await _bench.HandlerAsync();
        await SeedAsync(handler, 10_000);

        var filters = new (string Name, InboxFilter Filter)[]
        {
            ("first page by deadline", new InboxFilter()),
            ("first page by receipt", new InboxFilter(Sort: InboxSort.Received)),
            ("page 100 by deadline", new InboxFilter(Page: 100)),
            ("assigned to me", new InboxFilter(Assignment: InboxAssignment.Mine)),
            ("overdue", new InboxFilter(OverdueOnly: true)),
            ("received status, page 10", new InboxFilter(Status: CaseStatus.Received, Page: 10)),
        };
        foreach (var (name, filter) in filters)
        {
            var inbox = await InboxAsync(handler, filter);
            output.WriteLine($"{name}: {inbox.Total} cases, page {inbox.Page}/{inbox.Pages}");
            Assert.Equal(CaseWork.PageSize, inbox.Rows.Count);
            Assert.Equal(filter.Page, inbox.Page);
            Assert.Equal((inbox.Total + CaseWork.PageSize - 1) / CaseWork.PageSize, inbox.Pages);
            Assert.True(inbox.Total > CaseWork.PageSize * 10, $"{name}: only {inbox.Total} cases matched");
        }
    }
}
