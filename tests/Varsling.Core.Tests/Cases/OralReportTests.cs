using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Testing;

namespace Varsling.Core.Tests.Cases;

/// <summary>OralReports and the reporter's agreement to the minutes, on real PostgreSQL.</summary>
public sealed class OralReportTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 12, 9, 0, 0, TimeSpan.Zero));
    private CaseBench _bench = null!;
    private TestHandler _handler = null!;
    private string _channel = "";
    private Guid _channelId;

    public async Task InitializeAsync()
    {
        _bench = await CaseBench.CreateAsync(database.ConnectionString, _clock);
        _handler = await _bench.HandlerAsync();
        _channel = await _bench.ChannelAsync(ChannelKind.Internal, _handler);
        await using var db = _bench.Db();
        _channelId = await db.Channels.Where(c => c.Slug == _channel).Select(c => c.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    private Task<FiledReport> RegisterAsync(TestHandler by, DateOnly date, string minutes = "Caller says invoices were split to avoid approval.") =>
        _bench.InScope(sp => sp.GetRequiredService<OralReports>().RegisterAsync(by.UserId,
            new OralReport(_channelId, null, ReportMedium.Phone, date, minutes, new ReporterIdentity("Per Hansen", null))));

    [Fact]
    public async Task RegisterAsync_FilesASealedCaseReceivedThatDay_WithACodeForTheReporter()
    {
        var filed = await RegisterAsync(_handler, new DateOnly(2025, 3, 10));

        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", filed.ReceiptCode);
        await using var db = _bench.Db();
        var c = await db.Cases.SingleAsync(x => x.Id == filed.CaseId);
        Assert.Equal(ReportMedium.Phone, c.OralMedium);
        Assert.Equal(Jurisdictions.Norway.StartOfDayUtc(new DateOnly(2025, 3, 10)), c.ReceivedAt);
        Assert.Equal(new DateOnly(2025, 3, 17), c.AcknowledgementDue);
        var audit = await db.AuditEvents.SingleAsync(e => e.CaseId == filed.CaseId && e.Action == AuditAction.OralReportRegistered);
        Assert.Equal(_handler.UserId, audit.ActorId);
        Assert.Equal("medium Phone", audit.Detail);
        // Sealed like any report: no plaintext minutes or name in the rows.
        var sealedBytes = await db.CaseRecords.Where(r => r.CaseId == filed.CaseId).Select(r => r.SealedContent).ToListAsync();
        Assert.All(sealedBytes, b => Assert.DoesNotContain("Per Hansen", System.Text.Encoding.UTF8.GetString(b ?? []), StringComparison.Ordinal));

        var view = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(filed.CaseId, _handler.UserId, _handler.Key));
        Assert.Equal("Caller says invoices were split to avoid approval.", view.Answers!.What);
        Assert.Equal("Per Hansen", view.Identity!.Name);
        Assert.Equal(ReportMedium.Phone, view.OralMedium);
        Assert.Null(view.MinutesAgreed);

        var mailbox = await _bench.AsReporterAsync(filed.ReceiptCode!, (m, s) => m.OpenAsync(s.CaseId, s.Key!));
        Assert.Equal(ReportMedium.Phone, mailbox.Summary.OralMedium);
        Assert.Equal("Caller says invoices were split to avoid approval.", mailbox.Entries.Single(e => e.Answers is not null).Answers!.What);
    }

    [Fact]
    public async Task AgreeToMinutesAsync_RecordsADatedReporterEntryOnce_WhichTheHandlerSees()
    {
        var filed = await RegisterAsync(_handler, new DateOnly(2025, 3, 12));
        _clock.Advance(TimeSpan.FromDays(2));

        await _bench.AsReporterAsync(filed.ReceiptCode!, async (m, s) =>
        {
            await m.AgreeToMinutesAsync(s.CaseId);
            return true;
        });
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => _bench.AsReporterAsync(filed.ReceiptCode!, async (m, s) =>
        {
            await m.AgreeToMinutesAsync(s.CaseId);
            return true;
        }));
        Assert.Contains("already agreed", again.Message, StringComparison.Ordinal);

        await using var db = _bench.Db();
        var entry = await db.CaseRecords.SingleAsync(r => r.CaseId == filed.CaseId && r.TemplateId == SystemTemplates.MinutesAgreed);
        Assert.Equal(EntryAuthor.Reporter, entry.Author);
        Assert.Null(entry.SealedContent);
        Assert.Equal(new DateOnly(2025, 3, 14), entry.Date);
        var view = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(filed.CaseId, _handler.UserId, _handler.Key));
        Assert.Equal(new DateOnly(2025, 3, 14), view.MinutesAgreed);
        var summary = (await _bench.AsReporterAsync(filed.ReceiptCode!, (m, s) => m.OpenAsync(s.CaseId, s.Key!))).Summary;
        Assert.Equal(new DateOnly(2025, 3, 14), summary.MinutesAgreed);
    }

    [Fact]
    public async Task AgreeToMinutesAsync_OnAWrittenReport_IsRefused()
    {
        var filed = await _bench.FileAsync(_channel, "Written");
        await Assert.ThrowsAsync<RuleViolationException>(() => _bench.AsReporterAsync(filed.ReceiptCode!, async (m, s) =>
        {
            await m.AgreeToMinutesAsync(s.CaseId);
            return true;
        }));
        await using var db = _bench.Db();
        Assert.False(await db.CaseRecords.AnyAsync(r => r.CaseId == filed.CaseId && r.TemplateId == SystemTemplates.MinutesAgreed));
    }

    [Fact]
    public async Task RegisterAsync_BySomeoneNotOnTheChannel_OrForAFutureDay_FilesNothing()
    {
        var outsider = await _bench.HandlerAsync();
        await using var db = _bench.Db();
        var before = await db.Cases.CountAsync();

        await Assert.ThrowsAsync<RuleViolationException>(() => RegisterAsync(outsider, new DateOnly(2025, 3, 12)));
        await Assert.ThrowsAsync<RuleViolationException>(() => RegisterAsync(_handler, new DateOnly(2025, 3, 13)));
        await Assert.ThrowsAsync<RuleViolationException>(() => RegisterAsync(_handler, new DateOnly(2025, 3, 12), "  "));

        Assert.Equal(before, await db.Cases.CountAsync());
        Assert.DoesNotContain(await _bench.InScope(sp => sp.GetRequiredService<OralReports>().ChannelsAsync(outsider.UserId)), c => c.Id == _channelId);
        Assert.Contains(await _bench.InScope(sp => sp.GetRequiredService<OralReports>().ChannelsAsync(_handler.UserId)), c => c.Id == _channelId);
    }
}
