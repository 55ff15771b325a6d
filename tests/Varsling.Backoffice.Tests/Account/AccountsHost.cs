using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Account;

/// <summary>The back office on real Kestrel, with one organisation and intent methods to arrange people.</summary>
public sealed class AccountsHost : WebHostFixture<Program>
{
    private Guid? _organisationId;

    public const string OrganisationSlug = "acme";

    /// <summary>A person created as the operator's CLI would, with their initial password.</summary>
    public async Task<(string Email, string InitialPassword, Guid UserId)> CreateUserAsync(string role = Roles.Handler)
    {
        await using var scope = Services.CreateAsyncScope();
        if (_organisationId is null)
        {
            var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
            var org = new Organisation(Guid.NewGuid(), OrganisationSlug, "Acme AS", Clock.GetUtcNow());
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            _organisationId = org.Id;
        }

        var email = $"p{Guid.NewGuid():N}@example.org";
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(OrganisationSlug, email, "Kari Nordmann", role);
        return (email, created.InitialPassword, created.UserId);
    }

    /// <summary>A browser-like session whose cookie jar the test can read.</summary>
    public BackofficeSession Session(CookieContainer? jar = null, string language = "nb") =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = jar ?? new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        }, Clock, language);

    /// <summary>A person who has completed enrolment and is signed in on <paramref name="session"/>.</summary>
    public async Task<EnrolledAccount> EnrolledAsync(BackofficeSession session, string password = "a long and private passphrase")
    {
        var (email, initial, _) = await CreateUserAsync();
        return await session.EnrolAsync(email, initial, password);
    }

    public async Task<int> KeySessionCountAsync(string email)
    {
        await using var db = TestDb.Create(ConnectionString);
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return await db.KeySessions.IgnoreQueryFilters().CountAsync(s => s.UserId == user.Id);
    }
}
