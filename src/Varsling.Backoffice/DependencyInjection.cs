using Varsling.WebCommon;

namespace Varsling.Backoffice;

public static class DependencyInjection
{
    /// <summary>Everything the authenticated back office needs.</summary>
    public static WebApplicationBuilder AddBackofficeWeb(this WebApplicationBuilder builder)
    {
        builder.AddVarslingWeb(cookiePrefix: "vb");
        builder.Services.AddSingleton<BackofficeTexts>();
        return builder;
    }
}
