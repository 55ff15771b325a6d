using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.Core.Data;

namespace Varsling.Worker.Cli;

/// <summary>
/// The operator's verbs for back-office people. Initial passwords are printed once to stdout and stored nowhere
/// else; the person replaces theirs and enrols TOTP and keys at first sign-in.
/// </summary>
internal static class UserCommands
{
    public const string Usage = """
          create-user --org <slug> --email <e-mail> --name <display name> --role admin|handler|legal
                              create a back-office user; prints a one-time initial password
          reset-user --email <e-mail>
                              for a person who lost password AND recovery key: deletes their key pair (cases
                              must be granted to them again), clears TOTP, prints a new initial password
        """;

    private static readonly IReadOnlySet<string> _createOptions = new HashSet<string> { "--org", "--email", "--name", "--role" };
    private static readonly IReadOnlySet<string> _resetOptions = new HashSet<string> { "--email" };
    private static readonly IReadOnlySet<string> _noFlags = new HashSet<string>();

    /// <summary>Parses before touching the database, so wrong usage never needs a connection.</summary>
    public static Func<IServiceProvider, Task<int>> CreateUser(string[] args, TextWriter stdout, CancellationToken ct)
    {
        var options = new Options(args, _createOptions, _noFlags);
        var (org, email, name, role) = (options.Required("--org"), options.Required("--email"), options.Required("--name"), options.Required("--role"));
        return async services =>
        {
            await using var scope = services.CreateAsyncScope();
            await RequireMigratedAsync(scope.ServiceProvider, ct);
            var created = await Refusing(() => scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(org, email, name, role, ct));
            stdout.WriteLine($"Created {role} {email.Trim()} in '{org}' (user id {created.UserId}).");
            stdout.WriteLine($"Initial password, shown only now: {created.InitialPassword}");
            stdout.WriteLine("At first sign-in they choose their own password and set up TOTP; their key pair is created then.");
            return 0;
        };
    }

    public static Func<IServiceProvider, Task<int>> ResetUser(string[] args, TextWriter stdout, CancellationToken ct)
    {
        var email = new Options(args, _resetOptions, _noFlags).Required("--email");
        return async services =>
        {
            await using var scope = services.CreateAsyncScope();
            await RequireMigratedAsync(scope.ServiceProvider, ct);
            var reset = await Refusing(() => scope.ServiceProvider.GetRequiredService<AccountService>().ResetAccountAsync(email, ct));
            stdout.WriteLine($"Reset {email.Trim()} (user id {reset.UserId}); their old key pair is gone, so their cases must be granted to them again.");
            stdout.WriteLine($"Initial password, shown only now: {reset.InitialPassword}");
            return 0;
        };
    }

    private static async Task RequireMigratedAsync(IServiceProvider services, CancellationToken ct)
    {
        if ((await services.GetRequiredService<VarslingDbContext>().Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new UsageException("The database is not migrated; run 'migrate' first.");
        }
    }

    // A refused rule is wrong input from the operator: exit code 2 with the rule's message.
    private static async Task<T> Refusing<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (RuleViolationException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
