using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Intake.Tests;

/// <summary>Bad input gets a clear answer, never a 500, and writes nothing: no case, no orphaned upload.</summary>
public sealed class BadInputWritesNothing(IntakeHost host) : IClassFixture<IntakeHost>, IAsyncLifetime
{
    private TestHandler _handler = null!;

    public async Task InitializeAsync() => _handler = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, "varsling");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = _handler.Context(host.ConnectionString);
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.Uploads.CountAsync());
        Assert.Equal(0, await db.UploadChunks.CountAsync());
        Assert.Equal(0, await db.AttachmentChunks.CountAsync());
    }

    [Fact]
    public async Task EmptyReport_AnswersWithAFormError()
    {
        using var client = host.CreateClient();
        var token = await IntakeForms.TokenFromAsync(client, "/en/nordlys/varsling/report");

        var response = await client.PostAsync("/en/nordlys/varsling/report", new FormUrlEncodedContent([new("__af", token), new("Input.What", "")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Describe what happened.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Submit_WithoutAntiforgeryToken_IsRefusedBeforeAnyFileIsRead()
    {
        using var client = host.CreateClient();
        var content = new MultipartFormDataContent
        {
            { new StringContent("No token"), "What" },
            { new ByteArrayContent(new byte[200_000]), "files", "a.bin" },
        };

        var response = await client.PostAsync("/en/nordlys/varsling/submit", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Submit_WithOversizedText_IsRefusedAndDiscardsStagedFiles()
    {
        using var client = host.CreateClient();
        var response = await IntakeForms.FileReportAsync(client, "short", [("first.txt", Encoding.UTF8.GetBytes(new string('a', 100_000)))],
            submittedName: new string('n', 100_001));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100,000 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Submit_ToAChannelWithoutHandlers_SaysSoAndWritesNothing()
    {
        using var client = host.CreateClient();
        var page = await client.GetStringAsync("/en/nordlys/visselblasning/report");

        Assert.Contains("no case handlers yet", page, StringComparison.Ordinal);
        Assert.DoesNotContain("report-form", page, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task UnknownOrganisationOrChannel_Answers404()
    {
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/nobody/varsling/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/en/nordlys/nothing/report")).StatusCode);
    }

    [Fact]
    public async Task UploadCutOffHalfway_LeavesNoCaseAndNoOrphanedFile()
    {
        using var client = host.CreateClient();
        var token = await IntakeForms.TokenFromAsync(client, "/en/nordlys/varsling/report");
        // A multipart body whose file part never reaches its closing boundary, as when a connection drops.
        var boundary = "cutoff-boundary";
        var body = new StringBuilder()
            .Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"__af\"\r\n\r\n{token}\r\n")
            .Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"What\"\r\n\r\nCut off\r\n")
            .Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .Append(new string('z', 200_000))
            .ToString();
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");

        var response = await client.PostAsync("/en/nordlys/varsling/submit", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task WrongReceiptCode_IsRefusedGenerically()
    {
        using var client = host.CreateClient();

        var wrong = await IntakeForms.LoginAsync(client, Crypto.ReceiptCode.Format(Crypto.ReceiptCode.Generate()));
        var malformed = await IntakeForms.LoginAsync(client, "UUUU");

        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("The code was not recognised.", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("The code was not recognised.", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(wrong.Headers.Contains("Set-Cookie") && string.Join(";", wrong.Headers.GetValues("Set-Cookie")).Contains("vi.mb", StringComparison.Ordinal));
    }
}

/// <summary>An intake host whose global limits are tiny, to see them answer 429.</summary>
public sealed class StrictlyLimitedIntakeHost : WebHostFixture<Program>
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("IntakeWeb:LoginsPerMinute", "2");
        builder.UseSetting("IntakeWeb:SubmissionsPerMinute", "1");
    }
}

/// <summary>The global (not per-address) limits on logins and submissions.</summary>
public sealed class RateLimits(StrictlyLimitedIntakeHost host) : IClassFixture<StrictlyLimitedIntakeHost>
{
    [Fact]
    public async Task Logins_BeyondTheGlobalLimit_Answer429_ForEveryClient()
    {
        using var first = host.CreateClient();
        using var second = host.CreateClient();
        await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, "varsling");

        var a = await IntakeForms.LoginAsync(first, "0000-0000-0000-0000-0000");
        var b = await IntakeForms.LoginAsync(second, "0000-0000-0000-0000-0001");
        var c = await IntakeForms.LoginAsync(first, "0000-0000-0000-0000-0002");

        Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, b.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, c.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/en/nordlys/mailbox")).StatusCode);
    }
}
