using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Intake.Tests;

/// <summary>
/// The whole no-JavaScript journey over plain HTTP: file a report with a file, get the code, log in, read the
/// handler's reply, answer, log out — and the code and the plaintext never reach a cookie, a URL, a log or the database.
/// </summary>
public sealed class JourneyWithoutJavaScript(IntakeHost host) : IClassFixture<IntakeHost>, IAsyncLifetime
{
    private TestHandler _handler = null!;

    public async Task InitializeAsync() => _handler = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, "varsling");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reporter_FilesReadsAnswersAndLogsOut_LeavingNoSecretBehind()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("CanaryBrowser/1.0 (canary-ua-5150)");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.150");
        var secretText = "The warehouse manager sells fuel privately canary-text-5150";
        var fileText = "canary-file-5150 " + new string('x', 70_000);

        var filed = await IntakeForms.FileReportAsync(client, secretText, [("evidence.txt", Encoding.UTF8.GetBytes(fileText))], name: "canary-name-5150");
        var receiptHtml = await filed.Content.ReadAsStringAsync();
        Assert.True(filed.StatusCode == HttpStatusCode.OK, receiptHtml[..Math.Min(3000, receiptHtml.Length)]);
        var code = IntakeForms.ReceiptCode(receiptHtml);
        Assert.NotNull(code);
        Assert.False(filed.Headers.Contains("Set-Cookie") && string.Join(";", filed.Headers.GetValues("Set-Cookie")).Contains(code, StringComparison.Ordinal));
        Assert.Null(filed.Headers.Location);

        var login = await IntakeForms.LoginAsync(client, code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/en/nordlys/mailbox/case", login.Headers.Location?.OriginalString);
        var setCookie = string.Join(";", login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("vi.mb=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(code.Replace("-", ""), setCookie.Replace("-", ""), StringComparison.OrdinalIgnoreCase);

        await IntakeForms.HandlerRepliesAsync(host.ConnectionString, _handler, "canary-text-5150", "Thanks. Since when has this gone on?");
        var mailbox = await client.GetStringAsync("/en/nordlys/mailbox/case");
        Assert.Contains("Thanks. Since when has this gone on?", mailbox, StringComparison.Ordinal);
        Assert.Contains(secretText, mailbox, StringComparison.Ordinal);
        Assert.Contains("Acknowledged", mailbox, StringComparison.Ordinal);
        Assert.Contains("evidence.txt", mailbox, StringComparison.Ordinal);

        var reply = await IntakeForms.ReplyAsync(client, "Since March. canary-reply-5150", ("more.txt", "canary-more-5150"u8.ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Contains("Since March. canary-reply-5150", await client.GetStringAsync("/en/nordlys/mailbox/case"), StringComparison.Ordinal);

        var logoutToken = IntakeForms.Token(await client.GetStringAsync("/en/nordlys/mailbox/case"));
        var logout = await client.PostAsync("/en/nordlys/mailbox/logout", new FormUrlEncodedContent([new("__af", logoutToken)]));
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains("\"cookies\"", string.Join(",", logout.Headers.GetValues("Clear-Site-Data")), StringComparison.Ordinal);
        var after = await client.GetAsync("/en/nordlys/mailbox/case");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);

        var logs = host.Logs.AllText;
        var dump = PostgresServer.Shared.RunClient("pg_dump", "--data-only", "--inserts", new NpgsqlConnectionStringBuilder(host.ConnectionString).Database!);
        foreach (var canary in new[] { "canary-text-5150", "canary-file-5150", "canary-name-5150", "canary-reply-5150", "canary-more-5150", "canary-ua-5150", "198.51.100.150", code, code.Replace("-", "") })
        {
            Assert.DoesNotContain(canary, logs, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(canary, dump, StringComparison.OrdinalIgnoreCase);
        }

        await using var db = _handler.Context(host.ConnectionString);
        Assert.Equal(2, await db.Attachments.CountAsync());
        Assert.Empty(await db.Uploads.ToListAsync());
        Assert.Empty(await db.ReporterSessions.ToListAsync());
    }
}
