using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Varsling.Core;
using Varsling.Core.Attachments;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Intake.Reporting;

/// <summary>A no-JavaScript form as read: its text fields and the files encrypted and staged while reading.</summary>
public sealed record PlainForm(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<PlainFile> Files)
{
    public string Get(string name) => Fields.TryGetValue(name, out var v) ? v : "";

    public string? Optional(string name) => Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// Reads a multipart form body section by section with <see cref="MultipartReader"/>, so nothing is buffered to a
/// temporary file (architecture.md §5): text fields are held in memory up to the text limit, and each file is
/// encrypted chunk by chunk as it arrives (protocol.md §5) and staged in the database. The antiforgery token must
/// be the first field and is checked before any file is read. If anything fails, the files staged so far are
/// discarded and the error propagates, so a broken upload leaves nothing behind.
/// </summary>
public sealed class PlainFormReader(UploadStore uploads, IAntiforgery antiforgery, IOptions<IntakeOptions> options)
{
    private const int MaxFieldCount = 32;

    public async Task<PlainForm> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var limits = options.Value;
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType ?? "").Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || !(context.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new RuleViolationException("The form was not sent as expected. Please try again.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<PlainFile>();
        var antiforgeryChecked = false;
        var reader = new MultipartReader(boundary, context.Request.Body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw new RuleViolationException("The form was not sent as expected. Please try again.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (!antiforgeryChecked)
                    {
                        throw new RuleViolationException("The form has expired. Please go back and try again.");
                    }

                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    if (fileName.Length == 0)
                    {
                        // An empty file input sends a nameless, empty part; it is not a file.
                        await section.Body.CopyToAsync(Stream.Null, ct);
                        continue;
                    }

                    if (files.Count >= limits.MaxFiles)
                    {
                        throw new RuleViolationException($"At most {limits.MaxFiles} files can be attached at once.");
                    }

                    files.Add(await StageAsync(section, Path.GetFileName(fileName), section.ContentType, files, ct));
                    continue;
                }

                if (fields.Count >= MaxFieldCount)
                {
                    throw new RuleViolationException("The form has too many fields.");
                }

                fields[name] = await ReadTextAsync(section.Body, limits.MaxTextLength, ct);
                if (name == "__af")
                {
                    context.Request.Headers["X-Varsling-AF"] = fields[name];
                    if (!await antiforgery.IsRequestValidAsync(context))
                    {
                        throw new AntiforgeryValidationException("The antiforgery token was not valid.");
                    }

                    antiforgeryChecked = true;
                }
            }

            if (!antiforgeryChecked)
            {
                throw new AntiforgeryValidationException("The antiforgery token was missing.");
            }

            return new PlainForm(fields, files);
        }
        catch (IOException)
        {
            await DiscardAsync(files);
            throw new RuleViolationException("The upload was cut off before it finished. Nothing was saved; please try again.");
        }
        catch
        {
            await DiscardAsync(files);
            throw;
        }
    }

    private async Task DiscardAsync(List<PlainFile> files)
    {
        foreach (var file in files)
        {
            CryptographicOperations.ZeroMemory(file.FileKey);
            await uploads.DiscardAsync(file.Mention.Id, CancellationToken.None);
        }
    }


    private async Task<PlainFile> StageAsync(MultipartSection section, string name, string? contentType, List<PlainFile> staged, CancellationToken ct)
    {
        var fileId = Guid.NewGuid();
        var key = ChunkedFile.GenerateKey();
        var header = ChunkedFile.CreateHeader(fileId);
        var chunkSize = ChunkedFile.DefaultChunkSize;
        await uploads.BeginAsync(fileId, header, ct);
        // Registered before the first chunk, so a failure part-way still discards this upload.
        var file = new PlainFile(new FileMention(fileId, name.Length > 255 ? name[..255] : name, (contentType ?? "application/octet-stream").Split(';')[0], 0), key);
        staged.Add(file);
        var buffer = new byte[chunkSize];
        long total = 0;
        var index = 0;
        while (true)
        {
            var filled = await FillAsync(section.Body, buffer, ct);
            total += filled;
            if (total > options.Value.MaxFileBytes)
            {
                throw new RuleViolationException($"A file is larger than {options.Value.MaxFileBytes / (1024 * 1024)} MB.");
            }

            // A short read means the part has ended; a full buffer may be followed by more, or by nothing: then the
            // final chunk is the empty one, as protocol.md §5 requires for files whose length is a multiple of the chunk size.
            var isFinal = filled < chunkSize;
            var sealedChunk = ChunkedFile.SealChunk(key, header, (ulong)index, buffer.AsSpan(0, filled), isFinal);
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, filled));
            await uploads.AppendAsync(fileId, index++, sealedChunk, isFinal, ct);
            if (isFinal)
            {
                break;
            }
        }

        staged.Remove(file);
        return file with { Mention = file.Mention with { Size = total } };
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private static async Task<string> ReadTextAsync(Stream body, int maxChars, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[4096];
        var sb = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            sb.Append(buffer, 0, read);
            if (sb.Length > maxChars)
            {
                throw new RuleViolationException($"Each answer can be at most {maxChars:N0} characters.");
            }
        }

        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
