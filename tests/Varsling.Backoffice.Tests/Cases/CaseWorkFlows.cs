using System.Net;
using System.Text;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Cases;

/// <summary>
/// Assignment, recusal, deleting as irrelevant, the feedback extension, stale forms and oral reports, each over
/// HTTP as a handler works them on the case page.
/// </summary>
public sealed class CaseWorkFlows(CasesHost host) : IClassFixture<CasesHost>
{
    private static readonly byte[] s_file = Encoding.UTF8.GetBytes("Minutes of the board meeting, page 4.");

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    private static string CasePath(BackofficeSession s, Guid caseId) => s.PathOf("cases/" + caseId);

    private static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await BackofficeSession.ParseAsync(response)).QuerySelector("#form-errors")?.TextContent ?? "";

    [Fact]
    public async Task Handlers_AssignTheCase_AndOneStandsAside_LosingAccessForGood()
    {
        var channel = await host.ChannelAsync(CasesHost.Nordlys, ChannelKind.Internal);
        using var staying = await host.HandlerAsync(CasesHost.Nordlys, channel);
        using var leaving = await host.HandlerAsync(CasesHost.Nordlys, channel);
        var filed = await host.FileReportAsync(CasesHost.Nordlys, channel, "Kickbacks from a supplier", new ReporterIdentity(null, null), s_file, "a.txt");

        // Assign to me, then the inbox shows the assignee and its filters find the case.
        var assign = await staying.Session.SubmitAsync(CasePath(staying.Session, filed.CaseId), Fields(), "#assign-me-form");
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        Assert.Equal(staying.UserId, (await host.CaseAsync(filed.CaseId)).AssigneeId);
        var mine = await staying.Session.GetPageAsync(staying.Session.PathOf("cases?assignment=Mine"));
        Assert.Equal(staying.UserId.ToString(), mine.QuerySelector($"tr[data-case='{filed.CaseId}'] .assignee")!.GetAttribute("data-assignee"));
        var unassigned = await staying.Session.GetPageAsync(staying.Session.PathOf("cases?assignment=Unassigned"));
        Assert.Null(unassigned.QuerySelector($"tr[data-case='{filed.CaseId}']"));

        // The other handler hands it to themselves with the select, then stands aside.
        var page = await leaving.Session.GetPageAsync(CasePath(leaving.Session, filed.CaseId));
        Assert.Equal(2, page.QuerySelectorAll("#assignee option[value]:not([value=''])").Length);
        var reassign = await CasesHost.PostAsync(leaving.Session, page, CasePath(leaving.Session, filed.CaseId) + "?handler=Assign",
            Fields(("Input.AssigneeId", leaving.UserId.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, reassign.StatusCode);
        Assert.Equal(leaving.UserId, (await host.CaseAsync(filed.CaseId)).AssigneeId);

        var recuse = await leaving.Session.SubmitAsync(CasePath(leaving.Session, filed.CaseId),
            Fields(("Input.Text", "The supplier's owner is my sister.")), "#recuse-form");
        Assert.Equal(HttpStatusCode.Redirect, recuse.StatusCode);
        Assert.Equal("/nb/cases?done=recused", recuse.Headers.Location!.OriginalString);
        Assert.Equal(0, await host.GrantCountAsync(filed.CaseId, leaving.UserId));
        Assert.Equal(4, await host.GrantCountAsync(filed.CaseId, staying.UserId));
        Assert.Null((await host.CaseAsync(filed.CaseId)).AssigneeId);
        Assert.Equal(HttpStatusCode.NotFound, (await leaving.Session.Client.GetAsync(CasePath(leaving.Session, filed.CaseId))).StatusCode);
        var leavingInbox = await leaving.Session.GetPageAsync(leaving.Session.PathOf("cases"));
        Assert.Null(leavingInbox.QuerySelector($"tr[data-case='{filed.CaseId}']"));
        Assert.Contains(await host.AuditAsync(filed.CaseId), e => e.Action == AuditAction.AccessRevoked && e.ActorId == leaving.UserId);

        // The remaining handler reads the sealed reason as a note, cannot assign the recused person, and, as the last
        // key holder, cannot stand aside.
        var after = await staying.Session.GetPageAsync(CasePath(staying.Session, filed.CaseId));
        Assert.Equal("The supplier's owner is my sister.", after.QuerySelector("#notes .written")!.TextContent);
        var assignRecused = await CasesHost.PostAsync(staying.Session, after, CasePath(staying.Session, filed.CaseId) + "?handler=Assign",
            Fields(("Input.AssigneeId", leaving.UserId.ToString())));
        Assert.Equal(HttpStatusCode.OK, assignRecused.StatusCode);
        Assert.Contains("holds its keys", await ErrorsAsync(assignRecused), StringComparison.Ordinal);
        var last = await staying.Session.SubmitAsync(CasePath(staying.Session, filed.CaseId), Fields(("Input.Text", "Also conflicted")), "#recuse-form");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("only handler", await ErrorsAsync(last), StringComparison.Ordinal);
        Assert.Equal(4, await host.GrantCountAsync(filed.CaseId, staying.UserId));
        Assert.DoesNotContain("sister", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_DeletesAReporterMessageAndAFileAsIrrelevant_TheReporterSeesTombstones()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var s = handler.Session;
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Overtime not paid", new ReporterIdentity(null, null), s_file, "rota.txt");
        await host.ReporterPostsAsync(CasesHost.Nordlys, filed.ReceiptCode!, "My colleague's diagnosis is attached.", "diagnosis"u8.ToArray(), "diagnosis.pdf");
        var (files, chunks) = await host.FileRowsAsync(filed.CaseId);
        Assert.Equal(2, files);

        var page = await s.GetPageAsync(CasePath(s, filed.CaseId));
        var form = page.QuerySelector("#thread .delete-form")!;
        var recordId = form.GetAttribute("data-record")!;
        // The report's answers offer no deletion; only the reporter's message does.
        Assert.Single(page.QuerySelectorAll("#thread .delete-form"));
        var noReason = await CasesHost.PostAsync(s, page, CasePath(s, filed.CaseId) + "?handler=DeleteMessage", Fields(("Input.RecordId", recordId)));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal((files, chunks), await host.FileRowsAsync(filed.CaseId));

        var deleted = await s.SubmitAsync(page, CasePath(s, filed.CaseId),
            Fields(("Input.Reason", nameof(IrrelevanceReason.SpecialCategoryData))), $"#thread .delete-form[data-record='{recordId}']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var afterMessage = await host.FileRowsAsync(filed.CaseId);
        Assert.Equal(1, afterMessage.Attachments);
        Assert.InRange(afterMessage.Chunks, 1, chunks - 1);

        // The report's own file, deleted from the files list.
        var again = await s.GetPageAsync(CasePath(s, filed.CaseId));
        Assert.Contains(again.QuerySelectorAll("#thread .template"), p => p.TextContent.Contains("slettet som irrelevant", StringComparison.Ordinal));
        Assert.DoesNotContain("diagnosis", again.QuerySelector("#thread")!.TextContent, StringComparison.Ordinal);
        var fileForm = again.QuerySelector("#files .delete-form")!;
        var fileLink = again.QuerySelector("#files a")!.GetAttribute("href")!;
        var deletedFile = await s.SubmitAsync(again, CasePath(s, filed.CaseId),
            Fields(("Input.Reason", nameof(IrrelevanceReason.NotRelatedToTheReport))), $"#files .delete-form[data-file='{fileForm.GetAttribute("data-file")}']");
        Assert.Equal(HttpStatusCode.Redirect, deletedFile.StatusCode);
        Assert.Equal((0, 0), await host.FileRowsAsync(filed.CaseId));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync(fileLink)).StatusCode);

        var audit = (await host.AuditAsync(filed.CaseId)).Where(e => e.Action == AuditAction.RecordDeletedAsIrrelevant).ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, e => Assert.Equal(handler.UserId, e.ActorId));
        Assert.Contains(audit, e => e.Detail!.Contains(recordId, StringComparison.Ordinal) && e.Detail.Contains("SpecialCategoryData", StringComparison.Ordinal));

        var mailbox = await host.ReporterMailboxAsync(CasesHost.Nordlys, filed.ReceiptCode!);
        Assert.Equal(2, mailbox.Entries.Count(e => e.TemplateId == SystemTemplates.DeletedAsIrrelevant));
        Assert.DoesNotContain(mailbox.Entries, e => e.Message?.Text.Contains("diagnosis", StringComparison.Ordinal) == true);
        Assert.Empty(mailbox.Entries.Single(e => e.Answers is not null).Answers!.Files);
    }

    [Fact]
    public async Task Handler_ExtendsTheFeedbackPeriodOnAnExternalChannel_NotOnAnInternalOne()
    {
        var external = await host.ChannelAsync(CasesHost.Nordlys, ChannelKind.External);
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, external);
        var s = handler.Session;
        var filed = await host.FileReportAsync(CasesHost.Nordlys, external, "Authority case", new ReporterIdentity(null, null), s_file, "x.txt");
        var before = (await host.CaseAsync(filed.CaseId)).FeedbackDue;

        var noReason = await s.SubmitAsync(CasePath(s, filed.CaseId), Fields(("Input.Text", " ")), "#extend-form");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var extend = await s.SubmitAsync(CasePath(s, filed.CaseId), Fields(("Input.Text", "Awaiting a forensic audit.")), "#extend-form");
        Assert.Equal(HttpStatusCode.Redirect, extend.StatusCode);
        var extended = await host.CaseAsync(filed.CaseId);
        Assert.Equal("Awaiting a forensic audit.", extended.FeedbackExtensionReason);
        Assert.True(extended.FeedbackDue > before);
        var page = await s.GetPageAsync(CasePath(s, filed.CaseId));
        Assert.Equal("Awaiting a forensic audit.", page.QuerySelector("#extension-reason")!.TextContent);
        Assert.Null(page.QuerySelector("#extend-form"));
        Assert.Contains(await host.AuditAsync(filed.CaseId), e => e.Action == AuditAction.DeadlineExtended && e.ActorId == handler.UserId);

        // On an internal channel the page explains why there is no form, and a forged post is refused.
        using var internalHandler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var internalCase = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Internal case", new ReporterIdentity(null, null), s_file, "y.txt");
        var internalPage = await internalHandler.Session.GetPageAsync(CasePath(internalHandler.Session, internalCase.CaseId));
        Assert.Null(internalPage.QuerySelector("#extend-form"));
        Assert.NotNull(internalPage.QuerySelector("#extend-internal"));
        var forged = await CasesHost.PostAsync(internalHandler.Session, internalPage, CasePath(internalHandler.Session, internalCase.CaseId) + "?handler=Extend",
            Fields(("Input.Text", "Busy")));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("external channels", await ErrorsAsync(forged), StringComparison.Ordinal);
        Assert.Null((await host.CaseAsync(internalCase.CaseId)).FeedbackExtensionReason);
    }

    [Fact]
    public async Task TwoHandlers_TheFirstMessagesTheReporter_TheSecondsStalePageCanNeitherAcknowledgeNorClose()
    {
        using var first = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        using var second = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Stale pages", new ReporterIdentity(null, null), s_file, "z.txt");
        var stalePage = await second.Session.GetPageAsync(CasePath(second.Session, filed.CaseId));

        var message = await first.Session.SubmitAsync(CasePath(first.Session, filed.CaseId), Fields(("Input.Text", "Can you tell us more?")), "#message-form");
        Assert.Equal(HttpStatusCode.Redirect, message.StatusCode);
        var records = await host.RecordCountAsync(filed.CaseId);

        var acknowledge = await second.Session.SubmitAsync(stalePage, CasePath(second.Session, filed.CaseId), Fields(), "#acknowledge-form");
        Assert.Equal(HttpStatusCode.OK, acknowledge.StatusCode);
        var refused = await BackofficeSession.ParseAsync(acknowledge);
        Assert.Contains("Saken er endret siden du åpnet den", refused.QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        // The re-rendered page is current: it shows the first handler's message and carries the new version.
        Assert.Contains("Can you tell us more?", refused.QuerySelector("#thread")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(stalePage.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"),
            refused.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));

        var close = await CasesHost.PostAsync(second.Session, stalePage, CasePath(second.Session, filed.CaseId) + "?handler=Close",
            Fields(("Input.Outcome", nameof(CaseOutcome.Withdrawn))));
        Assert.Contains("Saken er endret", await ErrorsAsync(close), StringComparison.Ordinal);
        var note = await second.Session.SubmitAsync(stalePage, CasePath(second.Session, filed.CaseId), Fields(("Input.Text", "My stale note")), "#note-form");
        var notePage = await BackofficeSession.ParseAsync(note);
        // The text is kept in its field, so nothing written is lost.
        Assert.Equal("My stale note", notePage.QuerySelector("#note-text")!.TextContent);

        Assert.Equal(CaseStatus.Received, (await host.CaseAsync(filed.CaseId)).Status);
        Assert.Equal(records, await host.RecordCountAsync(filed.CaseId));
        Assert.DoesNotContain(await host.AuditAsync(filed.CaseId), e => e.Action is AuditAction.CaseTransitioned or AuditAction.NoteAdded);

        // From the refreshed page the step goes through.
        var retry = await second.Session.SubmitAsync(refused, CasePath(second.Session, filed.CaseId), Fields(), "#acknowledge-form");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(CaseStatus.Acknowledged, (await host.CaseAsync(filed.CaseId)).Status);
    }

    [Fact]
    public async Task Handler_RegistersAnOralReport_TheReporterAgreesToTheMinutesInTheMailbox()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "en");
        var s = handler.Session;
        var form = await s.GetPageAsync(s.PathOf("cases/register"));
        var channelId = form.QuerySelectorAll("#register-channel option")
            .Single(o => o.TextContent.Contains("Sverige", StringComparison.Ordinal)).GetAttribute("value")!;
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(-1);

        var response = await s.SubmitAsync(form, s.PathOf("cases/register"), Fields(
            ("Input.ChannelId", channelId), ("Input.Medium", nameof(ReportMedium.Meeting)), ("Input.Date", today.ToString("yyyy-MM-dd")),
            ("Input.Minutes", "Met the reporter in room 2. Safety checks on crane 4 were signed without being done."),
            ("Input.Name", "Lars Berg"), ("Input.Contact", "")), "#register-form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var done = await BackofficeSession.ParseAsync(response);
        var code = done.QuerySelector("#receipt-code")!.TextContent.Trim();
        var caseId = Guid.Parse(done.QuerySelector("#registered-case")!.GetAttribute("href")!.Split('/')[^1]);
        var registered = await host.CaseAsync(caseId);
        Assert.Equal(ReportMedium.Meeting, registered.OralMedium);
        Assert.Contains(await host.AuditAsync(caseId), e => e.Action == AuditAction.OralReportRegistered && e.ActorId == handler.UserId);
        // The code was shown once and went nowhere else.
        Assert.DoesNotContain(code, host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("crane 4", host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Lars Berg", host.Logs.AllText, StringComparison.Ordinal);

        var page = await s.GetPageAsync(CasePath(s, caseId));
        Assert.Equal("Met the reporter in room 2. Safety checks on crane 4 were signed without being done.", page.QuerySelector("#answer-what")!.TextContent);
        Assert.Equal("Lars Berg", page.QuerySelector("#identity-name")!.TextContent);
        Assert.Equal("Meeting", page.QuerySelector("#case-oral")!.GetAttribute("data-medium"));
        Assert.Equal("false", page.QuerySelector("#minutes-agreed")!.GetAttribute("data-agreed"));

        // The reporter logs in with the code, sees the minutes marked for checking, and agrees.
        var mailbox = await host.ReporterMailboxAsync(CasesHost.Nordlys, code);
        Assert.Equal(ReportMedium.Meeting, mailbox.Summary.OralMedium);
        Assert.Null(mailbox.Summary.MinutesAgreed);
        await host.AgreeToMinutesAsync(CasesHost.Nordlys, code);

        var agreed = await s.GetPageAsync(CasePath(s, caseId));
        Assert.Equal("true", agreed.QuerySelector("#minutes-agreed")!.GetAttribute("data-agreed"));
        Assert.Contains(agreed.QuerySelectorAll("#thread .template"), p => p.TextContent.Contains("agreed to the minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_WithoutMinutesOrForTheFuture_ShowsTheFormAgainAndFilesNothing()
    {
        using var handler = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        var s = handler.Session;
        var form = await s.GetPageAsync(s.PathOf("cases/register"));
        var channelId = form.QuerySelector("#register-channel option")!.GetAttribute("value")!;
        var tomorrow = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        var audit = (await host.AuditByAsync(handler.UserId)).Count;

        var future = await s.SubmitAsync(form, s.PathOf("cases/register"), Fields(("Input.ChannelId", channelId), ("Input.Medium", "Phone"),
            ("Input.Date", tomorrow.ToString("yyyy-MM-dd")), ("Input.Minutes", "Something")), "#register-form");
        var empty = await s.SubmitAsync(form, s.PathOf("cases/register"), Fields(("Input.ChannelId", channelId), ("Input.Medium", "Phone"),
            ("Input.Date", tomorrow.AddDays(-3).ToString("yyyy-MM-dd")), ("Input.Minutes", "")), "#register-form");

        foreach (var r in new[] { future, empty })
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var result = await BackofficeSession.ParseAsync(r);
            Assert.NotNull(result.QuerySelector("#form-errors"));
            Assert.Null(result.QuerySelector("#receipt-code"));
        }

        Assert.Equal(audit, (await host.AuditByAsync(handler.UserId)).Count);
    }
}
