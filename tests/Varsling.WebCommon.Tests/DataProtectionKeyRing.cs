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

    private IServiceProvider Services<TProgram>(string? keyEncryptionKey = null) where TProgram : class
    {
        var factory = new WebApplicationFactory<TProgram>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Varsling", _connectionString);
            builder.UseSetting(KeyRingEncryption.ConfigurationKey, keyEncryptionKey ?? WebHostFixture<IntakeProgram>.KeyEncryptionKey);
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
    public async Task StoredKeys_AreSealedUnderTheKeyEncryptionKey_NeverInTheClear()
    {
        var protector = Instance<BackofficeProgram>();
        protector.Protect("cookie");

        await using var db = TestDb.Create(_connectionString);
        var xml = Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.Contains("<varslingKey v=\"1\"", xml, StringComparison.Ordinal);
        // ASP.NET's unencrypted descriptor carries the key material in <masterKey><value>; sealed, neither shows.
        Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInstanceWithAnotherKeyEncryptionKey_CannotReadTheRing()
    {
        var payload = Instance<IntakeProgram>().Protect("needs the right KEK");
        var other = Services<IntakeProgram>(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            .GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(payload));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("c2hvcnQ=")]
    public void AHostWithoutAValidKeyEncryptionKey_RefusesToStart(string? value)
    {
        var factory = new WebApplicationFactory<BackofficeProgram>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Varsling", _connectionString);
            builder.UseSetting(KeyRingEncryption.ConfigurationKey, value ?? "");
        });
        _hosts.Add(factory);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.Services);
        Assert.Contains(KeyRingEncryption.ConfigurationKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASealedKey_TamperedOrOpenedWithAnotherKek_IsRefusedWithTheReason()
    {
        var kek = RandomNumberGenerator.GetBytes(32);
        var plain = System.Xml.Linq.XElement.Parse("<key id=\"1\"><secret>abc</secret></key>");
        var sealedKey = KeyRingEncryption.Seal(kek, plain);

        Assert.Equal(plain.ToString(), KeyRingEncryption.Open(kek, sealedKey).ToString());
        var wrongKek = Assert.Throws<CryptographicException>(() => KeyRingEncryption.Open(RandomNumberGenerator.GetBytes(32), sealedKey));
        Assert.Contains("another key-encryption key", wrongKek.Message, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(sealedKey.Value);
        bytes[^1] ^= 1;
        sealedKey.Value = Convert.ToBase64String(bytes);
        Assert.ThrowsAny<CryptographicException>(() => KeyRingEncryption.Open(kek, sealedKey));
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
