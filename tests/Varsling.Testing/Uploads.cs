using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Attachments;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Testing;

/// <summary>Stages a file through the chunked upload store, as the intake does, ready to be filed with a report.</summary>
public static class Uploads
{
    /// <summary>Encrypts <paramref name="content"/> in 16-byte chunks (small, so even short files span several) and stages them.</summary>
    public static async Task<PlainFile> StageAsync(IServiceProvider services, byte[] content, string name)
    {
        var uploads = services.GetRequiredService<UploadStore>();
        var fileId = Guid.NewGuid();
        var key = ChunkedFile.GenerateKey();
        var header = ChunkedFile.CreateHeader(fileId, 16);
        await uploads.BeginAsync(fileId, header, default);
        for (var (offset, index) = (0, 0); ; offset += 16, index++)
        {
            var length = Math.Min(16, content.Length - offset);
            var isFinal = length < 16;
            await uploads.AppendAsync(fileId, index, ChunkedFile.SealChunk(key, header, (ulong)index, content.AsSpan(offset, length), isFinal), isFinal, default);
            if (isFinal)
            {
                return new PlainFile(new FileMention(fileId, name, "text/plain", content.Length), key);
            }
        }
    }
}
