using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Core.Tests.Accounts;

/// <summary>Core's account services on a migrated database with a fake clock, and intent methods to arrange people.</summary>
public sealed class AccountsHarness : IAsyncLifetime
{
    private readonly MigratedDatabase _database = new();
    private ServiceProvider? _services;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));

    public MigratedDatabase Database => _database;

    public Guid OrganisationId { get; private set; }

    public string OrganisationSlug { get; } = "acme";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:Varsling", _database.ConnectionString), .. Varsling.Testing.TestDerivations.Settings])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddVarslingCore(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);

        await using var db = _database.Context();
        var org = new Organisation(Guid.NewGuid(), OrganisationSlug, "Acme AS", Clock.GetUtcNow());
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        OrganisationId = org.Id;
    }

    /// <summary>A fresh DI scope, as one request or one CLI command has.</summary>
    public AsyncServiceScope Scope() => _services!.CreateAsyncScope();

    public async Task<CreatedUser> CreateUserAsync(string email, string role = Roles.Handler)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(OrganisationSlug, email, "Kari Nordmann", role);
    }

    /// <summary>Creates a person and runs their first login through enrolment; returns what they were shown.</summary>
    public async Task<EnrolledUser> CreateEnrolledUserAsync(string email, string password)
    {
        var created = await CreateUserAsync(email);
        await using var scope = Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var attempt = await accounts.CheckPasswordAsync(email, created.InitialPassword);
        Assert.Equal(LoginOutcome.NeedsEnrolment, attempt.Outcome);
        var start = await accounts.BeginEnrolmentAsync(created.UserId);
        var secret = Totp.DecodeKey(start.AuthenticatorKey);
        var result = await accounts.CompleteEnrolmentAsync(created.UserId, attempt.Session, password,
            Totp.Code(secret, Totp.StepAt(Clock.GetUtcNow())));
        Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        return new EnrolledUser(created.UserId, email, password, secret, result);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}

public sealed record EnrolledUser(Guid UserId, string Email, string Password, byte[] TotpSecret, EnrolmentResult Enrolment)
{
    public SessionHandle Session => Enrolment.User.Session;
}
