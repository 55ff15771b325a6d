using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Varsling.Core.Notifications;
using Varsling.Testing;

namespace Varsling.Core.Tests.Notifications;

/// <summary>The mailer against a real SMTP server on loopback (in-process), and against a port where nothing listens.</summary>
public sealed class MailerTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose() => _providers.ForEach(p => p.Dispose());

    private static readonly DateTimeOffset s_now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private Mailer Mailer(Dictionary<string, string?> mail, CapturedLogs? logs = null)
    {
        var settings = new Dictionary<string, string?> { ["Mail:From"] = "varsling@example.org" };
        foreach (var (k, v) in mail)
        {
            settings["Mail:" + k] = v;
        }

        var services = CoreServices.Build(database.ConnectionString, new FakeTimeProvider(s_now), logs, settings);
        _providers.Add(services);
        return services.GetRequiredService<Mailer>();
    }

    private static Dictionary<string, string?> Plain(SmtpListener smtp) => new()
    {
        ["SmtpHost"] = "127.0.0.1",
        ["SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security"] = "None",
    };

    [Fact]
    public async Task Send_ReachesTheServer_WithRecipientSubjectAndBody()
    {
        await using var smtp = SmtpListener.Start();

        await Mailer(Plain(smtp)).SendAsync("handler@example.org", "Varsling: æøå ŋ", "Open the case: https://x.example/en/cases/1");

        var mail = Assert.Single(smtp.Received);
        Assert.Equal(["handler@example.org"], mail.EnvelopeTo);
        Assert.Equal("handler@example.org", Assert.Single(mail.Message.To.Mailboxes).Address);
        Assert.Equal("varsling@example.org", Assert.Single(mail.Message.From.Mailboxes).Address);
        Assert.Equal("Varsling: æøå ŋ", mail.Message.Subject);
        Assert.Equal("Open the case: https://x.example/en/cases/1", mail.Message.TextBody?.Trim());
        Assert.Equal(s_now, mail.Message.Date);
        Assert.Equal(1, smtp.Sessions);
    }

    [Fact]
    public async Task ABatch_SendsEveryMessage_OnOneConnection()
    {
        await using var smtp = SmtpListener.Start();
        var mailer = Mailer(Plain(smtp));

        await using (var batch = mailer.OpenBatch())
        {
            for (var i = 0; i < 5; i++)
            {
                await batch.SendAsync($"h{i}@example.org", "Subject", "Body");
            }
        }

        Assert.Equal(5, smtp.Received.Count);
        Assert.Equal(1, smtp.Sessions);
        await mailer.SendAsync("single@example.org", "Subject", "Body");
        Assert.Equal(2, smtp.Sessions);
    }

    [Fact]
    public async Task AnEmptyBatch_OpensNoConnection()
    {
        await using var smtp = SmtpListener.Start();

        await using (Mailer(Plain(smtp)).OpenBatch())
        {
        }

        Assert.Equal(0, smtp.Sessions);
    }

    [Fact]
    public async Task StartTls_WithThePinnedSelfSignedCertificate_AndAuthentication_Delivers()
    {
        await using var smtp = SmtpListener.Start(startTls: true, credentials: ("relay-user", "relay-pass"));
        var settings = Plain(smtp);
        settings["Security"] = "StartTls";
        settings["UserName"] = "relay-user";
        settings["Password"] = "relay-pass";
        settings["TrustedCertificateSha256"] = smtp.CertificateSha256;

        await Mailer(settings).SendAsync("legal@example.org", "Subject", "Body");

        var mail = Assert.Single(smtp.Received);
        Assert.True(mail.Secure, "the message travelled after STARTTLS");
        Assert.Equal("relay-user", mail.User);
    }

    [Fact]
    public async Task ImplicitTls_WithThePinnedCertificate_Delivers()
    {
        await using var smtp = SmtpListener.Start(implicitTls: true);
        var settings = Plain(smtp);
        settings["Security"] = "ImplicitTls";
        settings["TrustedCertificateSha256"] = smtp.CertificateSha256;

        await Mailer(settings).SendAsync("legal@example.org", "Subject", "Body");

        Assert.True(Assert.Single(smtp.Received).Secure, "the session was TLS from the start");
    }

    [Fact]
    public async Task StartTls_WithAnUntrustedCertificate_IsRefused_AndLoggedWithoutAddressOrContent()
    {
        await using var smtp = SmtpListener.Start(startTls: true);
        var settings = Plain(smtp);
        settings["Security"] = "StartTls";
        var logs = new CapturedLogs();

        await Assert.ThrowsAsync<MailNotSentException>(() => Mailer(settings, logs).SendAsync("legal@example.org", "Secret subject", "Body canary"));

        Assert.Empty(smtp.Received);
        Assert.Contains("Mail connection failed with", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("legal@example.org", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret subject", logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServer_FailsTheBatchOnce_LoggedWithoutContent()
    {
        var logs = new CapturedLogs();
        var mailer = Mailer(new() { ["SmtpHost"] = "127.0.0.1", ["SmtpPort"] = SmtpListener.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), ["Security"] = "None", ["TimeoutSeconds"] = "5" }, logs);

        await using (var batch = mailer.OpenBatch())
        {
            await Assert.ThrowsAsync<MailNotSentException>(() => batch.SendAsync("a@example.org", "Subject", "Body canary"));
            await Assert.ThrowsAsync<MailNotSentException>(() => batch.SendAsync("b@example.org", "Subject", "Body canary"));
        }

        Assert.Single(logs.Entries, e => e.Contains("Mail connection failed with", StringComparison.Ordinal));
        Assert.Contains("Mail batch closed: 0 message(s) sent, 2 failed", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickupDirectory_WritesAnEmlFile_ThatParsesBack()
    {
        var folder = Path.Combine(Path.GetTempPath(), "varsling-mail-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Mailer(new() { ["PickupDirectory"] = folder }).SendAsync("handler@example.org", "Subject ŋ", "Body æøå");

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal("handler@example.org", Assert.Single(message.To.Mailboxes).Address);
            Assert.Equal("Subject ŋ", message.Subject);
            Assert.Equal("Body æøå", message.TextBody?.Trim());
            Assert.Contains("To: handler@example.org\n" + "Body æøå", Assert.Single(PickupMail.Read(folder)), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
