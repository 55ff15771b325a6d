using Microsoft.Extensions.Time.Testing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Core.Tests.Cases;

/// <summary>IrrelevantData on real PostgreSQL: what goes, what stays in its place, and what may not be deleted.</summary>
public sealed class DeletingAsIrrelevantTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private CaseBench _bench = null!;
    private TestHandler _handler = null!;
    private string _channel = "";

    public async Task InitializeAsync()
    {
        _bench = await CaseBench.CreateAsync(database.ConnectionString, _clock);
        _handler = await _bench.HandlerAsync();
        _channel = await _bench.ChannelAsync(ChannelKind.Internal, _handler);
    }

    public async Task DisposeAsync() => await _bench.DisposeAsync();

    private async Task<(Guid CaseId, string Code)> FiledWithReporterMessageAsync()
    {
        var filed = await _bench.FileAsync(_channel, "Fraud in purchasing");
        _clock.Advance(TimeSpan.FromDays(1));
        await _bench.AsReporterAsync(filed.ReceiptCode!, async (mailbox, state) =>
        {
            var staged = await _bench.InScope(sp => Uploads.StageAsync(sp, Encoding.UTF8.GetBytes("my neighbour's medical record"), "neighbour.pdf"));
            await mailbox.PostPlainAsync(state.CaseId, state.Key!, "Also, my neighbour is ill.", [staged]);
            return true;
        });
        return (filed.CaseId, filed.ReceiptCode!);
    }

    [Fact]
    public async Task DeleteMessageAsync_DeletesTheRowFilesAndChunks_LeavesADatedTombstone_AndAuditsWithoutContent()
    {
        var (id, code) = await FiledWithReporterMessageAsync();
        await using var db = _bench.Db();
        var message = await db.CaseRecords.SingleAsync(r => r.CaseId == id && r.Kind == RecordKind.Message && r.Author == EntryAuthor.Reporter);
        var fileId = await db.Attachments.Where(a => a.RecordId == message.Id).Select(a => a.Id).SingleAsync();
        _clock.Advance(TimeSpan.FromDays(2));

        await _bench.InScope(sp => sp.GetRequiredService<IrrelevantData>().DeleteMessageAsync(id, _handler.UserId, message.Id, IrrelevanceReason.SpecialCategoryData));

        Assert.False(await db.CaseRecords.AnyAsync(r => r.Id == message.Id));
        Assert.False(await db.Attachments.AnyAsync(a => a.Id == fileId));
        Assert.False(await db.AttachmentChunks.AnyAsync(c => c.AttachmentId == fileId));
        var tombstone = await db.CaseRecords.SingleAsync(r => r.CaseId == id && r.Sequence == message.Sequence);
        Assert.Equal(SystemTemplates.DeletedAsIrrelevant, tombstone.TemplateId);
        Assert.Null(tombstone.SealedContent);
        Assert.Equal(new DateOnly(2025, 3, 13), tombstone.Date);
        var audit = await db.AuditEvents.SingleAsync(e => e.CaseId == id && e.Action == AuditAction.RecordDeletedAsIrrelevant);
        Assert.Equal(_handler.UserId, audit.ActorId);
        Assert.Contains(message.Id.ToString(), audit.Detail, StringComparison.Ordinal);
        Assert.Contains(nameof(IrrelevanceReason.SpecialCategoryData), audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("neighbour", audit.Detail, StringComparison.OrdinalIgnoreCase);

        // Handlers and the reporter both see the tombstone where the message was.
        var view = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(id, _handler.UserId, _handler.Key));
        Assert.Contains(view.Thread, e => e.TemplateId == SystemTemplates.DeletedAsIrrelevant);
        Assert.DoesNotContain(view.Thread, e => e.Message?.Text.Contains("neighbour", StringComparison.Ordinal) == true);
        var opened = await _bench.AsReporterAsync(code, (mailbox, state) => mailbox.OpenAsync(state.CaseId, state.Key!));
        Assert.Contains(opened.Entries, e => e.TemplateId == SystemTemplates.DeletedAsIrrelevant);
        Assert.DoesNotContain(opened.Entries, e => e.Message?.Text.Contains("neighbour", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task DeleteMessageAsync_TheAnswersOrAHandlersMessage_IsRefused()
    {
        var id = (await _bench.FileAsync(_channel, "The report itself")).CaseId;
        await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().MessageReporterAsync(id, _handler.UserId, _handler.Key, "A question"));
        await using var db = _bench.Db();
        var answers = await db.CaseRecords.SingleAsync(r => r.CaseId == id && r.Kind == RecordKind.Answers);
        var handlers = await db.CaseRecords.SingleAsync(r => r.CaseId == id && r.Author == EntryAuthor.Handler);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => _bench.InScope(sp =>
            sp.GetRequiredService<IrrelevantData>().DeleteMessageAsync(id, _handler.UserId, answers.Id, IrrelevanceReason.Duplicate)));
        Assert.Contains("answers cannot be deleted", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => _bench.InScope(sp =>
            sp.GetRequiredService<IrrelevantData>().DeleteMessageAsync(id, _handler.UserId, handlers.Id, IrrelevanceReason.Duplicate)));

        Assert.True(await db.CaseRecords.AnyAsync(r => r.Id == answers.Id));
        Assert.True(await db.CaseRecords.AnyAsync(r => r.Id == handlers.Id));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.CaseId == id && e.Action == AuditAction.RecordDeletedAsIrrelevant));
    }

    [Fact]
    public async Task DeleteFileAsync_OfTheReport_DeletesTheFileAndTakesItsNameOutOfTheAnswers()
    {
        var filed = await _bench.FileAsync(_channel, "See the two files", ("ledger.txt", "ledger"u8.ToArray()), ("holiday-photo.jpg", "photo"u8.ToArray()));
        await using var db = _bench.Db();
        var before = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(filed.CaseId, _handler.UserId, _handler.Key));
        var photo = before.Files.Single(f => f.Name == "holiday-photo.jpg");

        await _bench.InScope(sp => sp.GetRequiredService<IrrelevantData>().DeleteFileAsync(filed.CaseId, _handler.UserId, _handler.Key, photo.Id,
            IrrelevanceReason.NotRelatedToTheReport));

        Assert.False(await db.Attachments.AnyAsync(a => a.Id == photo.Id));
        Assert.False(await db.AttachmentChunks.AnyAsync(c => c.AttachmentId == photo.Id));
        var after = await _bench.InScope(sp => sp.GetRequiredService<CaseWork>().OpenAsync(filed.CaseId, _handler.UserId, _handler.Key));
        Assert.Equal("See the two files", after.Answers!.What);
        Assert.Equal(["ledger.txt"], after.Answers.Files.Select(f => f.Name));
        Assert.Equal(["ledger.txt"], after.Files.Select(f => f.Name));
        Assert.Contains(after.Thread, e => e.TemplateId == SystemTemplates.DeletedAsIrrelevant);
        // The reporter, too, no longer sees the name.
        var opened = await _bench.AsReporterAsync(filed.ReceiptCode!, (mailbox, state) => mailbox.OpenAsync(state.CaseId, state.Key!));
        Assert.Equal(["ledger.txt"], opened.Entries.Single(e => e.Answers is not null).Answers!.Files.Select(f => f.Name));
        Assert.Contains(photo.Id.ToString(), (await db.AuditEvents.SingleAsync(e => e.CaseId == filed.CaseId && e.Action == AuditAction.RecordDeletedAsIrrelevant)).Detail,
            StringComparison.Ordinal);
    }
}
