using System.ComponentModel.DataAnnotations;

namespace Varsling.Intake;

/// <summary>The intake host's abuse limits, bound from <c>IntakeWeb</c>. They count globally, never per address.</summary>
public sealed class IntakeWebOptions
{
    public const string Section = "IntakeWeb";

    /// <summary>Report submissions (and mailbox posts) accepted per minute across the whole site.</summary>
    [Range(1, 100_000)]
    public int SubmissionsPerMinute { get; set; } = 60;

    /// <summary>
    /// Upload starts (one per file) accepted per minute across the whole site: enough for every submission to bring
    /// ten files, and a bound on how fast a flood can fill the staging area. Chunks are not counted.
    /// </summary>
    [Range(1, 1_000_000)]
    public int UploadsPerMinute { get; set; } = 600;

    /// <summary>Mailbox login attempts accepted per minute across the whole site.</summary>
    [Range(1, 100_000)]
    public int LoginsPerMinute { get; set; } = 120;

    /// <summary>
    /// Maps <c>POST /load/baseline</c>, an endpoint doing one EF insert, as the yardstick of scripts/load.sh. Off by
    /// default; never enable it in production.
    /// </summary>
    public bool LoadBaseline { get; set; }
}
