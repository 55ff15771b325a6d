using System.ComponentModel.DataAnnotations;

namespace Varsling.Core.Notifications;

/// <summary>How the connection to the SMTP relay is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (submission, port 587). The default.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, port 465).</summary>
    ImplicitTls,

    /// <summary>No TLS at all: only for a relay on the same host or a test listener on loopback.</summary>
    None,
}

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

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>When set, the mailer authenticates with this user name and <see cref="Password"/> (after TLS is up).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Seconds any one SMTP step (connect, command, data) may take before the send fails.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Optional SHA-256 of a relay certificate (hex) to accept although no trusted root vouches for it, e.g. an
    /// internal relay's self-signed certificate. Every other certificate must validate as usual.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }

    public string? PickupDirectory { get; set; }

    /// <summary>The back office's public address, for the link in a notification (e.g. https://varsling.example.org).</summary>
    [Required]
    public string BackofficeBaseUrl { get; set; } = "http://127.0.0.1:5081";
}
