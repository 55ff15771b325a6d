using Microsoft.Extensions.Time.Testing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Attachments;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Core.Tests.Reports;

/// <summary>The Core services end to end: file in either path, log in, read, answer — all on real PostgreSQL.</summary>
public sealed class FilingAndAnsweringAReport(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturedLogs _logs = new();
    private ServiceProvider _services = null!;
    private TestHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _services = CoreServices.Build(database.ConnectionString, _clock, _logs);
        _handler = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "varsling");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        // As on the intake site, where the organisation in the URL sets the scope of every request.
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(_handler.OrganisationId);
        return await work(scope.ServiceProvider);
    }

    private static PlainReport Report(string what, params PlainFile[] files) => new(null,
        new ReportAnswers(what, "Last week", "Warehouse 3", "A manager", "I saw it", files.Select(f => f.Mention).ToList()),
        new ReporterIdentity("Kari Nordmann", "kari@example.org"), files);

    [Fact]
    public async Task PlainReport_WithAFile_IsReadableByTheHandlerAndAnswerableByTheReporter()
    {
        var content = Encoding.UTF8.GetBytes("Invoice 4711 was paid twice to the same supplier.");
        var filed = await InScope(async sp =>
        {
            var intake = sp.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "varsling");
            var file = await Uploads.StageAsync(sp, content, "invoice.txt");
            return await intake.FilePlainAsync(channel, Report("Double payments to a supplier", file));
        });

        Assert.NotNull(filed.ReceiptCode);
        Assert.True(filed.Acknowledged);

        var session = await InScope(sp => sp.GetRequiredService<ReporterMailbox>().LoginWithCodeAsync(filed.ReceiptCode!.ToLowerInvariant().Replace("-", " ")));
        Assert.NotNull(session);
        Assert.Equal(filed.CaseId, session.CaseId);

        await using (var db = _handler.Context(database.ConnectionString))
        {
            var c = await db.Cases.SingleAsync(x => x.Id == filed.CaseId);
            Assert.Equal(CaseStatus.Acknowledged, c.Status);
            var submitted = Assert.Single(await db.AuditEvents.IgnoreQueryFilters()
                .Where(e => e.CaseId == filed.CaseId && e.Action == Varsling.Core.Audit.AuditAction.ReportSubmitted).ToListAsync());
            Assert.Equal(Varsling.Core.Audit.AuditActorKind.Reporter, submitted.ActorKind);
            Assert.Null(submitted.ActorId);
            Assert.Equal("files 1", submitted.Detail);
            Assert.Equal(c.ReceivedAt, c.AcknowledgedAt);
            var handlerMessages = new HandlerMessages(db, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<HandlerMessages>.Instance);
            var entries = await handlerMessages.ReadAsync(filed.CaseId, _handler.UserId, _handler.Key);
            Assert.Equal("Double payments to a supplier", entries.Single(e => e.Kind == RecordKind.Answers).Answers!.What);
            Assert.Equal("Kari Nordmann", entries.Single(e => e.Kind == RecordKind.Identity).Identity!.Name);
            Assert.Equal(SystemTemplates.Acknowledgement, entries.Single(e => e.Author == EntryAuthor.System).TemplateId);
            var fileId = entries.Single(e => e.Kind == RecordKind.Answers).Answers!.Files.Single().Id;
            using var output = new MemoryStream();
            await handlerMessages.ReadFileAsync(filed.CaseId, fileId, _handler.UserId, _handler.Key, output);
            Assert.Equal(content, output.ToArray());
            await handlerMessages.PostAsync(filed.CaseId, _handler.UserId, _handler.Key, "Thank you. Which supplier?");
        }

        await InScope(async sp =>
        {
            var mailbox = sp.GetRequiredService<ReporterMailbox>();
            using var state = await mailbox.ResumeAsync(session.SessionId, session.SessionKey);
            Assert.NotNull(state?.Key);
            var opened = await mailbox.OpenAsync(state.CaseId, state.Key);
            Assert.Equal(new DateOnly(2025, 3, 10), opened.Summary.Received);
            Assert.Equal(new DateOnly(2025, 3, 10), opened.Summary.Acknowledged);
            Assert.DoesNotContain(opened.Entries, e => e.Kind == RecordKind.Identity);
            Assert.Equal("Thank you. Which supplier?", opened.Entries.Single(e => e.Author == EntryAuthor.Handler).Message!.Text);
            await mailbox.PostPlainAsync(state.CaseId, state.Key, "Nordic Supplies AS.", []);
            return true;
        });

        await using (var db = _handler.Context(database.ConnectionString))
        {
            var entries = await new HandlerMessages(db, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<HandlerMessages>.Instance)
                .ReadAsync(filed.CaseId, _handler.UserId, _handler.Key);
            Assert.Equal("Nordic Supplies AS.", entries.Last().Message!.Text);
            Assert.Equal([1, 2, 3, 4, 5], entries.Select(e => e.Sequence));
            var fileId = entries.Single(e => e.Kind == RecordKind.Answers).Answers!.Files.Single().Id;
            Assert.False(await db.Uploads.AnyAsync(u => u.Id == fileId));
            Assert.True(await db.Attachments.AnyAsync(a => a.Id == fileId));
        }

        Assert.DoesNotContain("Double payments", _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(filed.ReceiptCode!, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_NamingAnUnfinishedUpload_WritesNothing()
    {
        var error = await InScope(async sp =>
        {
            var intake = sp.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "varsling");
            var fileId = Guid.NewGuid();
            await sp.GetRequiredService<UploadStore>().BeginAsync(fileId, ChunkedFile.CreateHeader(fileId, 16), default);
            var half = new PlainFile(new FileMention(fileId, "half.txt", "text/plain", 100), ChunkedFile.GenerateKey());
            return await Assert.ThrowsAsync<RuleViolationException>(() => intake.FilePlainAsync(channel, Report("Cut off half-way", half)));
        });

        Assert.Contains("not finished uploading", error.Message, StringComparison.Ordinal);
        await using var db = _handler.Context(database.ConnectionString);
        Assert.False(await db.Cases.AnyAsync(c => c.ChannelId != Guid.Empty && c.Reference != null && c.ReceivedAt > _clock.GetUtcNow().AddSeconds(1)));
        Assert.Equal(await db.Cases.CountAsync(), await db.ReporterCredentials.CountAsync());
        Assert.Equal(await db.CaseRecords.Select(r => r.CaseId).Distinct().CountAsync(), await db.Cases.CountAsync());
    }

    [Fact]
    public async Task Channel_WithoutRecipients_RefusesReports()
    {
        var error = await InScope(async sp =>
        {
            var intake = sp.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "visselblasning");
            return await Assert.ThrowsAsync<RuleViolationException>(() => intake.FilePlainAsync(channel, Report("Nobody can read this")));
        });

        Assert.Contains("no case handlers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Channel_WhoseOnlyMemberHasNoKey_RefusesReports_AndANewKeyReceivesTheNextCase()
    {
        await using (var db = _handler.Context(database.ConnectionString))
        {
            var entity = await db.Channels.Where(c => c.Slug == "varsling").Select(c => c.LegalEntityId).SingleAsync();
            db.Channels.Add(new Channel(Guid.NewGuid(), _handler.OrganisationId, entity, "okonomi", "Økonomi", ChannelKind.Internal));
            await db.SaveChangesAsync();
        }

        var member = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "okonomi");
        await using (var db = member.Context(database.ConnectionString))
        {
            // As after an operator reset: the membership stays, the lost key is gone.
            await db.UserKeys.Where(k => k.UserId == member.UserId).ExecuteDeleteAsync();
        }

        var refused = await InScope(async sp =>
        {
            var intake = sp.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "okonomi");
            Assert.Empty(channel.Recipients);
            return await Assert.ThrowsAsync<RuleViolationException>(() => intake.FilePlainAsync(channel, Report("Nobody can read this")));
        });
        Assert.Contains("no case handlers", refused.Message, StringComparison.Ordinal);

        using var renewed = X25519KeyPair.Generate();
        await using (var db = member.Context(database.ConnectionString))
        {
            var wrap = PrivateKeyWrap.WrapWithKey(renewed, new byte[32]);
            db.UserKeys.Add(new UserKey(member.UserId, member.OrganisationId, renewed.PublicKey, wrap, wrap, _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var filed = await InScope(async sp =>
        {
            var intake = sp.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "okonomi");
            Assert.Equal(renewed.PublicKey, Assert.Single(channel.Recipients).PublicKey);
            return await intake.FilePlainAsync(channel, Report("Sealed to the new key"));
        });

        await using var read = member.Context(database.ConnectionString);
        var messages = new HandlerMessages(read, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<HandlerMessages>.Instance);
        var entries = await messages.ReadAsync(filed.CaseId, member.UserId, renewed);
        Assert.Equal("Sealed to the new key", entries.Single(e => e.Kind == RecordKind.Answers).Answers!.What);
    }

    [Fact]
    public async Task DeactivatedMember_ReceivesNoNewCase()
    {
        await using (var db = _handler.Context(database.ConnectionString))
        {
            var entity = await db.Channels.Where(c => c.Slug == "varsling").Select(c => c.LegalEntityId).SingleAsync();
            db.Channels.Add(new Channel(Guid.NewGuid(), _handler.OrganisationId, entity, "revisjon", "Revisjon", ChannelKind.Internal));
            await db.SaveChangesAsync();
        }

        var active = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "revisjon");
        var deactivated = await Handlers.AddRecipientAsync(database.ConnectionString, DemoData.NordlysSlug, "revisjon");
        await using (var db = deactivated.Context(database.ConnectionString))
        {
            var user = await db.Users.SingleAsync(u => u.Id == deactivated.UserId);
            user.LockoutEnd = Administration.DeactivatedUntil;
            await db.SaveChangesAsync();
        }

        var recipients = await InScope(async sp =>
            (await sp.GetRequiredService<ReportIntake>().GetChannelAsync(DemoData.NordlysSlug, "revisjon")).Recipients);

        Assert.Equal([active.UserId], recipients.Select(r => r.UserId));
    }

    [Fact]
    public async Task SealedReport_MissingAHandlersKey_IsRefused()
    {
        var error = await InScope(async sp =>
        {
            var intake = sp.GetRequiredService<ReportIntake>();
            var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "varsling");
            var caseId = Guid.NewGuid();
            using var reporter = X25519KeyPair.Generate();
            var shared = CaseKeys.Generate();
            var answersId = Guid.NewGuid();
            var report = new SealedReport(caseId, null, answersId, Records.Seal(shared, caseId, answersId, RecordKind.Answers, "{}"u8),
                null, null, [new SealedKey(null, CaseKeyKind.Shared, CaseKeys.Wrap(shared, reporter.PublicKey, caseId, CaseKeyKind.Shared))],
                new byte[32], PrivateKeyWrap.WrapWithKey(reporter, new byte[32]), []);
            return await Assert.ThrowsAsync<RuleViolationException>(() => intake.FileSealedAsync(channel, report));
        });

        Assert.Contains("exactly the channel's handlers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithAWrongOrMalformedCode_IsRefusedTheSameWay()
    {
        await InScope(async sp =>
        {
            var mailbox = sp.GetRequiredService<ReporterMailbox>();
            Assert.Null(await mailbox.LoginWithCodeAsync(ReceiptCode.Generate()));
            Assert.Null(await mailbox.LoginWithCodeAsync("not a code"));
            Assert.Null(await mailbox.LoginWithLookupTokenAsync(new byte[32]));
            return true;
        });
    }

    [Fact]
    public async Task Session_AfterTheIdleTimeout_IsGone()
    {
        var filed = await InScope(async sp =>
        {
            var intake = sp.GetRequiredService<ReportIntake>();
            return await intake.FilePlainAsync(await intake.GetChannelAsync(DemoData.NordlysSlug, "varsling"), Report("Idle session"));
        });
        var session = await InScope(sp => sp.GetRequiredService<ReporterMailbox>().LoginWithCodeAsync(filed.ReceiptCode!));

        _clock.Advance(TimeSpan.FromMinutes(21));
        var resumed = await InScope(sp => sp.GetRequiredService<ReporterMailbox>().ResumeAsync(session!.SessionId, session.SessionKey));

        Assert.Null(resumed);
    }

    [Fact]
    public async Task ExpiredUploadsAndSessions_ArePurged_AndLiveOnesKept()
    {
        var staleId = Guid.NewGuid();
        await InScope(sp => sp.GetRequiredService<UploadStore>().BeginAsync(staleId, ChunkedFile.CreateHeader(staleId, 16), default));
        _clock.Advance(TimeSpan.FromHours(25));
        var freshId = Guid.NewGuid();
        await InScope(sp => sp.GetRequiredService<UploadStore>().BeginAsync(freshId, ChunkedFile.CreateHeader(freshId, 16), default));

        var purged = await InScope(sp => sp.GetRequiredService<UploadStore>().PurgeExpiredAsync(default));
        var sessions = await InScope(sp => sp.GetRequiredService<ReporterMailbox>().PurgeExpiredSessionsAsync());

        Assert.True(purged >= 1);
        Assert.True(sessions >= 0);
        await using var db = _handler.Context(database.ConnectionString);
        Assert.False(await db.Uploads.AnyAsync(u => u.Id == staleId));
        Assert.True(await db.Uploads.AnyAsync(u => u.Id == freshId));
    }
}
