using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Varsling.Testing;

/// <summary>One message as the listener received it: the envelope recipients, the parsed message, whether the session had TLS.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> EnvelopeTo, MimeMessage Message, bool Secure, string? User);

/// <summary>
/// A real SMTP server (the SmtpServer package, in-process) on a free loopback port, for mail tests: it stores every
/// message it accepts, counts sessions (connections), and can offer STARTTLS with a self-signed certificate made
/// for the test and require a user name and password.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private int _sessions;

    private SmtpListener(int port, X509Certificate2? certificate, bool implicitTls, (string User, string Password)? credentials)
    {
        Port = port;
        Certificate = certificate;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(implicitTls);
                if (certificate is not null)
                {
                    endpoint.Certificate(certificate).AllowUnsecureAuthentication(false);
                }

                if (credentials is not null)
                {
                    endpoint.AuthenticationRequired(true);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        if (credentials is { } c)
        {
            services.Add(new Authenticator(c.User, c.Password));
        }

        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The self-signed certificate offered with STARTTLS, or null when the listener has no TLS.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The certificate's SHA-256 in hex, as <c>Mail:TrustedCertificateSha256</c> takes it.</summary>
    public string? CertificateSha256 => Certificate is null ? null : Convert.ToHexString(SHA256.HashData(Certificate.RawData));

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>SMTP sessions (TCP connections) opened so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>
    /// Starts a listener; with <paramref name="startTls"/> it offers STARTTLS, with <paramref name="implicitTls"/> it
    /// speaks TLS from the first byte, with <paramref name="credentials"/> it requires AUTH.
    /// </summary>
    public static SmtpListener Start(bool startTls = false, bool implicitTls = false, (string User, string Password)? credentials = null) =>
        new(FreePort(), startTls || implicitTls ? SelfSigned() : null, implicitTls, credentials);

    /// <summary>A loopback port with nothing listening on it (taken and released), for an unreachable relay.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // SslStream on Linux needs the key in an exportable form: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        Certificate?.Dispose();
    }

    private sealed class Store(SmtpListener owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream);
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            var secure = context.Pipe.IsSecure;
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            owner.Received.Enqueue(new ReceivedMail(to, message, secure, user));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Authenticator(string user, string password) : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user1, string password1, CancellationToken cancellationToken) =>
            Task.FromResult(user1 == user && password1 == password);
    }
}
