using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Varsling.Core;

namespace Varsling.Worker.Cli;

/// <summary>
/// The operator command line. Exit codes: 0 done, 1 failed (a message on stderr, no details of data),
/// 2 wrong usage. With no verb, or <c>run</c>, the Worker runs its scheduled jobs until stopped.
/// </summary>
public static class Cli
{
    public const string Usage = """
        Usage: Varsling.Worker <verb> [options]
          run                 run the scheduled jobs until stopped (the default)
          migrate             apply pending database migrations
          seed-demo           add the demo organisations and one enrolled demo handler each (idempotent)
          purge               purge closed cases whose purge date has come (--dry-run lists them and why)
          audit-verify        check the audit log's hash chain; exit 1 at the first broken event
          deadlines ...       print the clock for a hypothetical case:
        """;

    private static string FullUsage => Usage + "    " + DeadlinesCommand.Usage + "\n" + UserCommands.Usage;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        Action<IConfigurationBuilder>? configure = null, CancellationToken ct = default)
    {
        var verb = args.Length == 0 ? "run" : args[0];
        var rest = args.Skip(1).ToArray();
        try
        {
            switch (verb)
            {
                case "deadlines":
                    return DeadlinesCommand.Run(rest, stdout);
                case "migrate":
                    NoOptions(rest);
                    return await WithServicesAsync(configure, s => DatabaseCommands.MigrateAsync(s, stdout, ct));
                case "seed-demo":
                    NoOptions(rest);
                    return await WithServicesAsync(configure, s => DatabaseCommands.SeedDemoAsync(s, stdout, ct));
                case "purge":
                    return await WithServicesAsync(configure, s => PurgeCommand.RunAsync(rest, s, stdout, ct));
                case "audit-verify":
                    NoOptions(rest);
                    return await WithServicesAsync(configure, s => AuditCommands.VerifyAsync(s, stdout, ct));
                case "create-user":
                    return await WithServicesAsync(configure, UserCommands.CreateUser(rest, stdout, ct));
                case "reset-user":
                    return await WithServicesAsync(configure, UserCommands.ResetUser(rest, stdout, ct));
                case "run":
                    NoOptions(rest);
                    using (var host = BuildHost(rest, configure, jobs: true))
                    {
                        await host.RunAsync(ct);
                    }

                    return 0;
                case "help" or "--help" or "-h":
                    stdout.WriteLine(FullUsage);
                    return 0;
                default:
                    throw new UsageException($"Unknown verb '{verb}'.\n{FullUsage}");
            }
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 2;
        }
        catch (NpgsqlException e)
        {
            // Npgsql's messages name host and port, never data; enough for an operator to fix the connection.
            await stderr.WriteLineAsync($"Database error: {e.Message}");
            return 1;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("Connection string", StringComparison.Ordinal))
        {
            await stderr.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static void NoOptions(string[] rest)
    {
        if (rest.Length > 0)
        {
            throw new UsageException($"Unexpected argument '{rest[0]}'.");
        }
    }

    private static async Task<int> WithServicesAsync(Action<IConfigurationBuilder>? configure, Func<IServiceProvider, Task<int>> command)
    {
        using var host = BuildHost([], configure, jobs: false);
        return await command(host.Services);
    }

    private static IHost BuildHost(string[] args, Action<IConfigurationBuilder>? configure, bool jobs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder.Configuration);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        if (!jobs)
        {
            // On a fresh database EF logs its probe of the missing history table as an error; the verbs report
            // their own outcome, so an operator sees one clear line instead.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        }
        builder.Services.AddVarslingCore(builder.Configuration);
        if (jobs)
        {
            builder.Services.AddWorkerJobs();
        }

        return builder.Build();
    }
}
