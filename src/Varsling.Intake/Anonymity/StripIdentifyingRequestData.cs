namespace Varsling.Intake.Anonymity;

/// <summary>
/// First middleware of the intake host: before anything else can read or log them, it removes the client's
/// address and the request headers that identify a device or where the reporter came from. Nothing after this
/// point — logs, rate limits, exception pages — can leak what it never sees.
/// </summary>
internal static class StripIdentifyingRequestData
{
    /// <summary>Headers that identify the device, the network path or the page the reporter came from.</summary>
    internal static readonly string[] Headers =
    [
        "User-Agent", "Referer", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP", "Forwarded", "Via",
        "True-Client-IP", "CF-Connecting-IP", "Sec-CH-UA", "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform", "DNT",
    ];

    public static IApplicationBuilder UseAnonymousRequests(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Connection.RemoteIpAddress = null;
        context.Connection.RemotePort = 0;
        foreach (var header in Headers)
        {
            context.Request.Headers.Remove(header);
        }

        return next(context);
    });
}
