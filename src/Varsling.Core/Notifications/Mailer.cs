using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Varsling.Core.Notifications;

/// <summary>A notification could not be sent (connection, TLS, authentication or a refused recipient). Carries no address or content.</summary>
public sealed class MailNotSentException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>
/// Sends notification e-mail through MailKit, or writes it to the pickup directory as .eml files (development).
/// Notifications say only that something needs attention, with a link: callers never pass content, and this class
/// adds none. Logs carry outcomes and exception types only, never an address, subject or body.
/// </summary>
public sealed partial class Mailer(IOptions<MailOptions> options, TimeProvider time, ILogger<Mailer> logger)
{
    internal ILogger Logger => logger;

    /// <summary>Sends one message on a connection of its own.</summary>
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        await using var batch = OpenBatch();
        await batch.SendAsync(to, subject, body, ct);
    }

    /// <summary>
    /// A batch: every message sent through it shares one SMTP connection, opened at the first message and closed
    /// (QUIT) when the batch is disposed. When the connection cannot be opened, every send of the batch fails at
    /// once with <see cref="MailNotSentException"/>, without trying again, so an unreachable relay costs one timeout.
    /// </summary>
    public MailBatch OpenBatch() => new(this, options.Value);

    internal MimeMessage Compose(MailOptions o, string to, string subject, string body)
    {
        var message = new MimeMessage
        {
            Subject = subject,
            Date = time.GetUtcNow(),
            Body = new TextPart(TextFormat.Plain) { Text = body, ContentTransferEncoding = ContentEncoding.Base64 },
        };
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    /// <summary>
    /// Accepts a certificate that validates, or the one whose SHA-256 is configured; nothing else. A pinned
    /// certificate is accepted only for chain or name errors that its being self-signed explains.
    /// </summary>
    internal static bool ValidateCertificate(string? pinnedSha256, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(pinnedSha256) || certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        var actual = SHA256.HashData(certificate.GetRawCertData());
        var expected = Convert.FromHexString(pinnedSha256.Replace(":", "", StringComparison.Ordinal).Trim());
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    [LoggerMessage(EventId = 6501, Level = LogLevel.Information, Message = "Mail connection opened ({Security}, authenticated {Authenticated})")]
    internal static partial void LogConnected(ILogger logger, MailSecurity security, bool authenticated);

    [LoggerMessage(EventId = 6502, Level = LogLevel.Warning, Message = "Mail connection failed with {ExceptionType}; the batch's messages are not sent")]
    internal static partial void LogConnectFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 6503, Level = LogLevel.Warning, Message = "A message was not sent: {ExceptionType}")]
    internal static partial void LogSendFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 6504, Level = LogLevel.Information, Message = "Mail batch closed: {Sent} message(s) sent, {Failed} failed")]
    internal static partial void LogBatchClosed(ILogger logger, int sent, int failed);

    /// <summary>One connection's worth of messages; see <see cref="OpenBatch"/>. Not thread-safe: send one message at a time.</summary>
    public sealed class MailBatch : IAsyncDisposable
    {
        private readonly Mailer _mailer;
        private readonly MailOptions _options;
        private SmtpClient? _client;
        private Exception? _connectFailure;
        private int _sent;
        private int _failed;

        internal MailBatch(Mailer mailer, MailOptions options)
        {
            _mailer = mailer;
            _options = options;
        }

        /// <summary>Sends (or, with a pickup directory, writes) one message. Throws <see cref="MailNotSentException"/> when it is not sent.</summary>
        public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
        {
            using var message = _mailer.Compose(_options, to, subject, body);
            if (!string.IsNullOrEmpty(_options.PickupDirectory))
            {
                await WritePickupAsync(message, ct);
                _sent++;
                return;
            }

            var client = await ConnectAsync(ct);
            try
            {
                await client.SendAsync(message, ct);
                _sent++;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or MailKit.ServiceNotConnectedException or IOException or TimeoutException
                                           or OperationCanceledException && !ct.IsCancellationRequested)
            {
                _failed++;
                LogSendFailed(_mailer.Logger, e.GetType().Name);
                throw new MailNotSentException("The message was not sent.", e);
            }
        }

        private async Task WritePickupAsync(MimeMessage message, CancellationToken ct)
        {
            Directory.CreateDirectory(_options.PickupDirectory!);
            var path = Path.Combine(Path.GetFullPath(_options.PickupDirectory!), $"{Guid.NewGuid():N}.eml");
            // RFC 5322 line ends (CRLF), as a relay would receive it.
            var format = FormatOptions.Default.Clone();
            format.NewLineFormat = NewLineFormat.Dos;
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await message.WriteToAsync(format, file, ct);
        }

        private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
        {
            if (_client is { IsConnected: true })
            {
                return _client;
            }

            if (_connectFailure is not null)
            {
                _failed++;
                throw new MailNotSentException("The mail connection could not be opened.", _connectFailure);
            }

            if (string.IsNullOrEmpty(_options.SmtpHost))
            {
                throw new InvalidOperationException("Mail is not configured: set Mail:SmtpHost, or Mail:PickupDirectory for development.");
            }

            var client = new SmtpClient
            {
                Timeout = (int)TimeSpan.FromSeconds(_options.TimeoutSeconds).TotalMilliseconds,
                ServerCertificateValidationCallback = (_, certificate, _, errors) => ValidateCertificate(_options.TrustedCertificateSha256, certificate, errors),
            };
            try
            {
                var security = _options.Security switch
                {
                    MailSecurity.StartTls => SecureSocketOptions.StartTls,
                    MailSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
                    MailSecurity.None => SecureSocketOptions.None,
                    _ => throw new InvalidOperationException("Unknown mail security."),
                };
                await client.ConnectAsync(_options.SmtpHost, _options.SmtpPort, security, ct);
                var authenticate = !string.IsNullOrEmpty(_options.UserName);
                if (authenticate)
                {
                    await client.AuthenticateAsync(_options.UserName!, _options.Password ?? "", ct);
                }

                LogConnected(_mailer.Logger, _options.Security, authenticate);
                _client = client;
                return client;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                client.Dispose();
                _connectFailure = e;
                _failed++;
                LogConnectFailed(_mailer.Logger, e.GetType().Name);
                throw new MailNotSentException("The mail connection could not be opened.", e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is not null)
            {
                try
                {
                    if (_client.IsConnected)
                    {
                        using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds));
                        await _client.DisconnectAsync(quit: true, quit.Token);
                    }
                }
                catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException or TimeoutException)
                {
                    // The messages were accepted before QUIT; a relay that drops the line now loses nothing.
                }
                finally
                {
                    _client.Dispose();
                }
            }

            if (_sent + _failed > 0)
            {
                LogBatchClosed(_mailer.Logger, _sent, _failed);
            }
        }
    }
}
