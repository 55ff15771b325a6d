using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;
using Varsling.Testing;

namespace Varsling.Core.Tests.Privacy;

/// <summary>
/// An unanswered data-subject request reminds the organisation's legal team and administrators at the configured
/// offsets around its due date (−2, 0, +1 days), once each, and never after it is answered. Mail goes to a pickup
/// folder and is read back.
/// </summary>
public sealed class RequestRemindersTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
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
    public async Task Reminders_GoToLegalAndAdmins_OnceEach_WithoutDetails_AndStopWhenAnswered()
    {
        await using var services = CoreServices.Build(database.ConnectionString, _clock, settings: new Dictionary<string, string?>
        {
            ["Mail:PickupDirectory"] = _pickup,
            ["Mail:BackofficeBaseUrl"] = "https://backoffice.example.org",
        });
        await using (var seed = TestDb.Create(database.ConnectionString))
        {
            await new DemoData(seed, _clock).SeedAsync();
        }

        async Task<Guid> PersonAsync(string role, string email, string organisationSlug = DemoData.NordlysSlug)
        {
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(organisationSlug, email, "Person", role)).UserId;
        }

        var legal = await PersonAsync(Roles.Legal, "legal@nordlys.example");
        await PersonAsync(Roles.Admin, "admin@nordlys.example");
        await PersonAsync(Roles.Handler, "handler@nordlys.example");
        await PersonAsync(Roles.Legal, "legal@fjellberg.example", DemoData.FjellbergSlug);

        var organisation = await OrganisationAsync(DemoData.NordlysSlug);
        DataSubjectRequest request;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
            var entity = await scope.ServiceProvider.GetRequiredService<VarslingDbContext>().LegalEntities.Select(e => e.Id).FirstAsync();
            request = await scope.ServiceProvider.GetRequiredService<DataSubjectRequests>()
                .RegisterAsync(legal, entity, DataSubjectRight.Access, new DateOnly(2025, 3, 10));
        }

        async Task<int> RunAt(DateOnly day)
        {
            _clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RequestReminders>().RunAsync();
        }

        Assert.Equal(0, await RunAt(request.Due.AddDays(-3)));
        Assert.Equal(1, await RunAt(request.Due.AddDays(-2)));
        Assert.Equal(0, await RunAt(request.Due.AddDays(-2)));
        Assert.Equal(1, await RunAt(request.Due));

        var mails = PickupMail.Read(_pickup);
        // Two reminders, each to Nordlys's legal-team member and administrator; never a handler or another organisation.
        Assert.Equal(4, mails.Length);
        Assert.DoesNotContain(mails, m => m.Contains("handler@", StringComparison.Ordinal) || m.Contains("fjellberg", StringComparison.Ordinal));
        Assert.Equal(2, mails.Count(m => m.StartsWith("To: legal@nordlys.example", StringComparison.Ordinal)));
        Assert.All(mails, m =>
        {
            Assert.Contains(request.Reference, m, StringComparison.Ordinal);
            Assert.Contains("https://backoffice.example.org/en/privacy/requests", m, StringComparison.Ordinal);
            Assert.DoesNotContain(nameof(DataSubjectRight.Access), m, StringComparison.Ordinal);
        });

        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
            await scope.ServiceProvider.GetRequiredService<DataSubjectRequests>()
                .CompleteAsync(legal, request.Id, DataSubjectRequestOutcome.Granted, null);
        }

        Assert.Equal(0, await RunAt(request.Due.AddDays(1)));
        await using var read = TestDb.Create(database.ConnectionString);
        Assert.Equal([-2, 0], await read.SentRequestReminders.IgnoreQueryFilters().Where(r => r.RequestId == request.Id)
            .OrderBy(r => r.OffsetDays).Select(r => r.OffsetDays).ToListAsync());
    }

    private async Task<Guid> OrganisationAsync(string slug)
    {
        await using var db = TestDb.Create(database.ConnectionString);
        return await db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
    }
}
