using System.Net;
using System.Net.Mime;
using System.Text;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Varsling.Core.Notifications;

/// <summary>
/// Sends notification e-mail through the BCL SMTP client, or drops it in the pickup directory. Notifications say
/// only that something needs attention, with a link: callers never pass content, and this class adds none.
/// </summary>
public sealed class Mailer(IOptions<MailOptions> options)
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        var o = options.Value;
        using var message = new MailMessage(o.From, to, subject, body)
        {
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
        };
        using var client = new SmtpClient();
        if (!string.IsNullOrEmpty(o.PickupDirectory))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = Path.GetFullPath(o.PickupDirectory);
        }
        else if (!string.IsNullOrEmpty(o.SmtpHost))
        {
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.EnableSsl;
            if (!string.IsNullOrEmpty(o.UserName))
            {
                client.Credentials = new NetworkCredential(o.UserName, o.Password);
            }
        }
        else
        {
            throw new InvalidOperationException("Mail is not configured: set Mail:SmtpHost, or Mail:PickupDirectory for development.");
        }

        await client.SendMailAsync(message, ct);
    }
}
