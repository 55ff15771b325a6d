using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Varsling.Core;
using Varsling.Core.Attachments;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Crypto;
using Varsling.Intake.Mailbox;

namespace Varsling.Intake.Reporting;

/// <summary>A case key wrapped in the browser; <see cref="UserId"/> null means the reporter.</summary>
public sealed record SealedKeyDto(Guid? UserId, CaseKeyKind Kind, byte[] WrappedKey);

public sealed record SealedFileKeyDto(Guid FileId, byte[] SealedKey);

/// <summary>A report as the browser sends it: ciphertext, wrapped keys and the lookup token (byte arrays travel as base64).</summary>
public sealed record SealedReportDto(Guid CaseId, Guid? CategoryId, Guid AnswersRecordId, byte[] Answers, Guid? IdentityRecordId, byte[]? Identity,
    IReadOnlyList<SealedKeyDto> Keys, byte[] LookupToken, byte[] WrappedPrivateKey, IReadOnlyList<SealedFileKeyDto> Files);

public sealed record SealedMessageDto(Guid RecordId, byte[] Content, IReadOnlyList<SealedFileKeyDto> Files);

/// <summary>
/// The JavaScript path's endpoints: chunked resumable uploads (one encrypted chunk per request), the sealed report,
/// and the sealed mailbox. They receive ciphertext only. Every write needs the page's antiforgery token in the
/// <c>X-Varsling-AF</c> header; the organisation in the URL scopes everything.
/// </summary>
internal static class IntakeApi
{
    /// <summary>Chunks are at most the crypto module's default size plus the tag; the browser never sends more.</summary>
    private const int MaxChunkBody = ChunkedFile.DefaultChunkSize + ChunkedFile.ChunkOverhead;

    public static void MapIntakeApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/{org}").DisableAntiforgery();

        api.MapPost("/uploads/{fileId:guid}", async (string org, Guid fileId, HttpContext context, ReportIntake intake, UploadStore uploads,
            IAntiforgery antiforgery, CancellationToken ct) =>
        {
            await PrepareAsync(context, antiforgery, intake, org, ct);
            var header = await ReadBodyAsync(context, ChunkedFile.HeaderLength, ct);
            return Results.Ok(await uploads.BeginAsync(fileId, header, ct));
        }).RequireRateLimiting(DependencyInjection.UploadPolicy);

        api.MapGet("/uploads/{fileId:guid}", async (string org, Guid fileId, ReportIntake intake, UploadStore uploads, CancellationToken ct) =>
        {
            await intake.GetOrganisationAsync(org, ct);
            return Results.Ok(await uploads.GetAsync(fileId, ct));
        });

        api.MapPut("/uploads/{fileId:guid}/chunks/{index:int}", async (string org, Guid fileId, int index, [FromQuery] bool final, HttpContext context,
            ReportIntake intake, UploadStore uploads, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            await PrepareAsync(context, antiforgery, intake, org, ct);
            var chunk = await ReadBodyAsync(context, MaxChunkBody, ct);
            return Results.Ok(await uploads.AppendAsync(fileId, index, chunk, final, ct));
        });

        api.MapPost("/{channel}/reports", async (string org, string channel, SealedReportDto report, HttpContext context, ReportIntake intake,
            IAntiforgery antiforgery, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            var ch = await intake.GetChannelAsync(org, channel, ct);
            var filed = await intake.FileSealedAsync(ch, new SealedReport(report.CaseId, report.CategoryId, report.AnswersRecordId, report.Answers,
                report.IdentityRecordId, report.Identity, report.Keys.Select(k => new SealedKey(k.UserId, k.Kind, k.WrappedKey)).ToList(),
                report.LookupToken, report.WrappedPrivateKey, report.Files.Select(f => new SealedFileKey(f.FileId, f.SealedKey)).ToList()), ct);
            return Results.Ok(new { filed.Acknowledged });
        }).RequireRateLimiting(DependencyInjection.SubmitPolicy);

        api.MapGet("/mailbox", async (string org, HttpContext context, ReportIntake intake, ReporterMailbox mailbox, MailboxCookie cookie, CancellationToken ct) =>
        {
            await intake.GetOrganisationAsync(org, ct);
            using var state = await Pages.Org.MailboxCaseModel.ResumeAsync(mailbox, cookie, context, ct);
            return state is null ? Results.Unauthorized() : Results.Ok(await mailbox.GetSealedAsync(state.CaseId, ct));
        });

        api.MapPost("/mailbox/messages", async (string org, SealedMessageDto message, HttpContext context, ReportIntake intake,
            ReporterMailbox mailbox, MailboxCookie cookie, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            await intake.GetOrganisationAsync(org, ct);
            using var state = await Pages.Org.MailboxCaseModel.ResumeAsync(mailbox, cookie, context, ct);
            if (state is null)
            {
                return Results.Unauthorized();
            }

            await mailbox.PostSealedAsync(state.CaseId, message.RecordId, message.Content,
                message.Files.Select(f => new SealedFileKey(f.FileId, f.SealedKey)).ToList(), ct);
            return Results.Ok(new { Posted = true });
        }).RequireRateLimiting(DependencyInjection.SubmitPolicy);
    }

    private static async Task PrepareAsync(HttpContext context, IAntiforgery antiforgery, ReportIntake intake, string org, CancellationToken ct)
    {
        await antiforgery.ValidateRequestAsync(context);
        await intake.GetOrganisationAsync(org, ct);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context, int max, CancellationToken ct)
    {
        if (context.Request.ContentLength is > 0 and var length && length > max)
        {
            throw new RuleViolationException("The chunk is larger than allowed.");
        }

        using var buffer = new MemoryStream();
        var block = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(block, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new RuleViolationException("The chunk is larger than allowed.");
            }

            buffer.Write(block, 0, read);
        }

        return buffer.ToArray();
    }
}
