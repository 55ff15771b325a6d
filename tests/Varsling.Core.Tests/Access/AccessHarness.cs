using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Core.Tests.Access;

/// <summary>A person enrolled through AccountService, with what they were shown once and their signed-in key session.</summary>
public sealed record Person(Guid UserId, string Email, string Password, string RecoveryKey, byte[] TotpSecret, SessionHandle Session);

/// <summary>
/// Core's services on a migrated database holding the demo organisations, with intent methods: people enrolled
/// the way the back office enrols them, fresh channels per test, reports filed through intake.
/// </summary>
public sealed class AccessHarness : IAsyncLifetime
{
    private readonly MigratedDatabase _database = new();
    private ServiceProvider? _services;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public string ConnectionString => _database.ConnectionString;

    public Guid OrganisationId { get; private set; }

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _services = CoreServices.Build(_database.ConnectionString, Clock);
        await using (var db = _database.Context())
        {
            await new DemoData(db, Clock).SeedAsync();
        }

        await using var read = _database.Context();
        OrganisationId = await read.Organisations.Where(o => o.Slug == DemoData.NordlysSlug).Select(o => o.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    public VarslingDbContext Context() => _database.Context(OrganisationId);

    /// <summary>Runs <paramref name="work"/> in a fresh DI scope inside the organisation, as one request does.</summary>
    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services!.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(OrganisationId);
        return await work(scope.ServiceProvider);
    }

    public Task InScope(Func<IServiceProvider, Task> work) => InScope(async sp =>
    {
        await work(sp);
        return true;
    });

    /// <summary>A new open channel of the organisation, so each test has members and cases of its own.</summary>
    public async Task<Guid> NewChannelAsync()
    {
        await using var db = Context();
        var entity = await db.LegalEntities.OrderBy(e => e.Name).FirstAsync();
        var channel = new Channel(Guid.NewGuid(), OrganisationId, entity.Id, "c-" + Guid.NewGuid().ToString("N")[..12], "Test channel", ChannelKind.Internal);
        db.Channels.Add(channel);
        await db.SaveChangesAsync();
        return channel.Id;
    }

    /// <summary>Creates a person and runs their first sign-in through enrolment; a channel makes them its member.</summary>
    public async Task<Person> EnrolAsync(string role = Roles.Handler, Guid? channelId = null)
    {
        var email = $"p{Guid.NewGuid():N}@example.org";
        var created = await InScope(sp => sp.GetRequiredService<AccountService>().CreateUserAsync(DemoData.NordlysSlug, email, "Kari Nordmann", role));
        var person = await CompleteEnrolmentAsync(created.UserId, email, created.InitialPassword);
        if (channelId is { } id)
        {
            await AddMemberAsync(id, person.UserId);
        }

        return person;
    }

    /// <summary>The enrolment a person goes through at first sign-in, or after an operator reset.</summary>
    public async Task<Person> CompleteEnrolmentAsync(Guid userId, string email, string initialPassword)
    {
        const string password = "a long and private passphrase";
        var (secret, result) = await InScope(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            var attempt = await accounts.CheckPasswordAsync(email, initialPassword);
            Assert.Equal(LoginOutcome.NeedsEnrolment, attempt.Outcome);
            var start = await accounts.BeginEnrolmentAsync(userId);
            var secret = Totp.DecodeKey(start.AuthenticatorKey);
            var result = await accounts.CompleteEnrolmentAsync(userId, attempt.Session, password, Totp.Code(secret, Totp.StepAt(Clock.GetUtcNow())));
            return (secret, result);
        });
        Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        return new Person(userId, email, password, result.RecoveryKey, secret, result.User.Session);
    }

    public async Task AddMemberAsync(Guid channelId, Guid userId)
    {
        await using var db = Context();
        db.ChannelRecipients.Add(new ChannelRecipient(Guid.NewGuid(), OrganisationId, channelId, userId));
        await db.SaveChangesAsync();
    }

    /// <summary>The person's key, unlocked from their signed-in session as the back office does.</summary>
    public Task<X25519KeyPair> KeyAsync(Person person) =>
        InScope(sp => sp.GetRequiredService<KeyRing>().UnlockAsync(person.UserId, person.Session.Id, person.Session.Key));

    /// <summary>The person's key, unwrapped with a password (after a change or reset).</summary>
    public async Task<X25519KeyPair> KeyByPasswordAsync(Guid userId, string password)
    {
        await using var db = Context();
        var key = await db.UserKeys.SingleAsync(k => k.UserId == userId);
        return PrivateKeyWrap.UnwrapWithPassword(key.PasswordWrap, password);
    }

    public async Task<UserKey> UserKeyAsync(Guid userId)
    {
        await using var db = Context();
        return await db.UserKeys.AsNoTracking().SingleAsync(k => k.UserId == userId);
    }

    /// <summary>Files a report with a reporter identity through the no-JavaScript intake path.</summary>
    public Task<Guid> FileAsync(Guid channelId, string what, string? reporterName = "Ola Nordmann") => InScope(async sp =>
    {
        string slug;
        await using (var db = Context())
        {
            slug = await db.Channels.Where(c => c.Id == channelId).Select(c => c.Slug).SingleAsync();
        }

        var intake = sp.GetRequiredService<ReportIntake>();
        var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, slug);
        var filed = await intake.FilePlainAsync(channel, new PlainReport(null,
            new ReportAnswers(what, null, null, null, null, []), new ReporterIdentity(reporterName, null), []));
        return filed.CaseId;
    });

    /// <summary>Opens the case as the person with <paramref name="key"/>, as the case page does.</summary>
    public Task<CaseView> OpenAsync(Guid caseId, Guid userId, X25519KeyPair key) =>
        InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(caseId, userId, key));

    public async Task<List<CaseKeyKind>> KindsAsync(Guid caseId, Guid userId)
    {
        await using var db = Context();
        return (await db.CaseKeyGrants.Where(g => g.CaseId == caseId && g.UserId == userId).Select(g => g.Kind).ToListAsync()).Order().ToList();
    }

    public async Task<List<Varsling.Core.Audit.AuditEvent>> AuditAsync(Guid? caseId = null)
    {
        await using var db = _database.Context();
        return await db.AuditEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.OrganisationId == OrganisationId && (caseId == null || e.CaseId == caseId)).OrderBy(e => e.Id).ToListAsync();
    }
}
