using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Testing;

namespace Varsling.Intake.Tests;

/// <summary>Intent methods for driving the intake's plain HTML forms over HTTP, as a browser without JavaScript would.</summary>
internal static partial class IntakeForms
{
    public static async Task<string> TokenFromAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return Token(html);
    }

    public static string Token(string html) => AntiforgeryField().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new Xunit.Sdk.XunitException("No antiforgery token on the page.");

    public static string? ReceiptCode(string html) => ReceiptCodeElement().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Writes and reviews a report, then submits it with the given files; returns the final response.</summary>
    public static async Task<HttpResponseMessage> FileReportAsync(HttpClient client, string what, IReadOnlyList<(string Name, byte[] Content)> files,
        string channel = "varsling", string? name = null, string? submittedName = null) =>
        (await FileReportPostingAsync(client, what, files, channel, name, submittedName, times: 1))[0];

    /// <summary>
    /// Like <see cref="FileReportAsync"/>, but posts the reviewed submit form <paramref name="times"/> times, as a
    /// browser does when the receipt page is reloaded; returns every response.
    /// </summary>
    public static async Task<IReadOnlyList<HttpResponseMessage>> FileReportPostingAsync(HttpClient client, string what,
        IReadOnlyList<(string Name, byte[] Content)> files, string channel, string? name, string? submittedName, int times)
    {
        var report = $"/en/nordlys/{channel}/report";
        var token = await TokenFromAsync(client, report);
        var review = await client.PostAsync(report, new FormUrlEncodedContent(
        [
            new("__af", token), new("Input.What", what), new("Input.When", "Last Tuesday"), new("Input.Name", name ?? ""),
        ]));
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var reviewHtml = await review.Content.ReadAsStringAsync();
        Assert.Contains("submit-form", reviewHtml, StringComparison.Ordinal);
        var submissionId = SubmissionIdField().Match(reviewHtml).Groups[1].Value;
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < times; i++)
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(Token(reviewHtml)), "__af" },
                { new StringContent(submissionId), "SubmissionId" },
                { new StringContent(what), "What" },
                { new StringContent("Last Tuesday"), "When" },
                { new StringContent(submittedName ?? name ?? ""), "Name" },
            };
            foreach (var (fileName, bytes) in files)
            {
                content.Add(new ByteArrayContent(bytes), "files", fileName);
            }

            responses.Add(await client.PostAsync($"/en/nordlys/{channel}/submit", content));
        }

        return responses;
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string code)
    {
        var token = await TokenFromAsync(client, "/en/nordlys/mailbox");
        return await client.PostAsync("/en/nordlys/mailbox", new FormUrlEncodedContent([new("__af", token), new("Input.Code", code)]));
    }

    public static async Task<HttpResponseMessage> ReplyAsync(HttpClient client, string text, params (string Name, byte[] Content)[] files)
    {
        var token = await TokenFromAsync(client, "/en/nordlys/mailbox/case");
        var content = new MultipartFormDataContent { { new StringContent(token), "__af" }, { new StringContent(text), "Text" } };
        foreach (var (fileName, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "files", fileName);
        }

        return await client.PostAsync("/en/nordlys/mailbox/post", content);
    }

    /// <summary>
    /// The handler finds the case whose report mentions <paramref name="marker"/> by reading the cases with its own key,
    /// and answers it through the Core service, as the back office will.
    /// </summary>
    public static async Task<Guid> HandlerRepliesAsync(string connectionString, TestHandler handler, string marker, string text)
    {
        await using var db = handler.Context(connectionString);
        var messages = new HandlerMessages(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<HandlerMessages>.Instance);
        var caseIds = await db.CaseKeyGrants.Where(k => k.UserId == handler.UserId).Select(k => k.CaseId).Distinct().ToListAsync();
        foreach (var caseId in caseIds)
        {
            var entries = await messages.ReadAsync(caseId, handler.UserId, handler.Key);
            if (entries.Any(e => e.Answers?.What.Contains(marker, StringComparison.Ordinal) == true))
            {
                await messages.PostAsync(caseId, handler.UserId, handler.Key, text);
                return caseId;
            }
        }

        throw new Xunit.Sdk.XunitException("The handler found no case mentioning the marker.");
    }

    private static Regex AntiforgeryField() => AntiforgeryFieldAny();

    [GeneratedRegex("name=\"__af\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryFieldAny();

    [GeneratedRegex("<p class=\"receipt-code\" id=\"receipt-code\">([0-9A-Z-]+)</p>")]
    private static partial Regex ReceiptCodeElement();

    [GeneratedRegex("name=\"SubmissionId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex SubmissionIdField();
}
