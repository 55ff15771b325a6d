using System.Net;
using System.Text;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Cases;

/// <summary>A channel's handler works a case filed through the intake, from the inbox to closure, over HTTP.</summary>
public sealed class WorkingACase(CasesHost host) : IClassFixture<CasesHost>
{
    private static readonly byte[] s_file = Encoding.UTF8.GetBytes("Invoice 4711 was paid twice to the same supplier, see the ledger.");

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    private static string CasePath(BackofficeSession s, Guid caseId) => s.PathOf("cases/" + caseId);

    [Fact]
    public async Task Handler_WorksACaseFromInboxToClosure()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var s = handler.Session;
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Double payments to a supplier",
            new ReporterIdentity("Kari Nordmann", "kari@example.org"), s_file, "ledger.txt");
        Assert.False(filed.Acknowledged);

        // The inbox lists the case with its deadlines.
        var inbox = await s.GetPageAsync(s.PathOf("cases"));
        var row = inbox.QuerySelector($"tr[data-case='{filed.CaseId}']");
        Assert.NotNull(row);
        Assert.Contains("Mottatt", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, row.QuerySelectorAll(".deadline").Length);

        // The case page shows the decrypted report and identity; opening it is audited.
        var page = await s.GetPageAsync(CasePath(s, filed.CaseId));
        Assert.Equal("Double payments to a supplier", page.QuerySelector("#answer-what")!.TextContent);
        Assert.Equal("Kari Nordmann", page.QuerySelector("#identity-name")!.TextContent);
        Assert.Equal(nameof(CaseStatus.Received), page.QuerySelector("#case-status")!.GetAttribute("data-status"));
        var audit = await host.AuditAsync(filed.CaseId);
        Assert.Contains(audit, e => e.Action == AuditAction.CaseViewed && e.ActorId == handler.UserId);
        Assert.Contains(audit, e => e.Action == AuditAction.RecordDecrypted && e.Detail!.Contains("Identity", StringComparison.Ordinal));

        // The attachment downloads as the original bytes, as an uncached attachment.
        var link = page.QuerySelector("#files a")!.GetAttribute("href")!;
        var download = await s.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(s_file, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("ledger.txt", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains(await host.AuditAsync(filed.CaseId), e => e.Action == AuditAction.AttachmentDownloaded);

        // Acknowledge: status, the acknowledgement message and an audit row.
        var ack = await s.SubmitAsync(CasePath(s, filed.CaseId), Fields(), "#acknowledge-form");
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        Assert.Equal(CaseStatus.Acknowledged, (await host.CaseAsync(filed.CaseId)).Status);
        Assert.Contains(await host.AuditAsync(filed.CaseId),
            e => e.Action == AuditAction.CaseTransitioned && e.Detail == "status Received→Acknowledged" && e.ActorId == handler.UserId);

        // A message to the reporter, which the reporter reads in the mailbox.
        var message = await s.SubmitAsync(CasePath(s, filed.CaseId), Fields(("Input.Text", "Thank you. Which supplier?")), "#message-form");
        Assert.Equal(HttpStatusCode.Redirect, message.StatusCode);
        Assert.Contains(await host.AuditAsync(filed.CaseId), e => e.Action == AuditAction.MessageSent);

        // An internal note, which the reporter never gets.
        var note = await s.SubmitAsync(CasePath(s, filed.CaseId), Fields(("Input.Text", "Check the supplier register.")), "#note-form");
        Assert.Equal(HttpStatusCode.Redirect, note.StatusCode);

        // Feedback needs its text, and sends it.
        var feedback = await s.SubmitAsync(CasePath(s, filed.CaseId), Fields(("Input.Text", "We have stopped the payments and are investigating.")), "#feedback-form");
        Assert.Equal(HttpStatusCode.Redirect, feedback.StatusCode);
        Assert.Equal(CaseStatus.FeedbackGiven, (await host.CaseAsync(filed.CaseId)).Status);

        var mailbox = await host.ReporterMailboxAsync(CasesHost.Nordlys, filed.ReceiptCode!);
        Assert.Equal(CaseStatus.FeedbackGiven, mailbox.Summary.Status);
        Assert.Contains(mailbox.Entries, e => e.TemplateId == SystemTemplates.Acknowledgement);
        Assert.Contains(mailbox.Entries, e => e.Author == EntryAuthor.Handler && e.Message!.Text == "Thank you. Which supplier?");
        Assert.Contains(mailbox.Entries, e => e.Message?.Text == "We have stopped the payments and are investigating.");
        Assert.DoesNotContain(mailbox.Entries, e => e.Kind is Varsling.Crypto.RecordKind.Note or Varsling.Crypto.RecordKind.Summary);

        // Close with an outcome and a closing summary.
        var close = await s.SubmitAsync(CasePath(s, filed.CaseId),
            Fields(("Input.Outcome", nameof(CaseOutcome.Substantiated)), ("Input.Text", "Payments recovered; controls changed.")), "#close-form");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var closed = await host.CaseAsync(filed.CaseId);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(CaseOutcome.Substantiated, closed.Outcome);
        Assert.Contains(await host.AuditAsync(filed.CaseId), e => e.Detail == "status FeedbackGiven→Closed");

        var after = await s.GetPageAsync(CasePath(s, filed.CaseId));
        Assert.Equal("Payments recovered; controls changed.", after.QuerySelector("#closing-summary")!.TextContent);
        Assert.Equal("Check the supplier register.", after.QuerySelector("#notes .written")!.TextContent);
        Assert.NotNull(after.QuerySelector("#reopen-form"));
        Assert.Null(after.QuerySelector("#close-form"));
        var seen = (await host.ReporterMailboxAsync(CasesHost.Nordlys, filed.ReceiptCode!)).Entries;
        Assert.DoesNotContain(seen, e => e.Kind is Varsling.Crypto.RecordKind.Note or Varsling.Crypto.RecordKind.Summary);
        // Numbered without gaps, so the reporter cannot count the notes and summaries left out.
        Assert.Equal(Enumerable.Range(1, seen.Count), seen.Select(e => e.Sequence));

        // Reopening is the one step a closed case allows.
        var reopen = await s.SubmitAsync(CasePath(s, filed.CaseId), Fields(), "#reopen-form");
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        Assert.Equal(CaseStatus.UnderInvestigation, (await host.CaseAsync(filed.CaseId)).Status);
        Assert.Null((await host.CaseAsync(filed.CaseId)).Outcome);

        // Nothing anyone wrote reached the logs.
        string[] written = ["Double payments", "Kari Nordmann", "kari@example.org", "Which supplier", "supplier register", "Payments recovered", "ledger.txt"];
        var logs = host.Logs.AllText;
        Assert.All(written, w => Assert.DoesNotContain(w, logs, StringComparison.Ordinal));
        Assert.Contains(filed.CaseId.ToString(), logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IllegalStep_GivesAFormErrorAndChangesNothing()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var s = handler.Session;
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Safety rules ignored",
            new ReporterIdentity(null, null), s_file, "note.txt");
        var page = await s.GetPageAsync(CasePath(s, filed.CaseId));
        // The page offers no close before acknowledgement; a stale or forged form posts it anyway.
        Assert.Null(page.QuerySelector("#close-form"));
        var records = await host.RecordCountAsync(filed.CaseId);
        var transitions = (await host.AuditAsync(filed.CaseId)).Count(e => e.Action == AuditAction.CaseTransitioned);

        var response = await CasesHost.PostAsync(s, page, CasePath(s, filed.CaseId) + "?handler=Close",
            Fields(("Input.Outcome", nameof(CaseOutcome.NotSubstantiated))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await BackofficeSession.ParseAsync(response);
        Assert.Contains("cannot be closed", result.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);

        var feedback = await CasesHost.PostAsync(s, page, CasePath(s, filed.CaseId) + "?handler=Feedback", Fields(("Input.Text", "")));
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.NotNull((await BackofficeSession.ParseAsync(feedback)).QuerySelector("#form-errors"));

        Assert.Equal(CaseStatus.Received, (await host.CaseAsync(filed.CaseId)).Status);
        Assert.Equal(records, await host.RecordCountAsync(filed.CaseId));
        Assert.Equal(transitions, (await host.AuditAsync(filed.CaseId)).Count(e => e.Action == AuditAction.CaseTransitioned));
    }

    [Fact]
    public async Task TwoHandlers_AcknowledgingFromTheSamePage_OnlyTheFirstSucceeds()
    {
        using var first = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        using var second = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Falsified test results",
            new ReporterIdentity(null, null), s_file, "results.txt");
        var firstPage = await first.Session.GetPageAsync(CasePath(first.Session, filed.CaseId));
        var secondPage = await second.Session.GetPageAsync(CasePath(second.Session, filed.CaseId));

        var done = await first.Session.SubmitAsync(firstPage, CasePath(first.Session, filed.CaseId), Fields(), "#acknowledge-form");
        var stale = await second.Session.SubmitAsync(secondPage, CasePath(second.Session, filed.CaseId), Fields(), "#acknowledge-form");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        // The second page was opened before the first handler's step moved the case's version.
        Assert.Contains("Saken er endret siden du åpnet den", (await BackofficeSession.ParseAsync(stale)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        var audit = await host.AuditAsync(filed.CaseId);
        Assert.Single(audit, e => e.Action == AuditAction.CaseTransitioned);
        var mailbox = await host.ReporterMailboxAsync(CasesHost.Nordlys, filed.ReceiptCode!);
        Assert.Single(mailbox.Entries, e => e.TemplateId == SystemTemplates.Acknowledgement);
    }

    [Fact]
    public async Task Inbox_FiltersAndMarksOverdue()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var s = handler.Session;
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Old report",
            new ReporterIdentity(null, null), s_file, "a.txt");
        var c = await host.CaseAsync(filed.CaseId);

        var none = await s.GetPageAsync(s.PathOf("cases?overdue=true"));
        Assert.Null(none.QuerySelector($"tr[data-case='{filed.CaseId}']"));
        var acknowledged = await s.GetPageAsync(s.PathOf("cases?status=Acknowledged"));
        Assert.Null(acknowledged.QuerySelector($"tr[data-case='{filed.CaseId}']"));
        var received = await s.GetPageAsync(s.PathOf("cases?status=Received&sort=Received"));
        Assert.NotNull(received.QuerySelector($"tr[data-case='{filed.CaseId}']"));
        var english = await s.GetPageAsync("/en/cases");
        Assert.Equal("Cases", english.QuerySelector("h1")!.TextContent);
        Assert.Contains("Received", english.QuerySelector($"tr[data-case='{filed.CaseId}']")!.TextContent, StringComparison.Ordinal);

        // Two days after the acknowledgement's legal due date the case is overdue (a new sign-in: the old one has timed out).
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        host.Clock.Advance(TimeSpan.FromDays(c.AcknowledgementDue.DayNumber - today.DayNumber + 2));
        await s.LoginAsync(handler.Account);
        var overdue = await s.GetPageAsync(s.PathOf("cases?overdue=true"));
        var row = overdue.QuerySelector($"tr[data-case='{filed.CaseId}']");
        Assert.NotNull(row);
        Assert.NotNull(row.QuerySelector(".marker-overdue"));
    }
}
