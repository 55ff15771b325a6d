using Varsling.Intake.Mailbox;

namespace Varsling.Intake;

/// <summary>A cookie the intake site sets, as the cookie statement lists it.</summary>
public sealed record SiteCookie(string Name, string PurposeKey, string DurationKey);

/// <summary>
/// Every cookie the intake site sets; the cookie statement is generated from this list, and a browser test fails if
/// a journey through the site ever sets a cookie not listed here (or lists one it never sets).
/// </summary>
public static class CookieStatement
{
    public static readonly IReadOnlyList<SiteCookie> Cookies =
    [
        new("vi.af", "cookies.af.purpose", "cookies.session"),
        new(MailboxCookie.Name, "cookies.mb.purpose", "cookies.session"),
    ];
}
