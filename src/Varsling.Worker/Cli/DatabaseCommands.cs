using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Core.Organisations;

namespace Varsling.Worker.Cli;

/// <summary>The verbs that change the database. Migrations run only here, never at a web host's start-up.</summary>
internal static class DatabaseCommands
{
    public static async Task<int> MigrateAsync(IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        stdout.WriteLine(pending.Count == 0
            ? "Database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }

    public static async Task<int> SeedDemoAsync(IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new UsageException("The database is not migrated; run 'migrate' first.");
        }

        var created = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(ct);
        stdout.WriteLine(created.Count == 0
            ? "Demo data already present."
            : $"Created demo organisations: {string.Join(", ", created)}.");

        (string Org, string Email, string Name, string Role)[] people =
        [
            (DemoData.NordlysSlug, "kari.demo@nordlys.example", "Kari Demo", Roles.Handler),
            (DemoData.NordlysSlug, "lars.legal@nordlys.example", "Lars Legal", Roles.Legal),
            (DemoData.NordlysSlug, "anna.admin@nordlys.example", "Anna Admin", Roles.Admin),
            (DemoData.FjellbergSlug, "sven.demo@fjellberg.example", "Sven Demo", Roles.Handler),
        ];
        foreach (var (org, email, name, role) in people)
        {
            // One DI scope per person: the account service ties its scope to the person's organisation.
            await using var personScope = services.CreateAsyncScope();
            if (await personScope.ServiceProvider.GetRequiredService<DemoPeople>().SeedAsync(org, email, name, role, ct) is { } p)
            {
                stdout.WriteLine($"Demo {p.Role} for {p.Organisation}: {p.Email} / password \"{p.Password}\" / authenticator key {p.AuthenticatorKey}");
            }
        }

        return 0;
    }
}
