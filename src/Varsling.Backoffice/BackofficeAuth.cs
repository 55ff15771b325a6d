using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Crypto;
using Varsling.WebCommon;

namespace Varsling.Backoffice;

/// <summary>
/// Sign-in for the back office: two cookie schemes, never Identity's default cookies.
/// <list type="bullet">
/// <item><c>vb.login</c> (<see cref="PendingScheme"/>): between the password and the second factor or enrolment;
/// short-lived, not sliding.</item>
/// <item><c>vb.auth</c> (<see cref="Scheme"/>): signed in with two factors. Carries the key session's id and
/// session key (architecture.md §3) inside the data-protected ticket; idle timeout sliding, and an absolute cap
/// checked against the issued-at claim on every request, as is the key session row, so logout or a password
/// change elsewhere ends the session at once.</item>
/// </list>
/// </summary>
public static class BackofficeAuth
{
    /// <summary>What the pending cookie says: whose login, which step is next, the key session if one is open.</summary>
    public sealed record PendingLogin(Guid UserId, string Stage, SessionHandle? Session, string? ReturnUrl);

    public const string Scheme = "vb.auth";
    public const string PendingScheme = "vb.login";

    /// <summary>The policy every back-office page needs, except the account pages that lead to sign-in.</summary>
    public const string SignedInPolicy = "signed-in";

    /// <summary>The claim types this host writes into its cookies.</summary>
    public static class ClaimNames
    {
        public const string UserId = ClaimTypes.NameIdentifier;
        public const string OrganisationId = "vb:org";
        public const string IssuedAt = "vb:iat";
        public const string SessionId = "vb:ksid";
        public const string SessionKey = "vb:kskey";
        public const string SessionExpires = "vb:ksexp";
        public const string AuthenticationMethod = "amr";
        public const string Stage = "vb:stage";
        public const string ReturnUrl = "vb:return";
    }

    public const string MultiFactor = "mfa";
    public const string StageCode = "code";
    public const string StageEnrol = "enrol";

