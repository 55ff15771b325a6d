using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Varsling.Core.Cases;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;
using Varsling.Crypto;

namespace Varsling.Testing;

/// <summary>A handler a bulk case is sealed to: the user and their real public key.</summary>
public sealed record BulkRecipient(Guid UserId, byte[] PublicKey);

/// <summary>
/// What each bulk case looks like. <paramref name="Closed"/> cases are acknowledged one day and closed 30 days after
/// <paramref name="ReceivedAt"/>; otherwise they are received (and acknowledged when <paramref name="Acknowledged"/>).
/// Every case has an answers record, then <paramref name="Messages"/> messages alternating reporter and handler,
/// and <paramref name="Attachments"/> files of <paramref name="ChunksPerAttachment"/> chunks of
/// <paramref name="ChunkSize"/> bytes each (the last one half full), named in the answers.
/// </summary>
public sealed record BulkShape(
    DateTimeOffset ReceivedAt,
    bool Closed,
    int Messages = 3,
    int Attachments = 1,
    int ChunksPerAttachment = 2,
    int ChunkSize = 4096,
    bool Acknowledged = true);

/// <summary>
/// Writes many real cases fast, with PostgreSQL binary COPY, for tests and benchmarks that need volume.
/// <para>The rows are the rows intake writes: the case (its dates computed by <see cref="Case"/> itself), case keys
/// wrapped to each recipient's real public key and to the reporter, the reporter's credential, records sealed with
/// the real record format, attachments with chunks sealed with the real chunked-file format. To be fast, the sealed
/// material is made for a few template cases only (<c>templates</c>, the first cases of the batch, which are
/// genuine and decrypt) and its bytes are copied to the other cases, whose blobs are then of real size and format
/// but bound to the template's ids, so they do not decrypt. Ids, references and lookup hashes are unique per case.</para>
/// </summary>
public static class BulkCases
{
    /// <summary>Seeds <paramref name="count"/> cases in the channel and returns their ids, the genuine ones first.</summary>
    public static async Task<IReadOnlyList<Guid>> SeedAsync(string connectionString, Guid organisationId, string channelSlug,
        IReadOnlyList<BulkRecipient> recipients, int count, BulkShape shape, int templates = 4, CancellationToken ct = default)
    {
        Case template;
        await using (var db = TestDb.Create(connectionString, organisationId))
        {
            var org = await db.Organisations.SingleAsync(o => o.Id == organisationId, ct);
            var channel = await db.Channels.Include(c => c.LegalEntity).Include(c => c.Categories).SingleAsync(c => c.Slug == channelSlug, ct);
            var clock = CaseClockContexts.For(org, channel.LegalEntity!, channel);
            template = Case.Receive(Guid.NewGuid(), organisationId, channel.LegalEntityId, channel.Id,
                channel.Categories.OrderBy(c => c.SortOrder).FirstOrDefault()?.Id, "TEMPLATE", shape.ReceivedAt, clock);
            if (shape.Acknowledged || shape.Closed)
            {
                template.Acknowledge(shape.ReceivedAt.AddDays(1), clock);
            }

            if (shape.Closed)
            {
                template.Close(shape.ReceivedAt.AddDays(30), CaseOutcome.NotSubstantiated, clock);
            }
        }

        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        var materials = ids.Take(Math.Min(templates, count)).Select(id => Material.Make(id, recipients, shape)).ToList();
        var date = DateOnly.FromDateTime(shape.ReceivedAt.UtcDateTime);
        var prefix = "B" + Convert.ToHexString(RandomNumberGenerator.GetBytes(3)) + "-";

        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY cases (id, organisation_id, legal_entity_id, channel_id, category_id, reference, status, received_at, acknowledged_at, " +
            "investigation_started_at, feedback_given_at, closed_at, feedback_extension_reason, acknowledgement_due, acknowledgement_target, " +
            "feedback_due, feedback_target, purge_due, legal_hold_reason, legal_hold_set_by, legal_hold_set_at, outcome) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var t = template;
                await w.StartRowAsync(ct);
                await w.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(t.OrganisationId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(t.LegalEntityId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(t.ChannelId, NpgsqlDbType.Uuid, ct);
                await WriteNullableAsync(w, t.CategoryId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(prefix + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(t.Status.ToString(), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(t.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(w, t.AcknowledgedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(w, t.InvestigationStartedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(w, t.FeedbackGivenAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(w, t.ClosedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(w, t.FeedbackExtensionReason, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(t.AcknowledgementDue, NpgsqlDbType.Date, ct);
                await w.WriteAsync(t.AcknowledgementTarget, NpgsqlDbType.Date, ct);
                await w.WriteAsync(t.FeedbackDue, NpgsqlDbType.Date, ct);
                await w.WriteAsync(t.FeedbackTarget, NpgsqlDbType.Date, ct);
                await WriteNullableAsync(w, t.PurgeDue, NpgsqlDbType.Date, ct);
                await w.WriteNullAsync(ct);
                await w.WriteNullAsync(ct);
                await w.WriteNullAsync(ct);
                await WriteNullableAsync(w, t.Outcome?.ToString(), NpgsqlDbType.Varchar, ct);
            }

            await w.CompleteAsync(ct);
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY case_key_grants (id, organisation_id, case_id, holder, user_id, kind, wrapped_key) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                foreach (var g in materials[i % materials.Count].Grants)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(organisationId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(g.UserId is null ? "Reporter" : "Handler", NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(w, g.UserId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(g.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(g.Wrapped, NpgsqlDbType.Bytea, ct);
                }
            }

            await w.CompleteAsync(ct);
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY reporter_credentials (case_id, organisation_id, lookup_hash, public_key, wrapped_private_key) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var m = materials[i % materials.Count];
                await w.StartRowAsync(ct);
                await w.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(organisationId, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(i < materials.Count ? m.LookupHash : RandomNumberGenerator.GetBytes(32), NpgsqlDbType.Bytea, ct);
                await w.WriteAsync(PrivateKeyWrap.ReadPublicKey(m.WrappedPrivateKey), NpgsqlDbType.Bytea, ct);
                await w.WriteAsync(m.WrappedPrivateKey, NpgsqlDbType.Bytea, ct);
            }

            await w.CompleteAsync(ct);
        }

        // Record and attachment ids: the template's own for the genuine cases, new ones for the copies.
        var recordIds = ids.Select((id, i) => i < materials.Count ? materials[i].Records.Select(r => r.Id).ToArray()
            : materials[i % materials.Count].Records.Select(_ => Guid.NewGuid()).ToArray()).ToList();
        var fileIds = ids.Select((id, i) => i < materials.Count ? materials[i].Files.Select(f => f.Id).ToArray()
            : materials[i % materials.Count].Files.Select(_ => Guid.NewGuid()).ToArray()).ToList();

        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY case_records (id, organisation_id, case_id, sequence, date, author, author_user_id, kind, sealed_content, template_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var m = materials[i % materials.Count];
                for (var r = 0; r < m.Records.Count; r++)
                {
                    var rec = m.Records[r];
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(recordIds[i][r], NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(organisationId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(r + 1, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(date, NpgsqlDbType.Date, ct);
                    await w.WriteAsync(rec.Author.ToString(), NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(w, rec.AuthorUserId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(rec.Kind.ToString(), NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(rec.Sealed, NpgsqlDbType.Bytea, ct);
                    await w.WriteNullAsync(ct);
                }
            }

            await w.CompleteAsync(ct);
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY attachments (id, organisation_id, case_id, record_id, sealed_file_key, header, chunk_count) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var m = materials[i % materials.Count];
                for (var f = 0; f < m.Files.Count; f++)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(fileIds[i][f], NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(organisationId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(recordIds[i][0], NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(m.Files[f].SealedKey, NpgsqlDbType.Bytea, ct);
                    await w.WriteAsync(m.Files[f].Header, NpgsqlDbType.Bytea, ct);
                    await w.WriteAsync(m.Files[f].Chunks.Count, NpgsqlDbType.Integer, ct);
                }
            }

            await w.CompleteAsync(ct);
        }

        await using (var w = await conn.BeginBinaryImportAsync(
            "COPY attachment_chunks (attachment_id, index, organisation_id, data) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var m = materials[i % materials.Count];
                for (var f = 0; f < m.Files.Count; f++)
                {
                    for (var k = 0; k < m.Files[f].Chunks.Count; k++)
                    {
                        await w.StartRowAsync(ct);
                        await w.WriteAsync(fileIds[i][f], NpgsqlDbType.Uuid, ct);
                        await w.WriteAsync(k, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(organisationId, NpgsqlDbType.Uuid, ct);
                        await w.WriteAsync(m.Files[f].Chunks[k], NpgsqlDbType.Bytea, ct);
                    }
                }
            }

            await w.CompleteAsync(ct);
        }

        await tx.CommitAsync(ct);
        await using (var analyze = new NpgsqlCommand("ANALYZE", conn))
        {
            await analyze.ExecuteNonQueryAsync(ct);
        }

        return ids;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? w.WriteAsync(v, type, ct) : w.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? w.WriteAsync(v, type, ct) : w.WriteNullAsync(ct);

    private sealed record Grant(Guid? UserId, CaseKeyKind Kind, byte[] Wrapped);

    private sealed record SealedRecord(Guid Id, EntryAuthor Author, Guid? AuthorUserId, RecordKind Kind, byte[] Sealed);

    private sealed record SealedFile(Guid Id, byte[] SealedKey, byte[] Header, IReadOnlyList<byte[]> Chunks);

    /// <summary>The sealed material of one genuine case, as intake would have written it.</summary>
    private sealed record Material(IReadOnlyList<Grant> Grants, byte[] LookupHash, byte[] WrappedPrivateKey,
        IReadOnlyList<SealedRecord> Records, IReadOnlyList<SealedFile> Files)
    {
        private static readonly CaseKeyKind[] s_kinds = [CaseKeyKind.Shared, CaseKeyKind.Identity, CaseKeyKind.Internal, CaseKeyKind.Summary];

        public static Material Make(Guid caseId, IReadOnlyList<BulkRecipient> recipients, BulkShape shape)
        {
            var keys = s_kinds.ToDictionary(k => k, _ => CaseKeys.Generate());
            using var reporter = X25519KeyPair.Generate();
            var grants = recipients.SelectMany(r => s_kinds.Select(k => new Grant(r.UserId, k, CaseKeys.Wrap(keys[k], r.PublicKey, caseId, k))))
                .Append(new Grant(null, CaseKeyKind.Shared, CaseKeys.Wrap(keys[CaseKeyKind.Shared], reporter.PublicKey, caseId, CaseKeyKind.Shared)))
                .ToList();

            var files = new List<SealedFile>();
            var mentions = new List<FileMention>();
            for (var f = 0; f < shape.Attachments; f++)
            {
                var fileId = Guid.NewGuid();
                var fileKey = ChunkedFile.GenerateKey();
                var header = ChunkedFile.CreateHeader(fileId, shape.ChunkSize);
                var chunks = new List<byte[]>();
                long size = 0;
                for (var k = 0; k < shape.ChunksPerAttachment; k++)
                {
                    var final = k == shape.ChunksPerAttachment - 1;
                    var plain = RandomNumberGenerator.GetBytes(final ? shape.ChunkSize / 2 : shape.ChunkSize);
                    size += plain.Length;
                    chunks.Add(ChunkedFile.SealChunk(fileKey, header, (ulong)k, plain, final));
                }

                files.Add(new SealedFile(fileId, Varsling.Crypto.Records.Seal(keys[CaseKeyKind.Shared], caseId, fileId, RecordKind.FileKey, fileKey), header, chunks));
                mentions.Add(new FileMention(fileId, $"evidence-{f + 1}.pdf", "application/pdf", size));
            }

            var records = new List<SealedRecord>();
            var answersId = Guid.NewGuid();
            records.Add(new SealedRecord(answersId, EntryAuthor.Reporter, null, RecordKind.Answers,
                Varsling.Crypto.Records.Seal(keys[CaseKeyKind.Shared], caseId, answersId, RecordKind.Answers, EntryJson.Encode(new ReportAnswers(
                    "Invoices from one supplier were approved without the second signature the procedure requires, over several months.",
                    "From January to March", "Accounts payable, head office", "The department's team lead", "I process the invoices", mentions)))));
            for (var m = 0; m < shape.Messages; m++)
            {
                var id = Guid.NewGuid();
                var fromHandler = m % 2 == 1 && recipients.Count > 0;
                var text = fromHandler
                    ? "Thank you. Could you tell us roughly how many invoices this concerns, and whether anyone else noticed?"
                    : "About twenty invoices that I know of. I do not think anyone else has raised it.";
                records.Add(new SealedRecord(id, fromHandler ? EntryAuthor.Handler : EntryAuthor.Reporter, fromHandler ? recipients[0].UserId : null,
                    RecordKind.Message, Varsling.Crypto.Records.Seal(keys[CaseKeyKind.Shared], caseId, id, RecordKind.Message,
                        EntryJson.Encode(new MessageContent(text, [])))));
            }

            var lookup = RandomNumberGenerator.GetBytes(32);
            var wrapped = PrivateKeyWrap.WrapWithKey(reporter, RandomNumberGenerator.GetBytes(32));
            foreach (var key in keys.Values)
            {
                CryptographicOperations.ZeroMemory(key);
            }

            return new Material(grants, ReceiptCode.HashLookupToken(lookup), wrapped, records, files);
        }
    }
}
