namespace Varsling.Crypto.Tests;

/// <summary>Runs the browser module's own Node test suite, so `dotnet test` alone covers both implementations.</summary>
public class JsSuiteTests
{
    [Fact]
    public void NodeTestSuite_AllPass()
    {
        var (exitCode, output) = NodeInterop.RunNodeTestSuite();
        Assert.True(exitCode == 0, output);
        Assert.Matches(@"# pass [1-9]\d*", output);
        Assert.Contains("# fail 0", output, StringComparison.Ordinal);
    }
}