    internal static void AddBackofficeAuth(this WebApplicationBuilder builder)
    {
        var accountOptions = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        builder.Services.AddAuthentication(Scheme)
            .AddCookie(Scheme, options =>
            {
                Harden(options.Cookie, Scheme);
                options.ExpireTimeSpan = accountOptions.IdleTimeout;
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateAsync,
                    OnRedirectToLogin = RedirectToLogin,
                    OnRedirectToAccessDenied = context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    },
                };
            })
            .AddCookie(PendingScheme, options =>
            {
                Harden(options.Cookie, PendingScheme);
                options.ExpireTimeSpan = accountOptions.PendingLoginLifetime;
                options.SlidingExpiration = false;
            });
        builder.Services.AddAuthorizationBuilder().AddPolicy(SignedInPolicy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ClaimNames.AuthenticationMethod, MultiFactor));
        builder.Services.AddExceptionHandler<SessionEndedHandler>();
    }

    private static void Harden(CookieBuilder cookie, string name)
    {
        cookie.Name = name;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.IsEssential = true;
    }

    /// <summary>The principal of a person signed in with both factors, issued at <paramref name="now"/>.</summary>
    public static ClaimsPrincipal SignedIn(SignedInUser user, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.UserId, user.UserId.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email),
            new(ClaimNames.OrganisationId, user.OrganisationId.ToString()),
            new(ClaimNames.IssuedAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new(ClaimNames.AuthenticationMethod, MultiFactor),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(SessionClaims(user.Session));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>The principal between the password step and the next one.</summary>
    public static ClaimsPrincipal Pending(LoginAttempt attempt, string stage, string? returnUrl)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.UserId, attempt.UserId.ToString()),
            new(ClaimNames.OrganisationId, attempt.OrganisationId.ToString()),
            new(ClaimNames.Stage, stage),
        };
        if (attempt.Session is { } session)
        {
            claims.AddRange(SessionClaims(session));
        }

        if (!string.IsNullOrEmpty(returnUrl))
        {
            claims.Add(new Claim(ClaimNames.ReturnUrl, returnUrl));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, PendingScheme));
    }

    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimNames.UserId), out var id) ? id : throw new KeySessionUnavailableException();

    public static Guid OrganisationId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimNames.OrganisationId), out var id) ? id : throw new KeySessionUnavailableException();

    /// <summary>The key session the cookie carries, or null.</summary>
    public static SessionHandle? KeySession(this ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimNames.SessionId), out var id)
            || principal.FindFirstValue(ClaimNames.SessionKey) is not { } key
            || !long.TryParse(principal.FindFirstValue(ClaimNames.SessionExpires), CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        return new SessionHandle(id, Convert.FromBase64String(key), DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    /// <summary>
    /// The signed-in person's unlocked key pair for this request; the caller disposes it. Throws
    /// <see cref="KeySessionUnavailableException"/> (answered with a redirect to sign-in) when the session has ended.
    /// </summary>
    public static Task<X25519KeyPair> UnlockKeyAsync(this HttpContext context, CancellationToken ct = default)
    {
        var session = context.User.KeySession() ?? throw new KeySessionUnavailableException();
        return context.RequestServices.GetRequiredService<KeyRing>().UnlockAsync(context.User.UserId(), session.Id, session.Key, ct);
    }

    /// <summary>The login in progress (password accepted, next step not yet done), or null.</summary>
    public static async Task<PendingLogin?> PendingLoginAsync(this HttpContext context)
    {
        var result = await context.AuthenticateAsync(PendingScheme);
        if (result.Principal is not { } principal
            || !Guid.TryParse(principal.FindFirstValue(ClaimNames.UserId), out var userId)
            || principal.FindFirstValue(ClaimNames.Stage) is not { } stage)
        {
            return null;
        }

        return new PendingLogin(userId, stage, principal.KeySession(), principal.FindFirstValue(ClaimNames.ReturnUrl));
    }

    /// <summary>Completes sign-in: the two-factor cookie replaces the pending one.</summary>
    public static async Task SignInAsync(this HttpContext context, SignedInUser user)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await context.SignInAsync(Scheme, SignedIn(user, now));
        await context.SignOutAsync(PendingScheme);
    }

    /// <summary>Where sign-in starts, in the language of the current request path.</summary>
    public static string LoginPath(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var lang = path.Length >= 3 && Languages.All.Contains(path[1..3]) ? path[1..3] : Languages.Default;
        return "/" + lang + "/Account/Login";
    }

    private static IEnumerable<Claim> SessionClaims(SessionHandle session) =>
    [
        new(ClaimNames.SessionId, session.Id.ToString()),
        new(ClaimNames.SessionKey, Convert.ToBase64String(session.Key)),
        new(ClaimNames.SessionExpires, session.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
    ];

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal!;
        if (principal.KeySession() is not { } session
            || !Guid.TryParse(principal.FindFirstValue(ClaimNames.UserId), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(ClaimNames.OrganisationId), out var organisationId)
            || !long.TryParse(principal.FindFirstValue(ClaimNames.IssuedAt), CultureInfo.InvariantCulture, out var issuedAt))
        {
            await RejectAsync(context);
            return;
        }

        // Every back-office request acts for the signed-in person's organisation, and only for it.
        services.GetRequiredService<OrganisationScope>().Enter(organisationId);
        var ring = services.GetRequiredService<KeyRing>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<AccountOptions>>().Value.AbsoluteLifetime;
        if (now - DateTimeOffset.FromUnixTimeSeconds(issuedAt) >= lifetime)
        {
            await ring.EndAsync(userId, session.Id);
            await RejectAsync(context);
        }
        else if (!await ring.KeepAliveAsync(userId, session.Id))
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    private static Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var returnUrl = request.PathBase + request.Path + request.QueryString;
        context.Response.Redirect(LoginPath(request) + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return Task.CompletedTask;
    }

    /// <summary>A key session that ended mid-request (expired, logged out elsewhere): sign out and start again.</summary>
    private sealed class SessionEndedHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not KeySessionUnavailableException)
            {
                return false;
            }

            await context.SignOutAsync(Scheme);
            await context.SignOutAsync(PendingScheme);
            context.Response.Redirect(LoginPath(context.Request));
            return true;
        }
    }
}
