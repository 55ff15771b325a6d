using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Retention;

namespace Varsling.Worker.Cli;

/// <summary>
/// <c>purge [--dry-run] [--limit n]</c>: lists the closed cases whose purge date has come and why, or purges them
/// now. Output carries references and dates only.
/// </summary>
internal static class PurgeCommand
{
    public const string Usage = "purge [--dry-run] [--limit <n>]";

    private static readonly HashSet<string> s_values = ["--limit"];
    private static readonly HashSet<string> s_flags = ["--dry-run"];

    public static async Task<int> RunAsync(IEnumerable<string> args, IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        var options = new Options(args, s_values, s_flags);
        int? limit = options.Value("--limit") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new UsageException("--limit must be a whole number greater than 0.")
            : null;

        await using var scope = services.CreateAsyncScope();
        var purge = scope.ServiceProvider.GetRequiredService<RetentionPurge>();
        if (options.Has("--dry-run"))
        {
            var due = await purge.FindDueAsync(limit, ct);
            foreach (var c in due)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.OrganisationSlug}\t{c.Reference}\tclosed {c.ClosedOn:yyyy-MM-dd} + {c.RetentionMonths} months = due {c.PurgeDue:yyyy-MM-dd}"));
            }

            stdout.WriteLine($"{due.Count} case(s) would be purged.");
            return 0;
        }

        var run = await purge.RunAsync(limit, ct);
        stdout.WriteLine($"Purged {run.Purged} case(s); {run.Skipped} skipped (no longer due).");
        return 0;
    }
}
