using System.ComponentModel.DataAnnotations;

namespace Varsling.Core.Accounts;

/// <summary>Session lifetimes of the back office, bound from the <c>Accounts</c> section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>A signed-in session ends after this long without a request (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A signed-in session ends this long after sign-in, however active it is.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>Time allowed between the password step and the second factor (or enrolment).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan PendingLoginLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
