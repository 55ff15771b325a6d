using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Testing;

namespace Varsling.Core.Tests.Deadlines;

/// <summary>
/// An organisation's own reminder offsets replace the configured ones for its cases only. A report on Fjellberg's
/// channel on Mon 10 Mar 2025 has its acknowledgement due Mon 17 Mar; the configuration reminds two days before.
/// </summary>
public sealed class OrganisationReminderOffsetsTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
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

    [Fact]
    public async Task RunAsync_OrganisationWithOwnOffsets_RemindsOnItsDays()
    {
        var fjellberg = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.FjellbergSlug, "visselblasning");
        var nordlys = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "visselblasning");
        await using (var db = TestDb.Create(database.ConnectionString))
        {
            var org = await db.Organisations.SingleAsync(o => o.Id == fjellberg.OrganisationId);
            org.SetReminders([-5], 30);
            await db.SaveChangesAsync();
        }

        await using var services = CoreServices.Build(database.ConnectionString, _clock, settings: new Dictionary<string, string?>
        {
            ["Mail:PickupDirectory"] = _pickup,
            ["Mail:BackofficeBaseUrl"] = "https://backoffice.example.org",
        });
        foreach (var (handler, slug) in new[] { (fjellberg, DemoData.FjellbergSlug), (nordlys, DemoData.NordlysSlug) })
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(handler.OrganisationId);
            var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
            await intake.FilePlainAsync(await intake.GetChannelAsync(slug, "visselblasning"), new PlainReport(null,
                new ReportAnswers("Offsets", null, null, null, null, []), new ReporterIdentity(null, null), []));
        }

        async Task<int> RunAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().RunAsync();
        }

        _clock.SetUtcNow(new DateTimeOffset(2025, 3, 12, 12, 0, 0, TimeSpan.Zero)); // five days before 17 Mar
        Assert.Equal(1, await RunAsync());
        _clock.SetUtcNow(new DateTimeOffset(2025, 3, 15, 12, 0, 0, TimeSpan.Zero)); // two days before: only Nordlys (the configuration)
        Assert.Equal(1, await RunAsync());

        await using var read = TestDb.Create(database.ConnectionString);
        var sent = await read.SentReminders.IgnoreQueryFilters().Select(r => new { r.OrganisationId, r.OffsetDays }).ToListAsync();
        Assert.Contains(sent, r => r.OrganisationId == fjellberg.OrganisationId && r.OffsetDays == -5);
        Assert.DoesNotContain(sent, r => r.OrganisationId == fjellberg.OrganisationId && r.OffsetDays == -2);
        Assert.Contains(sent, r => r.OrganisationId == nordlys.OrganisationId && r.OffsetDays == -2);
    }
}
