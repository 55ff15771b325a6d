using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Audit;
using Varsling.Core.Data;

namespace Varsling.Worker.Cli;

/// <summary><c>audit-verify</c>: recomputes the audit log's hash chain. Exit 0 when intact, 1 at the first broken event.</summary>
internal static class AuditCommands
{
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter stdout, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new UsageException("The database is not migrated; run 'migrate' first.");
        }

        var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
        var count = report.EventsVerified.ToString(CultureInfo.InvariantCulture);
        if (report.FirstBrokenEventId is { } broken)
        {
            var why = report.Break switch
            {
                AuditBreak.HashMismatch => "its hash does not match its contents (edited)",
                AuditBreak.ChainMismatch => "it does not follow the event before it (an earlier event was removed or inserted)",
                null => "unknown",
            };
            stdout.WriteLine($"BROKEN: first broken event id {broken.ToString(CultureInfo.InvariantCulture)}: {why}; {count} events intact before it.");
            return 1;
        }

        stdout.WriteLine($"OK: {count} events, chain intact");
        // Recording this value elsewhere lets a later run prove that no newest events were cut off.
        stdout.WriteLine($"Last hash: {Convert.ToHexStringLower(report.LastHash)}");
        return 0;
    }
}
