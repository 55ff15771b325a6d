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
    public async Task SubmitFormPostedTwice_FilesOneCase_AndExplainsTheSecondTime()
    {
        using var client = host.CreateClient();

        var responses = await IntakeForms.FileReportPostingAsync(client, "Reloaded receipt page", [("note.txt", Encoding.UTF8.GetBytes("one file"))],
            "varsling", name: null, submittedName: null, times: 2);

        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
        Assert.NotNull(IntakeForms.ReceiptCode(await responses[0].Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, responses[1].StatusCode);
        var second = await responses[1].Content.ReadAsStringAsync();
        Assert.Contains("has already been submitted", second, StringComparison.Ordinal);
        Assert.Null(IntakeForms.ReceiptCode(second));
        await using var db = _handler.Context(host.ConnectionString);
        Assert.Equal(1, await db.Cases.CountAsync());
        Assert.Equal(1, await db.Attachments.CountAsync());
        Assert.Equal(0, await db.Uploads.CountAsync());
        await db.Cases.ExecuteDeleteAsync();
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
        builder.UseSetting("IntakeWeb:UploadsPerMinute", "1");
    }
}

/// <summary>The global (not per-address) limits on logins, submissions and upload starts.</summary>
public sealed class RateLimits(StrictlyLimitedIntakeHost host) : IClassFixture<StrictlyLimitedIntakeHost>
{
    [Fact]
    public async Task UploadStarts_BeyondTheGlobalLimit_Answer429_AndStageNothing()
    {
        var handler = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, "varsling");
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Varsling-AF", await IntakeForms.TokenFromAsync(client, "/en/nordlys/varsling/report"));
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var a = await client.PostAsync($"/api/nordlys/uploads/{first}", new ByteArrayContent(Crypto.ChunkedFile.CreateHeader(first)));
        var b = await client.PostAsync($"/api/nordlys/uploads/{second}", new ByteArrayContent(Crypto.ChunkedFile.CreateHeader(second)));

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, b.StatusCode);
        await using var db = handler.Context(host.ConnectionString);
        Assert.True(await db.Uploads.AnyAsync(u => u.Id == first));
        Assert.False(await db.Uploads.AnyAsync(u => u.Id == second));
    }

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

/// <summary>The JavaScript path's endpoints refuse malformed envelopes and wrong sizes with a 400 and write nothing.</summary>
public sealed class SealedEndpointsRefuseBadInput(IntakeHost host) : IClassFixture<IntakeHost>, IAsyncLifetime
{
    private TestHandler _handler = null!;

    public async Task InitializeAsync() => _handler = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, "varsling");

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> ClientWithTokenAsync()
    {
        var client = host.CreateClient();
        var token = await IntakeForms.TokenFromAsync(client, "/en/nordlys/varsling/report");
        client.DefaultRequestHeaders.Add("X-Varsling-AF", token);
        return client;
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryHeader_IsRefused()
    {
        using var client = host.CreateClient();
        var fileId = Guid.NewGuid();

        var response = await client.PostAsync($"/api/nordlys/uploads/{fileId}", new ByteArrayContent(Crypto.ChunkedFile.CreateHeader(fileId)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = _handler.Context(host.ConnectionString);
        Assert.False(await db.Uploads.AnyAsync(u => u.Id == fileId));
    }

    [Fact]
    public async Task Chunks_OfTheWrongSizeOrOrder_AreRefused_AndAResentChunkIsAcknowledged()
    {
        using var client = await ClientWithTokenAsync();
        var fileId = Guid.NewGuid();
        var header = Crypto.ChunkedFile.CreateHeader(fileId, 16);
        var key = Crypto.ChunkedFile.GenerateKey();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/nordlys/uploads/{fileId}", new ByteArrayContent(Crypto.ChunkedFile.CreateHeader(Guid.NewGuid(), 16)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/nordlys/uploads/{fileId}", new ByteArrayContent(header))).StatusCode);
        var chunk0 = Crypto.ChunkedFile.SealChunk(key, header, 0, new byte[16], isFinal: false);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"/api/nordlys/uploads/{fileId}/chunks/0?final=false", new ByteArrayContent(new byte[20]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync($"/api/nordlys/uploads/{fileId}/chunks/1?final=false", new ByteArrayContent(chunk0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync($"/api/nordlys/uploads/{fileId}/chunks/0?final=false", new ByteArrayContent(chunk0))).StatusCode);
        var again = await client.PutAsync($"/api/nordlys/uploads/{fileId}/chunks/0?final=false", new ByteArrayContent(chunk0));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"chunkCount\":1", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/fjellberg/uploads/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task SealedReport_Malformed_IsRefusedAndWritesNothing()
    {
        using var client = await ClientWithTokenAsync();
        var caseId = Guid.NewGuid();

        var garbage = await client.PostAsync("/api/nordlys/varsling/reports", new StringContent("{\"caseId\":", Encoding.UTF8, "application/json"));
        var wrongKeys = await client.PostAsync("/api/nordlys/varsling/reports", new StringContent($$"""
            {"caseId":"{{caseId}}","answersRecordId":"{{Guid.NewGuid()}}","answers":"{{Convert.ToBase64String(new byte[64])}}",
             "keys":[],"lookupToken":"{{Convert.ToBase64String(new byte[32])}}","wrappedPrivateKey":"{{Convert.ToBase64String(new byte[152])}}","files":[]}
            """, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongKeys.StatusCode);
        await using var db = _handler.Context(host.ConnectionString);
        Assert.False(await db.Cases.AnyAsync(c => c.Id == caseId));
    }
}
