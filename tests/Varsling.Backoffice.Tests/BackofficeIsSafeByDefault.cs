using Varsling.Testing;

namespace Varsling.Backoffice.Tests;

public sealed class BackofficeHost : WebHostFixture<Program>;

public sealed class BackofficeIsSafeByDefault(BackofficeHost host)
    : SafeByDefaultTests<Program>(host), IClassFixture<BackofficeHost>
{
    [Fact]
    public async Task Pages_AskSearchEnginesNotToIndex()
    {
        using var client = Host.CreateClient();

        var html = await client.GetStringAsync("/nb/");

        Assert.Contains("noindex", html, StringComparison.Ordinal);
    }
}
