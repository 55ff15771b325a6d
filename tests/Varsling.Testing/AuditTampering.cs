using Npgsql;

namespace Varsling.Testing;

/// <summary>
/// Plays the attacker who has the database's superuser: switches the append-only trigger off, changes the audit
/// log, and switches it back on, so tests can prove the hash chain still tells.
/// </summary>
public static class AuditTampering
{
    public static async Task RunAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"ALTER TABLE audit_events DISABLE TRIGGER ALL; {sql}; ALTER TABLE audit_events ENABLE TRIGGER ALL;", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
