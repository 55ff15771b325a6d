using Microsoft.EntityFrameworkCore;
using Varsling.Core.Data;

namespace Varsling.Core.Audit;

/// <summary>Why a row breaks the chain.</summary>
public enum AuditBreak
{
    /// <summary>The row's stored hash does not match its fields: the row was edited.</summary>
    HashMismatch,

    /// <summary>The row's prev_hash is not the previous row's hash: a row before it was removed, inserted or reordered.</summary>
    ChainMismatch,
}

/// <summary>The verifier's answer: every row checked and intact, or the first row that breaks the chain.</summary>
/// <param name="EventsVerified">Rows found intact before the first break (all rows when intact).</param>
/// <param name="FirstBrokenEventId">The id of the first row that breaks the chain; null when intact.</param>
/// <param name="Break">Why that row breaks it; null when intact.</param>
/// <param name="LastHash">The hash of the last intact row (the genesis value for an empty log), for anchoring outside the database.</param>
public sealed record AuditChainReport(long EventsVerified, long? FirstBrokenEventId, AuditBreak? Break, byte[] LastHash)
{
    public bool IsIntact => FirstBrokenEventId is null;
}

/// <summary>
/// Recomputes the audit chain from the first row to the last in one snapshot, streaming, and reports the first row
/// whose hash or link is wrong. Reads the stored strings as they are, so a row edited to hold an unknown action is
/// reported, not a crash. A chain cannot show that its newest rows were cut off: compare
/// <see cref="AuditChainReport.LastHash"/> with a value recorded earlier outside the database for that.
/// </summary>
public sealed class AuditVerifier(VarslingDbContext db)
{
    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT id, organisation_id, occurred_at, actor_kind, actor_id, action, case_id, detail, prev_hash, hash
                FROM audit_events ORDER BY id
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var previous = AuditChain.Genesis.ToArray();
            long verified = 0;
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                var prevHash = reader.GetFieldValue<byte[]>(8);
                var stored = reader.GetFieldValue<byte[]>(9);
                if (!prevHash.AsSpan().SequenceEqual(previous))
                {
                    return new AuditChainReport(verified, id, AuditBreak.ChainMismatch, previous);
                }

                var computed = AuditChain.ComputeHash(id,
                    reader.IsDBNull(1) ? null : reader.GetGuid(1),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(2), TimeSpan.Zero),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetGuid(4),
                    reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetGuid(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    prevHash);
                if (!computed.AsSpan().SequenceEqual(stored))
                {
                    return new AuditChainReport(verified, id, AuditBreak.HashMismatch, previous);
                }

                previous = stored;
                verified++;
            }

            return new AuditChainReport(verified, null, null, previous);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
