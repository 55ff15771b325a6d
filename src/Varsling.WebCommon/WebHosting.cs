using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Localization.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Varsling.Core;
using Varsling.Core.Data;

namespace Varsling.WebCommon;

/// <summary>Settings shared by both web hosts, bound from the <c>Web</c> section.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The onion service address announced in the <c>Onion-Location</c> header (intake only); empty for none.</summary>
    public string? OnionLocation { get; set; }
}

/// <summary>The safe defaults both hosts start from: headers, errors, languages, health and antiforgery.</summary>
public static class WebHosting
{
    public const string HealthPath = "/healthz";

    /// <summary>The data-protection application name of the host with this cookie prefix; one key ring per name.</summary>
    public static string ApplicationName(string cookiePrefix) => "varsling-" + cookiePrefix;

    /// <summary>
    /// Registers Core, Razor Pages under <c>/{lang}/</c>, the error translation, the database health check and the
    /// data-protection key ring in PostgreSQL. <paramref name="cookiePrefix"/> names the host: it prefixes its cookies
    /// and chooses its key ring, so the intake and back-office hosts never read each other's protected payloads
    /// while all instances of one host share theirs.
    /// </summary>
    public static IMvcBuilder AddVarslingWeb(this WebApplicationBuilder builder, string cookiePrefix)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Large uploads arrive chunk by chunk, so a single request never needs more than this.
            kestrel.Limits.MaxRequestBodySize = 8 * 1024 * 1024;
        });

        builder.Services.AddVarslingCore(builder.Configuration);
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        builder.Services.AddExceptionHandler<ErrorPages>();
        builder.Services.AddHealthChecks().AddDbContextCheck<VarslingDbContext>("database");
        var applicationName = ApplicationName(cookiePrefix);
        builder.Services.AddDataProtection().SetApplicationName(applicationName);
        // Read now, so a host without a key-encryption key fails at start-up rather than at its first cookie.
        var keyEncryptionKey = KeyRingEncryption.ReadKey(builder.Configuration);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options =>
            {
                options.XmlRepository = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>(), applicationName);
                options.XmlEncryptor = new KeyRingXmlEncryptor(keyEncryptionKey);
            }));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookiePrefix + ".af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__af";
            options.HeaderName = "X-Varsling-AF";
        });
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.All.Select(l => new CultureInfo(l)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the URL chooses the language: no cookie, no Accept-Language fingerprinting surface.
            options.RequestCultureProviders = [new RouteDataRequestCultureProvider { RouteDataStringKey = Languages.RouteKey, UIRouteDataStringKey = Languages.RouteKey }];
        });

        return builder.Services.AddRazorPages(options => options.Conventions.Add(new LanguageRouteConvention()));
    }

    /// <summary>
    /// The middleware order both hosts share; the host adds its own pieces before calling it.
    /// <paramref name="afterRouting"/> runs between routing and antiforgery: where endpoint-aware middleware belongs
    /// (authentication and authorization in the back office, rate limiting in the intake), after routing so endpoint
    /// metadata is seen, before antiforgery so tokens bind to the user.
    /// </summary>
    public static WebApplication UseVarslingWeb(this WebApplication app, Action<WebApplication>? afterRouting = null)
    {
        var onion = app.Services.GetRequiredService<IOptions<WebOptions>>().Value.OnionLocation;
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context, onion);
                return Task.CompletedTask;
            });
            return next(context);
        });

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // A failure while rendering the error page must still end in a page, never a stack trace.
            AllowStatusCode404Response = true,
        });
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            return http.Response.HasStarted || http.Response.ContentLength > 0
                ? Task.CompletedTask
                : ErrorPages.WriteAsync(http, http.Response.StatusCode, message: null);
        });

        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization();
        afterRouting?.Invoke(app);
        app.UseAntiforgery();

        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.Map("/error/{status:int}", (HttpContext context, int status) =>
            ErrorPages.WriteAsync(context, status is >= 400 and <= 599 ? status : 500, message: null));
        app.MapGet("/", () => Results.Redirect("/" + Languages.Default + "/"));
        app.MapRazorPages();
        return app;
    }
}
