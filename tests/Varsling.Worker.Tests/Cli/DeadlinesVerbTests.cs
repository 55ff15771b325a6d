using System.Text.Json;

namespace Varsling.Worker.Tests.Cli;

/// <summary>The <c>deadlines</c> verb prints the clock as JSON and refuses bad input with exit code 2.</summary>
public sealed class DeadlinesVerbTests
{
    private static async Task<JsonElement> DeadlinesAsync(params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(null, ["deadlines", .. args]);
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public async Task Deadlines_TheIssueExample_PrintsLocalDates()
    {
        var json = await DeadlinesAsync("--jurisdiction", "NO", "--received", "2025-03-10T09:00:00Z");

        Assert.Equal("NO", json.GetProperty("jurisdiction").GetString());
        Assert.Equal("Europe/Oslo", json.GetProperty("timeZone").GetString());
        Assert.Equal("2025-03-10", json.GetProperty("received").GetString());
        Assert.Equal("2025-03-17", json.GetProperty("acknowledgementDue").GetString());
        Assert.Equal("2025-03-15", json.GetProperty("acknowledgementTarget").GetString());
        // Not acknowledged: 3 months from day 7 (17 Mar) → 17 Jun 2025, a Tuesday.
        Assert.Equal("2025-06-17", json.GetProperty("feedbackDue").GetString());
        Assert.False(json.TryGetProperty("purgeDue", out _));
    }

    [Fact]
    public async Task Deadlines_AcknowledgedAndClosed_FollowsTheComplianceExample()
    {
        var json = await DeadlinesAsync("--jurisdiction", "no", "--received", "2025-03-10T09:00:00Z",
            "--acknowledged", "2025-03-14T10:00:00Z", "--closed", "2025-07-01T08:00:00+02:00");

        Assert.Equal("2025-06-16", json.GetProperty("feedbackDue").GetString());
        Assert.Equal("2025-05-31", json.GetProperty("feedbackTarget").GetString());
        Assert.Equal("2027-07-01", json.GetProperty("purgeDue").GetString());
    }

    [Fact]
    public async Task Deadlines_ReceivedJustBeforeMidnightUtc_CountsFromTheLocalDate()
    {
        var json = await DeadlinesAsync("--jurisdiction", "NO", "--received", "2025-01-30T23:30:00Z");

        Assert.Equal("2025-01-31", json.GetProperty("received").GetString());
        Assert.Equal("2025-05-07", json.GetProperty("feedbackDue").GetString());
    }

    [Fact]
    public async Task Deadlines_ExternalWithExtension_GivesSixMonths()
    {
        var json = await DeadlinesAsync("--jurisdiction", "SE", "--received", "2025-03-10T09:00:00Z",
            "--acknowledged", "2025-03-14T10:00:00Z", "--external", "--extension-reason", "Witnesses abroad");

        Assert.True(json.GetProperty("feedbackExtended").GetBoolean());
        Assert.Equal("2025-09-15", json.GetProperty("feedbackDue").GetString());
    }

    [Theory]
    [InlineData("Unknown jurisdiction 'XX'", "--jurisdiction", "XX", "--received", "2025-03-10T09:00:00Z")]
    [InlineData("--received must be an ISO 8601 instant", "--jurisdiction", "NO", "--received", "yesterday")]
    [InlineData("--received must be an ISO 8601 instant", "--jurisdiction", "NO", "--received", "2025-03-10T09:00:00")]
    [InlineData("--received must be an ISO 8601 instant", "--jurisdiction", "NO", "--received", "2025-02-30T09:00:00Z")]
    [InlineData("cannot precede receipt", "--jurisdiction", "NO", "--received", "2025-03-10T09:00:00Z", "--acknowledged", "2025-03-09T09:00:00Z")]
    [InlineData("cannot precede receipt", "--jurisdiction", "NO", "--received", "2025-03-10T09:00:00Z", "--closed", "2025-03-01T09:00:00Z")]
    [InlineData("--jurisdiction is required", "--received", "2025-03-10T09:00:00Z")]
    [InlineData("--received is required", "--jurisdiction", "NO")]
    [InlineData("--received needs a value", "--jurisdiction", "NO", "--received")]
    [InlineData("Unknown option '--acknowleged'", "--jurisdiction", "NO", "--received", "2025-03-10T09:00:00Z", "--acknowleged", "2025-03-11T09:00:00Z")]
    [InlineData("more than once", "--jurisdiction", "NO", "--jurisdiction", "SE", "--received", "2025-03-10T09:00:00Z")]
    [InlineData("only with --external", "--jurisdiction", "NO", "--received", "2025-03-10T09:00:00Z", "--extension-reason", "x")]
    [InlineData("--retention-months", "--jurisdiction", "NO", "--received", "2025-03-10T09:00:00Z", "--retention-months", "0")]
    public async Task Deadlines_BadArguments_ExplainOnStderrAndExitWith2(string expected, params string[] args)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(null, ["deadlines", .. args]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_PrintsUsageAndExitsWith2()
    {
        var (code, _, stderr) = await CliRunner.RunAsync(null, "frobnicate");

        Assert.Equal(2, code);
        Assert.Contains("Unknown verb 'frobnicate'", stderr, StringComparison.Ordinal);
        Assert.Contains("migrate", stderr, StringComparison.Ordinal);
    }
}
