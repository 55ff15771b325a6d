using Microsoft.AspNetCore.DataProtection;
using Varsling.Core.Messaging;

namespace Varsling.Intake.Mailbox;

/// <summary>
/// The reporter's half of a mailbox session: the session id and the random session key, data-protected, in an
/// HttpOnly, SameSite=Strict cookie that lives only as long as the browser session. Without the server's row the
/// cookie is worthless, and the row without the cookie cannot open the key (architecture.md §3).
/// </summary>
public sealed class MailboxCookie(IDataProtectionProvider protection)
{
    public const string Name = "vi.mb";

    private readonly IDataProtector _protector = protection.CreateProtector("Varsling.Intake.MailboxSession.v1");

    public void Write(HttpContext context, NewReporterSession session)
    {
        var payload = new byte[16 + session.SessionKey.Length];
        session.SessionId.TryWriteBytes(payload.AsSpan(0, 16));
        session.SessionKey.CopyTo(payload.AsSpan(16));
        context.Response.Cookies.Append(Name, Convert.ToBase64String(_protector.Protect(payload)).Replace('+', '-').Replace('/', '_'), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }

    public (Guid SessionId, byte[] SessionKey)? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var payload = _protector.Unprotect(Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/')));
            return payload.Length < 16 ? null : (new Guid(payload.AsSpan(0, 16)), payload[16..]);
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Removes the cookie and asks the browser to clear everything the site stored (cookies, storage, cache).</summary>
    public static void Clear(HttpContext context)
    {
        context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true, Secure = context.Request.IsHttps });
        context.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
    }
}
