using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Varsling.Testing;

namespace Varsling.Core.Tests.Data;

/// <summary>
/// The migrations are written by hand, so this is what keeps them honest: a database built by the migrations and
/// one built from the model by EnsureCreated must have the same tables, columns, keys, constraints and indexes,
/// byte for byte in pg_dump's words. Functions and triggers, which the model cannot express, exist only on the
/// migrated side; they are taken out of the comparison and must be exactly the ones listed here.
/// </summary>
public sealed partial class MigrationsMatchModel
{
    /// <summary>Every database object the migrations add beyond the model, as pg_dump declares it.</summary>
    private static readonly string[] s_databaseOnlyObjects =
    [
        "FUNCTION public.audit_events_refuse_change() RETURNS trigger",
        "TRIGGER audit_events_append_only BEFORE DELETE OR UPDATE OR TRUNCATE ON public.audit_events FOR EACH STATEMENT EXECUTE FUNCTION public.audit_events_refuse_change()",
    ];

    [Fact]
    public async Task Migrations_ProduceExactlyTheModelSchema()
    {
        var server = PostgresServer.Shared;
        var migrated = await server.CreateMigratedDatabaseAsync();
        var created = await server.CreateEmptyDatabaseAsync();
        await using (var db = TestDb.Create(created))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        var fromMigrations = Schema(server, migrated);
        var fromModel = Schema(server, created);

        Assert.Contains("CREATE TABLE public.cases", fromModel.Tables, StringComparison.Ordinal);
        Assert.Equal(fromModel.Tables, fromMigrations.Tables);
        Assert.Empty(fromModel.DatabaseOnly);
        Assert.Equal(s_databaseOnlyObjects.Order(StringComparer.Ordinal), fromMigrations.DatabaseOnly.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Schema_UsesSnakeCaseForEveryName()
    {
        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
            UNION ALL SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
            UNION ALL SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
            """, conn);
        var names = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Contains("asp_net_users", names);
        Assert.Contains("ef_migrations_history", names);
        Assert.Contains("ix_cases_organisation_id_status", names);
        // EF owns the history table's columns (MigrationId, ProductVersion); only its name is ours to choose.
        string[] efHistoryNames = ["MigrationId", "ProductVersion", "PK_ef_migrations_history"];
        Assert.All(names.Except(efHistoryNames), n => Assert.Matches("^[a-z0-9_]+$", n));
    }

    /// <summary>pg_dump's schema split into what the model describes and the functions and triggers it cannot.</summary>
    private static (string Tables, IReadOnlyList<string> DatabaseOnly) Schema(PostgresServer server, string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var dump = server.RunClient("pg_dump", "-s", "--no-owner", "--no-privileges", database);
        var lines = dump.Split('\n')
            .Where(l => !l.StartsWith(@"\restrict", StringComparison.Ordinal) && !l.StartsWith(@"\unrestrict", StringComparison.Ordinal))
            .Where(l => !l.StartsWith("--", StringComparison.Ordinal));
        var text = string.Join('\n', lines);
        // The migrations history table exists only on the migrated side.
        text = HistoryTable().Replace(text, "");
        var databaseOnly = new List<string>();
        text = Function().Replace(text, m =>
        {
            databaseOnly.Add("FUNCTION " + Whitespace().Replace(m.Groups["declaration"].Value, " ").Trim());
            return "";
        });
        text = Trigger().Replace(text, m =>
        {
            databaseOnly.Add("TRIGGER " + Whitespace().Replace(m.Groups["declaration"].Value, " ").Trim());
            return "";
        });
        return (BlankLines().Replace(text, "\n\n").Trim(), databaseOnly);
    }

    // The body is dollar-quoted ($$ or $tag$) and may hold semicolons; the declaration is everything before LANGUAGE.
    [GeneratedRegex(@"CREATE FUNCTION (?<declaration>.*?)\s+LANGUAGE\b.*?AS (?<quote>\$\w*\$).*?\k<quote>;", RegexOptions.Singleline)]
    private static partial Regex Function();

    [GeneratedRegex(@"CREATE (?:CONSTRAINT )?TRIGGER (?<declaration>[^;]*);", RegexOptions.Singleline)]
    private static partial Regex Trigger();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"CREATE TABLE public\.ef_migrations_history \([^;]*;|ALTER TABLE ONLY public\.ef_migrations_history[^;]*;", RegexOptions.Singleline)]
    private static partial Regex HistoryTable();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
