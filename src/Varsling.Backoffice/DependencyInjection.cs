using Varsling.WebCommon;

namespace Varsling.Backoffice;

public static class DependencyInjection
{
    /// <summary>Everything the authenticated back office needs.</summary>
    public static WebApplicationBuilder AddBackofficeWeb(this WebApplicationBuilder builder)
    {
        builder.AddVarslingWeb(cookiePrefix: "vb").AddRazorPagesOptions(options =>
        {
            // Every page needs a two-factor sign-in, except the landing page and the pages that lead to sign-in.
            options.Conventions.AuthorizeFolder("/", BackofficeAuth.SignedInPolicy);
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Account/LoginCode");
            options.Conventions.AllowAnonymousToPage("/Account/Enrol");
            options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
        });
        builder.AddBackofficeAuth();
        builder.Services.AddSingleton<BackofficeTexts>();
        return builder;
    }

    /// <summary>The shared pipeline with authentication and authorization in their place.</summary>
    public static WebApplication UseBackofficeWeb(this WebApplication app) => app.UseVarslingWeb(afterRouting: a =>
    {
        a.UseAuthentication();
        a.UseAuthorization();
    });
}
