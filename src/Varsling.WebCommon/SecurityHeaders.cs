using Microsoft.AspNetCore.Http;

namespace Varsling.WebCommon;

/// <summary>
/// Headers every response carries. The CSP allows only same-origin scripts, styles, images and connections, no
/// inline code, no framing and no plug-ins; pages are never cached, so a shared or seized device keeps no copy.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static void Apply(HttpContext context, string? onionLocation)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
        headers.CacheControl = "no-store, max-age=0";
        headers.Pragma = "no-cache";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        if (!string.IsNullOrEmpty(onionLocation))
        {
            headers["Onion-Location"] = onionLocation.TrimEnd('/') + context.Request.Path + context.Request.QueryString;
        }
    }
}
