using Varsling.WebCommon;

namespace Varsling.Intake;

public static class DependencyInjection
{
    /// <summary>Everything the anonymous intake site needs; it never registers anything that can read a case.</summary>
    public static WebApplicationBuilder AddIntakeWeb(this WebApplicationBuilder builder)
    {
        // The intake host must not log client addresses; Kestrel's connection-level logs can carry them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        builder.AddVarslingWeb(cookiePrefix: "vi");
        builder.Services.AddSingleton<IntakeTexts>();
        return builder;
    }
}
