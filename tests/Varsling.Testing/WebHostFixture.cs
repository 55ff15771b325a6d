using Microsoft.Extensions.Time.Testing;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using Varsling.WebCommon;

namespace Varsling.Testing;

/// <summary>
/// One web host (intake or back office) per test class, served by real Kestrel on a loopback port, against its
/// own migrated database, with every log entry captured.
/// </summary>
public class WebHostFixture<TProgram> : IAsyncLifetime where TProgram : class
{
    private WebApplicationFactory<TProgram>? _factory;

    /// <summary>The data-protection key-encryption key every test host of this process is configured with.</summary>
    public static readonly string KeyEncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string ConnectionString { get; private set; } = "";
    public CapturedLogs Logs { get; } = new();
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The base address of the running host, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        ConnectionString = await DatabaseAsync();
        _factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Varsling", ConnectionString);
            builder.UseSetting(KeyRingEncryption.ConfigurationKey, KeyEncryptionKey);
            foreach (var (key, value) in TestDerivations.Settings)
            {
                builder.UseSetting(key, value);
            }

            // Everything at Trace, so log tests see all the host could ever write (filters a host sets in code stay).
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace");
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                logging.AddProvider(Logs);
            });
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
            Configure(builder);
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());
        Assert.NotEqual(0, BaseAddress.Port);
        await Task.CompletedTask;
    }

    /// <summary>The database the host runs against: a fresh migrated one, unless a derived fixture shares one between hosts.</summary>
    protected virtual Task<string> DatabaseAsync() => PostgresServer.Shared.CreateMigratedDatabaseAsync();

    /// <summary>Extra host settings for a derived fixture.</summary>
    protected virtual void Configure(IWebHostBuilder builder) { }

    /// <summary>A client on the real socket that does not follow redirects, so tests see what the host answered.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = BaseAddress,
    };

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
