using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Varsling.Core.Data;
using Varsling.Core.Attachments;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;

namespace Varsling.Core;

public static class DependencyInjection
{
    /// <summary>The connection string every host reads: <c>ConnectionStrings:Varsling</c> (env <c>ConnectionStrings__Varsling</c>).</summary>
    public const string ConnectionStringName = "Varsling";

    /// <summary>Registers the DbContext, the per-scope organisation, the clock and the Core services.</summary>
    public static IServiceCollection AddVarslingCore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is not configured (set ConnectionStrings__{ConnectionStringName}).");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<OrganisationScope>();
        services.AddDbContext<VarslingDbContext>(options => VarslingDb.Configure(options, connectionString));
        services.AddScoped<DemoData>();
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeploymentSalt>();
        services.AddSingleton<ReceiptDerivation>();
        services.AddScoped<ReportIntake>();
        services.AddScoped<UploadStore>();
        services.AddScoped<ReporterMailbox>();
        services.AddScoped<HandlerMessages>();
        return services;
    }
}
