using System.ComponentModel.DataAnnotations;

namespace Varsling.Core.Notifications;

/// <summary>
/// How notification e-mail leaves the system, bound from the <c>Mail</c> section. With <see cref="PickupDirectory"/>
/// set (development), messages are written there as .eml files instead of being sent.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "varsling@localhost";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? PickupDirectory { get; set; }

    /// <summary>The back office's public address, for the link in a notification (e.g. https://varsling.example.org).</summary>
    [Required]
    public string BackofficeBaseUrl { get; set; } = "http://127.0.0.1:5081";
}
