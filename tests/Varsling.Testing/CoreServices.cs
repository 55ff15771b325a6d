using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Varsling.Core;

namespace Varsling.Testing;

/// <summary>Core's services as a host registers them, on a test database, with a fake clock and captured logs.</summary>
public static class CoreServices
{
    public static ServiceProvider Build(string connectionString, TimeProvider clock, CapturedLogs? logs = null,
        IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["ConnectionStrings:" + DependencyInjection.ConnectionStringName] = connectionString };
        foreach (var (k, v) in TestDerivations.Settings)
        {
            all[k] = v;
        }

        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddSingleton(clock);
        services.AddVarslingCore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
