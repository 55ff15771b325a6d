using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Intake.Anonymity;

namespace Varsling.Intake.Tests;

/// <summary>
/// The intake host must never store or log a reporter's address, browser or origin page. The client here connects
/// from its own loopback address (127.0.0.23) and sends marker values in every identifying header; with logging at
/// Trace, no captured entry — message, state, scope or exception — may contain any of them.
/// </summary>
public sealed class IntakeLogsNothingIdentifying(IntakeHost host) : IClassFixture<IntakeHost>
{
    private const string ClientAddress = "127.0.0.23";
    private const string UserAgentMarker = "MarkerBrowser/9.9 (reporter-device-4711)";
    private const string RefererMarker = "https://intranet.example/marker-page-4711";
    private const string ForwardedMarker = "203.0.113.77";

    private HttpClient ClientFromOwnAddress()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(ClientAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgentMarker);
        client.DefaultRequestHeaders.Referrer = new Uri(RefererMarker);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ForwardedMarker);
        client.DefaultRequestHeaders.Add("Forwarded", "for=" + ForwardedMarker);
        client.DefaultRequestHeaders.Add("X-Real-IP", ForwardedMarker);
        return client;
    }

    [Fact]
    public async Task Requests_OfEveryKind_LeaveNoAddressUserAgentOrRefererInTheLogs()
    {
        using var client = ClientFromOwnAddress();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nb/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nb/does-not-exist")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var post = await client.PostAsync("/en/", new FormUrlEncodedContent([new("q", "x")]));
        Assert.InRange((int)post.StatusCode, 400, 499);

        var logs = host.Logs.AllText;
        Assert.NotEmpty(host.Logs.Entries);
        Assert.Contains("/nb/does-not-exist", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientAddress, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("reporter-device-4711", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("marker-page-4711", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(ForwardedMarker, logs, StringComparison.Ordinal);
    }

    [Fact]
    public void StrippedHeaders_CoverAddressDeviceAndOrigin()
    {
        var stripped = StripIdentifyingRequestData.Headers;

        foreach (var header in new[] { "User-Agent", "Referer", "X-Forwarded-For", "Forwarded", "X-Real-IP" })
        {
            Assert.Contains(header, stripped, StringComparer.OrdinalIgnoreCase);
        }
    }
}

/// <summary>The stripping middleware itself: what runs after it sees no address and no identifying header.</summary>
public sealed class StrippingIdentifyingRequestData
{
    [Fact]
    public async Task Middleware_RemovesAddressAndIdentifyingHeaders_BeforeTheRestOfThePipeline()
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        HttpContext? seen = null;
        app.UseAnonymousRequests();
        app.Run(context =>
        {
            seen = context;
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
        context.Connection.RemotePort = 51234;
        context.Request.Headers.UserAgent = "MarkerBrowser/1.0";
        context.Request.Headers.Referer = "https://intranet.example/";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.77";
        context.Request.Headers.AcceptLanguage = "nb";

        await app.Build()(context);

        Assert.NotNull(seen);
        Assert.Null(seen.Connection.RemoteIpAddress);
        Assert.Equal(0, seen.Connection.RemotePort);
        Assert.False(seen.Request.Headers.ContainsKey("User-Agent"));
        Assert.False(seen.Request.Headers.ContainsKey("Referer"));
        Assert.False(seen.Request.Headers.ContainsKey("X-Forwarded-For"));
        Assert.Equal("nb", seen.Request.Headers.AcceptLanguage.ToString());
    }
}
