using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Varsling.Intake.Mailbox;
using Varsling.Intake.Reporting;
using Varsling.WebCommon;

namespace Varsling.Intake;

public static class DependencyInjection
{
    public const string SubmitPolicy = "submit";
    public const string LoginPolicy = "login";
    public const string UploadPolicy = "upload";

    /// <summary>Everything the anonymous intake site needs; it never registers anything that can read a case.</summary>
    public static WebApplicationBuilder AddIntakeWeb(this WebApplicationBuilder builder)
    {
        // The intake host must not log client addresses; Kestrel's connection-level logs can carry them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        builder.AddVarslingWeb(cookiePrefix: "vi");
        builder.Services.AddSingleton<IntakeTexts>();
        // Enums travel by name to the browser; numbers are still accepted from it.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddSingleton<MailboxCookie>();
        builder.Services.AddScoped<PlainFormReader>();
        builder.Services.AddOptions<IntakeWebOptions>().BindConfiguration(IntakeWebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = builder.Configuration.GetSection(IntakeWebOptions.Section).Get<IntakeWebOptions>() ?? new IntakeWebOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // One partition per policy for the whole site: limits never key on who the caller is.
            options.AddPolicy(SubmitPolicy, context => PostsOnly(context, SubmitPolicy, limits.SubmissionsPerMinute));
            options.AddPolicy(LoginPolicy, context => PostsOnly(context, LoginPolicy, limits.LoginsPerMinute));
            options.AddPolicy(UploadPolicy, context => PostsOnly(context, UploadPolicy, limits.UploadsPerMinute));
        });
        return builder;
    }

    /// <summary>The intake's endpoint-aware middleware, run after routing.</summary>
    public static void UseIntakeEndpoints(WebApplication app) => app.UseRateLimiter();

    private static RateLimitPartition<string> PostsOnly(HttpContext context, string name, int perMinute) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
}
