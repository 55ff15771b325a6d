using System.ComponentModel.DataAnnotations;

namespace Varsling.Core.Reports;

/// <summary>Limits and timings of the anonymous intake, bound from the <c>Intake</c> section.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Characters allowed in each free-text answer or message.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>Plaintext bytes allowed per attached file.</summary>
    [Range(1_024, 10L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Files per report or per message.</summary>
    [Range(0, 100)]
    public int MaxFiles { get; set; } = 10;

    /// <summary>How long an upload that no submission committed is kept before it expires.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A mailbox session ends after this long without a request.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>A mailbox session ends this long after login, however active.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SessionAbsoluteTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Encrypted bytes of the largest file: the plaintext limit plus a tag per chunk and the header.</summary>
    public long MaxFileCiphertextBytes(int chunkSize) =>
        MaxFileBytes + ((MaxFileBytes / chunkSize) + 1) * Crypto.ChunkedFile.ChunkOverhead + Crypto.ChunkedFile.HeaderLength;
}
