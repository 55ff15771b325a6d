using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Worker.Tests.Cli;

/// <summary><c>create-user</c> and <c>reset-user</c> against a real, migrated database with the demo organisations.</summary>
public sealed class UserVerbTests : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(_connectionString, "seed-demo")).Code);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string InitialPassword(string stdout) =>
        Regex.Match(stdout, "Initial password, shown only now: (\\S+)").Groups[1].Value;

    [Fact]
    public async Task CreateUser_HappyPath_CreatesTheUserInTheOrganisationWithTheRole_AndPrintsThePasswordOnce()
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(_connectionString,
            "create-user", "--org", DemoData.NordlysSlug, "--email", "kari@nordlys.example", "--name", "Kari Nordmann", "--role", "handler");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var password = InitialPassword(stdout);
        Assert.Matches("^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$", password);
        Assert.Single(Regex.Matches(stdout, Regex.Escape(password)));
        await using var db = TestDb.Create(_connectionString);
        var user = await db.Users.SingleAsync(u => u.Email == "kari@nordlys.example");
        var org = await db.Organisations.SingleAsync(o => o.Slug == DemoData.NordlysSlug);
        Assert.Equal(org.Id, user.OrganisationId);
        Assert.Equal("Kari Nordmann", user.DisplayName);
        Assert.False(user.TwoFactorEnabled);
        Assert.NotEqual(password, user.PasswordHash);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal(["handler"], roles);
        Assert.False(await db.UserKeys.IgnoreQueryFilters().AnyAsync(k => k.UserId == user.Id), "Keys are created at enrolment, not by the operator.");
    }

    [Theory]
    [InlineData("no-such-org", "a@example.org", "handler", "No organisation with the URL name 'no-such-org'")]
    [InlineData(DemoData.NordlysSlug, "a@example.org", "superuser", "Unknown role 'superuser'")]
    [InlineData(DemoData.NordlysSlug, "not-an-address", "legal", "e-mail address is not valid")]
    public async Task CreateUser_WithBadInput_ExitsWith2AndSaysWhy(string org, string email, string role, string message)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(_connectionString,
            "create-user", "--org", org, "--email", email, "--name", "Ola", "--role", role);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_DuplicateEmail_ExitsWith2()
    {
        string[] args = ["create-user", "--org", DemoData.FjellbergSlug, "--email", "dup@fjellberg.example", "--name", "Ola", "--role", "legal"];
        Assert.Equal(0, (await CliRunner.RunAsync(_connectionString, args)).Code);

        args[4] = "DUP@fjellberg.example";
        var (code, _, stderr) = await CliRunner.RunAsync(_connectionString, args);

        Assert.Equal(2, code);
        Assert.Contains("already exists", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--org", "nordlys", "--email", "x@example.org", "--role", "admin")]
    [InlineData("--org", "nordlys", "--email", "x@example.org", "--name", "X", "--role", "admin", "--admin")]
    public async Task CreateUser_WithMissingOrUnknownOptions_ExitsWith2(params string[] options)
    {
        var (code, _, stderr) = await CliRunner.RunAsync(null, ["create-user", .. options]);

        Assert.Equal(2, code);
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public async Task ResetUser_PrintsANewPassword_ThatReplacesTheOldOne()
    {
        var created = await CliRunner.RunAsync(_connectionString,
            "create-user", "--org", DemoData.NordlysSlug, "--email", "reset@nordlys.example", "--name", "Per", "--role", "admin");

        var (code, stdout, _) = await CliRunner.RunAsync(_connectionString, "reset-user", "--email", "reset@nordlys.example");

        Assert.Equal(0, code);
        Assert.Contains("granted to them again", stdout, StringComparison.Ordinal);
        Assert.NotEqual(InitialPassword(created.Out), InitialPassword(stdout));
        Assert.Equal(2, (await CliRunner.RunAsync(_connectionString, "reset-user", "--email", "nobody@nordlys.example")).Code);
    }

    [Fact]
    public async Task Help_ListsTheUserVerbs()
    {
        var (code, stdout, _) = await CliRunner.RunAsync(null, "help");

        Assert.Equal(0, code);
        Assert.Contains("create-user --org <slug> --email <e-mail> --name <display name> --role admin|handler|legal", stdout, StringComparison.Ordinal);
        Assert.Contains("reset-user --email <e-mail>", stdout, StringComparison.Ordinal);
    }
}
