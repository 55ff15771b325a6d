using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Varsling.Core.Audit;

/// <summary>
/// The hash that links audit rows into one chain. Encoding (version 1): a sequence of fields, each written as a
/// 4-byte big-endian length followed by that many bytes, where a null field is the length 0xFFFFFFFF and no bytes.
/// The fields, in order: the label "varsling.audit.v1" (UTF-8); id (8 bytes, big-endian); organisation id (16 bytes,
/// RFC 4122 big-endian, or null); occurred_at as microseconds since the Unix epoch, UTC (8 bytes, big-endian);
/// actor kind as stored (UTF-8 name); actor id (16 bytes or null); action as stored (UTF-8 name); case id (16 bytes
/// or null); detail (UTF-8 or null); prev_hash (32 bytes). The hash is SHA-256 of that sequence. Enum fields are
/// hashed as the stored strings, so the verifier needs no knowledge of the enums and an edited name is caught.
/// </summary>
public static class AuditChain
{
    public const int HashLength = 32;

    private const string Label = "varsling.audit.v1";

    /// <summary>The prev_hash of the first row.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[HashLength];

    /// <summary>Truncates an instant to what timestamptz stores (whole microseconds, UTC).</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000), TimeSpan.Zero);

    public static byte[] ComputeHash(long id, Guid? organisationId, DateTimeOffset occurredAt, string actorKind, Guid? actorId,
        string action, Guid? caseId, string? detail, ReadOnlySpan<byte> prevHash)
    {
        if (prevHash.Length != HashLength)
        {
            throw new ArgumentException($"prev_hash must be {HashLength} bytes.", nameof(prevHash));
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        WriteString(buffer, Label);
        WriteInt64(buffer, id);
        WriteGuid(buffer, organisationId);
        var micros = (occurredAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);
        WriteInt64(buffer, micros);
        WriteString(buffer, actorKind);
        WriteGuid(buffer, actorId);
        WriteString(buffer, action);
        WriteGuid(buffer, caseId);
        WriteString(buffer, detail);
        WriteField(buffer, prevHash);
        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        WriteField(buffer, bytes);
    }

    private static void WriteGuid(ArrayBufferWriter<byte> buffer, Guid? value)
    {
        if (value is not { } guid)
        {
            WriteNull(buffer);
            return;
        }

        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes, bigEndian: true, out _);
        WriteField(buffer, bytes);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            WriteNull(buffer);
            return;
        }

        WriteField(buffer, Encoding.UTF8.GetBytes(value));
    }

    private static void WriteNull(ArrayBufferWriter<byte> buffer)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer.GetSpan(4), uint.MaxValue);
        buffer.Advance(4);
    }

    private static void WriteField(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer.GetSpan(4), (uint)bytes.Length);
        buffer.Advance(4);
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }
}
