using System.Net;
using Xunit;

namespace Varsling.Testing;

/// <summary>
/// What both web hosts promise before any feature arrives: a health endpoint that checks the database, strict
/// security headers on every answer, generic error pages, and pages in Norwegian Bokmål and English. Each host's
/// test project runs these against its own host.
/// </summary>
public abstract class SafeByDefaultTests<TProgram>(WebHostFixture<TProgram> host) where TProgram : class
{
    protected WebHostFixture<TProgram> Host { get; } = host;

    public static TheoryData<string> Paths => new() { "/nb/", "/en/", "/healthz", "/nb/no-such-page", "/error/500", "/css/site.css" };

    [Fact]
    public async Task Healthz_WithDatabase_AnswersHealthy()
    {
        using var client = Host.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = Host.CreateClient();

        var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("no-store", Header(response, "Cache-Control"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "The Server header discloses the software.");
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    [Theory]
    [InlineData("nb", "<html lang=\"nb\">")]
    [InlineData("en", "<html lang=\"en\">")]
    public async Task HomePage_InEachLanguage_IsServedInThatLanguage(string language, string htmlTag)
    {
        using var client = Host.CreateClient();

        var response = await client.GetAsync($"/{language}/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(htmlTag, html, StringComparison.Ordinal);
        var other = language == "nb" ? "en" : "nb";
        Assert.Contains($"href=\"/{other}/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_RedirectsToNorwegian()
    {
        using var client = Host.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/nb/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/nb/no-such-page", 404)]
    [InlineData("/de/", 404)]
    [InlineData("/error/500", 500)]
    public async Task ErrorPages_AreGenericWithACorrelationId(string path, int status)
    {
        using var client = Host.CreateClient();

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("Referanse / reference", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_NoneSetOnPlainPages()
    {
        using var client = Host.CreateClient();

        var response = await client.GetAsync("/en/");

        Assert.False(response.Headers.Contains("Set-Cookie"), "A page without a form must set no cookie.");
    }

    protected static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"Missing header {name}.");
}
