extern alias backoffice;
extern alias intake;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Varsling.Testing;
using Varsling.WebCommon;
using BackofficeProgram = backoffice::Program;
using IntakeProgram = intake::Program;

namespace Varsling.WebCommon.Tests;

/// <summary>
/// The hosts are stateless: every instance of a host reads the key ring from PostgreSQL, so a payload protected by
/// one instance is readable by another, while the intake and back-office hosts keep key rings of their own.
/// </summary>
public sealed class DataProtectionKeyRing : IAsyncLifetime
{
    private const string Purpose = "Varsling.WebCommon.Tests.KeyRing";
    private readonly List<IAsyncDisposable> _hosts = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    private IDataProtector Instance<TProgram>() where TProgram : class =>
        Services<TProgram>().GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private IServiceProvider Services<TProgram>() where TProgram : class
    {
        var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Varsling", _connectionString);
        });
        _hosts.Add(factory);
        return factory.Services;
    }

    [Fact]
    public async Task TwoIntakeInstances_ReadEachOthersPayloads_FromOneKeyInTheDatabase()
    {
        var first = Instance<IntakeProgram>();
        var second = Instance<IntakeProgram>();

        var fromFirst = first.Protect("receipt page state");
        Assert.Equal("receipt page state", second.Unprotect(fromFirst));
        Assert.Equal("mailbox state", first.Unprotect(second.Protect("mailbox state")));
        await using var db = TestDb.Create(_connectionString);
        Assert.Equal([WebHosting.ApplicationName("vi")], await db.DataProtectionKeys.Select(k => k.ApplicationName).ToListAsync());
    }

    [Fact]
    public async Task AnAntiforgeryTokenIssuedByOneBackofficeInstance_IsAcceptedByAnother()
    {
        var issuer = Services<BackofficeProgram>();
        var validator = Services<BackofficeProgram>();
        var issuing = new DefaultHttpContext { RequestServices = issuer };
        var tokens = issuer.GetRequiredService<IAntiforgery>().GetAndStoreTokens(issuing);
        var cookieName = validator.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;

        var posting = new DefaultHttpContext { RequestServices = validator };
        posting.Request.Method = "POST";
        posting.Request.Headers.Cookie = $"{cookieName}={tokens.CookieToken}";
        posting.Request.Headers[tokens.HeaderName!] = tokens.RequestToken;
        var forged = new DefaultHttpContext { RequestServices = validator };
        forged.Request.Method = "POST";
        forged.Request.Headers.Cookie = $"{cookieName}={tokens.CookieToken}";
        forged.Request.Headers[tokens.HeaderName!] = tokens.RequestToken![..^4] + "AAAA";

        Assert.Equal("vb.af", cookieName);
        Assert.True(await validator.GetRequiredService<IAntiforgery>().IsRequestValidAsync(posting));
        Assert.False(await validator.GetRequiredService<IAntiforgery>().IsRequestValidAsync(forged));
    }

    [Fact]
    public void TwoBackofficeInstances_ReadEachOthersPayloads()
    {
        var first = Instance<BackofficeProgram>();
        var protectedByFirst = first.Protect("session");

        var second = Instance<BackofficeProgram>();

        Assert.Equal("session", second.Unprotect(protectedByFirst));
        Assert.Equal("antiforgery", first.Unprotect(second.Protect("antiforgery")));
    }

    [Fact]
    public async Task IntakeAndBackoffice_KeepSeparateKeyRings()
    {
        var intakeHost = Instance<IntakeProgram>();
        var backofficeHost = Instance<BackofficeProgram>();

        var fromIntake = intakeHost.Protect("intake only");
        var fromBackoffice = backofficeHost.Protect("back office only");

        Assert.ThrowsAny<CryptographicException>(() => backofficeHost.Unprotect(fromIntake));
        Assert.ThrowsAny<CryptographicException>(() => intakeHost.Unprotect(fromBackoffice));
        await using var db = TestDb.Create(_connectionString);
        var rings = await db.DataProtectionKeys.GroupBy(k => k.ApplicationName).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(
            [WebHosting.ApplicationName("vb"), WebHosting.ApplicationName("vi")],
            rings.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(rings, r => Assert.Equal(1, r.Count));
        Assert.All(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(), xml => Assert.StartsWith("<key ", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARestartedInstance_StillReadsWhatItProtectedBefore()
    {
        var before = Instance<IntakeProgram>();
        var payload = before.Protect("survives a restart");
        await _hosts[0].DisposeAsync();
        _hosts.RemoveAt(0);

        var after = Instance<IntakeProgram>();

        Assert.Equal("survives a restart", after.Unprotect(payload));
    }
}
