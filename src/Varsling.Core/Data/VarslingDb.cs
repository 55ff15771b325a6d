using Microsoft.EntityFrameworkCore;

namespace Varsling.Core.Data;

/// <summary>Options shared by every host and the tests, so the model and migrations are always configured alike.</summary>
public static class VarslingDb
{
    public const string HistoryTable = "ef_migrations_history";

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(HistoryTable));
}
