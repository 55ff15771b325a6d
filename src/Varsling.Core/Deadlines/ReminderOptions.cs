using System.ComponentModel.DataAnnotations;

namespace Varsling.Core.Deadlines;

/// <summary>When handlers are reminded, bound from the <c>Reminders</c> section.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Days relative to each legal due date: negative before, 0 on the day, positive after (overdue).</summary>
    [Required, MinLength(1)]
    public int[] OffsetDays { get; set; } = [-2, 0, 1];

    /// <summary>How many days before a closed case's purge date its handlers are told.</summary>
    [Range(1, 90)]
    public int PurgeNoticeDays { get; set; } = 14;
}
