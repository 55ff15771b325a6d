using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Testing;

namespace Varsling.Core.Tests.Deadlines;

/// <summary>
/// Reminders for a report filed on the Swedish channel (no automatic acknowledgement) on Mon 10 Mar 2025:
/// acknowledgement due Mon 17 Mar in Stockholm. Mail goes to a pickup folder, read back as .eml files.
/// </summary>
public sealed class DeadlineRemindersTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "varsling-mail-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    private ServiceProvider Services() => CoreServices.Build(database.ConnectionString, _clock, settings: new Dictionary<string, string?>
    {
        ["Mail:PickupDirectory"] = _pickup,
        ["Mail:BackofficeBaseUrl"] = "https://backoffice.example.org",
    });

    private string[] Mails() => PickupMail.Read(_pickup);

    private async Task<int> RunAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().RunAsync();
    }

    [Fact]
    public async Task PurgeNotice_GoesOut14DaysAhead_Once_AndNotForACaseOnLegalHold()
    {
        var handler = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "varsling");
        await using var services = Services();
        var ids = new List<Guid>();
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(handler.OrganisationId);
            var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "varsling");
            for (var i = 0; i < 2; i++)
            {
                ids.Add((await intake.FilePlainAsync(channel, new PlainReport(null,
                    new ReportAnswers("Purge notice", null, null, null, null, []), new ReporterIdentity(null, null), []))).CaseId);
            }
        }

        DateOnly purgeDue;
        await using (var db = handler.Context(database.ConnectionString))
        {
            foreach (var id in ids)
            {
                var c = await db.Cases.SingleAsync(x => x.Id == id);
                var org = await db.Organisations.SingleAsync(o => o.Id == c.OrganisationId);
                var entity = await db.LegalEntities.SingleAsync(e => e.Id == c.LegalEntityId);
                var ch = await db.Channels.SingleAsync(x => x.Id == c.ChannelId);
                var context = CaseClockContexts.For(org, entity, ch);
                if (c.AcknowledgedAt is null)
                {
                    c.Acknowledge(_clock.GetUtcNow(), context);
                }

                c.Close(_clock.GetUtcNow(), CaseOutcome.Substantiated, context);
            }

            var held = await db.Cases.SingleAsync(x => x.Id == ids[1]);
            held.SetLegalHold("Claim pending", handler.UserId, _clock.GetUtcNow());
            await db.SaveChangesAsync();
            purgeDue = (await db.Cases.SingleAsync(x => x.Id == ids[0])).PurgeDue!.Value;
        }

        // Other tests' cases share this database, so count this test's reminders, not the run's.
        async Task<List<SentReminder>> SentAfterRunAsync(DateOnly day)
        {
            _clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            await RunAsync(services);
            await using var read = TestDb.Create(database.ConnectionString);
            return await read.SentReminders.IgnoreQueryFilters().Where(r => ids.Contains(r.CaseId) && r.Kind == ReminderKind.Purge).ToListAsync();
        }

        Assert.Empty(await SentAfterRunAsync(purgeDue.AddDays(-15)));
        Assert.Single(await SentAfterRunAsync(purgeDue.AddDays(-14)));
        var notice = Assert.Single(await SentAfterRunAsync(purgeDue.AddDays(-13)));
        Assert.Equal(ids[0], notice.CaseId);
        Assert.Equal(purgeDue, notice.Due);
    }

    [Fact]
    public async Task Reminders_GoOutOnceEach_ToTheChannelsHandlers_WithoutContent()
    {
        var handler = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "visselblasning");
        await using var services = Services();
        Guid caseId;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(handler.OrganisationId);
            var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "visselblasning");
            var filed = await intake.FilePlainAsync(channel, new PlainReport(null,
                new ReportAnswers("Reminder canary text", "March", "Göteborg", "Someone", "Saw it", []), new ReporterIdentity(null, null), []));
            Assert.False(filed.Acknowledged);
            caseId = filed.CaseId;
        }

        _clock.SetUtcNow(new DateTimeOffset(2025, 3, 14, 22, 30, 0, TimeSpan.Zero)); // 23:30 on 14 Mar in Stockholm
        Assert.Equal(0, await RunAsync(services));
        _clock.SetUtcNow(new DateTimeOffset(2025, 3, 15, 12, 0, 0, TimeSpan.Zero)); // two days before
        Assert.Equal(1, await RunAsync(services));
        Assert.Equal(0, await RunAsync(services));

        var mail = Assert.Single(Mails());
        Assert.Contains(handler.UserId.ToString("N")[..8], mail, StringComparison.Ordinal);
        Assert.Contains($"https://backoffice.example.org/en/cases/{caseId}", mail, StringComparison.Ordinal);
        Assert.Contains("2025-03-17", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", mail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Göteborg", mail, StringComparison.Ordinal);

        _clock.SetUtcNow(new DateTimeOffset(2025, 3, 18, 12, 0, 0, TimeSpan.Zero)); // due day and one day after
        Assert.Equal(2, await RunAsync(services));
        Assert.Equal(3, Mails().Length);

        await using (var db = handler.Context(database.ConnectionString))
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == c.OrganisationId);
            var channel = await db.Channels.Include(x => x.LegalEntity).SingleAsync(x => x.Id == c.ChannelId);
            c.Acknowledge(_clock.GetUtcNow(), CaseClockContexts.For(organisation, channel.LegalEntity!, channel));
            await db.SaveChangesAsync();
            Assert.Equal(new DateOnly(2025, 6, 17), c.FeedbackDue);
        }

        _clock.SetUtcNow(new DateTimeOffset(2025, 6, 14, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await RunAsync(services));
        _clock.SetUtcNow(new DateTimeOffset(2025, 6, 15, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync(services));
        Assert.Contains(Mails(), m => m.Contains("Feedback to the reporter is due by 2025-06-17.", StringComparison.Ordinal));
        await using var read = TestDb.Create(database.ConnectionString);
        Assert.Equal(4, await read.SentReminders.IgnoreQueryFilters().CountAsync(r => r.CaseId == caseId));
    }
}
