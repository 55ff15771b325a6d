using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Testing;
using Varsling.Worker.Jobs;

namespace Varsling.Worker.Tests.Jobs;

/// <summary>
/// The reminder job against a real SMTP listener on loopback: a report filed on the Swedish channel on Mon 10 Mar
/// 2025 (acknowledgement due Mon 17 Mar) has its first reminder due on Sat 15 Mar, to the channel's two handlers.
/// </summary>
public sealed class DeadlineReminderJobTests
{
    private static readonly DateTimeOffset s_filed = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_reminderDay = new(2025, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private sealed record Setup(string ConnectionString, FakeTimeProvider Clock, Guid CaseId, IReadOnlyList<Guid> Handlers);

    private static async Task<Setup> FileAReportAsync()
    {
        var connectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();
        var clock = new FakeTimeProvider(s_filed);
        var first = await Handlers.AddRecipientAsync(connectionString, DemoData.NordlysSlug, "visselblasning");
        var second = await Handlers.AddRecipientAsync(connectionString, DemoData.NordlysSlug, "visselblasning");
        await using var services = CoreServices.Build(connectionString, clock);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(first.OrganisationId);
        var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
        var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, "visselblasning");
        var filed = await intake.FilePlainAsync(channel, new PlainReport(null,
            new ReportAnswers("Reminder canary text", null, null, null, null, []), new ReporterIdentity(null, null), []));
        clock.SetUtcNow(s_reminderDay);
        return new Setup(connectionString, clock, filed.CaseId, [first.UserId, second.UserId]);
    }

    private static async Task<JobOutcome> TickAsync(Setup setup, Dictionary<string, string?> mail, CapturedLogs logs)
    {
        var settings = mail.ToDictionary(kv => "Mail:" + kv.Key, kv => kv.Value);
        settings["Mail:BackofficeBaseUrl"] = "https://backoffice.example.org";
        await using var services = CoreServices.Build(setup.ConnectionString, setup.Clock, logs, settings);
        var job = new DeadlineReminderJob(services.GetRequiredService<IServiceScopeFactory>(), setup.Clock,
            services.GetRequiredService<ILogger<DeadlineReminderJob>>());
        return await job.TickAsync(CancellationToken.None);
    }

    private static async Task<int> RemindersRecordedAsync(Setup setup)
    {
        await using var db = TestDb.Create(setup.ConnectionString);
        return await db.SentReminders.IgnoreQueryFilters().CountAsync(r => r.CaseId == setup.CaseId);
    }

    [Fact]
    public async Task DueReminders_GoToEveryHandler_OverOneSmtpConnection()
    {
        var setup = await FileAReportAsync();
        await using var smtp = SmtpListener.Start();

        var outcome = await TickAsync(setup, new() { ["SmtpHost"] = "127.0.0.1", ["SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Security"] = "None" }, new CapturedLogs());

        Assert.Equal(JobOutcome.Completed, outcome);
        var to = smtp.Received.SelectMany(m => m.EnvelopeTo).ToList();
        foreach (var handler in setup.Handlers)
        {
            Assert.Contains($"handler-{handler.ToString("N")[..8]}@example.org", to);
        }

        Assert.Equal(1, smtp.Sessions);
        Assert.All(smtp.Received, m => Assert.Equal(Core.Deadlines.DeadlineReminders.Subject, m.Message.Subject));
        Assert.All(smtp.Received, m => Assert.DoesNotContain("canary", m.Message.TextBody, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await RemindersRecordedAsync(setup));
    }

    [Fact]
    public async Task AnUnreachableRelay_IsLoggedWithoutContent_TheJobCarriesOn_AndTheReminderIsTriedAgain()
    {
        var setup = await FileAReportAsync();
        var logs = new CapturedLogs();
        var port = SmtpListener.FreePort();
        var mail = new Dictionary<string, string?> { ["SmtpHost"] = "127.0.0.1", ["SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Security"] = "None", ["TimeoutSeconds"] = "5" };

        Assert.Equal(JobOutcome.Completed, await TickAsync(setup, mail, logs));

        Assert.Equal(0, await RemindersRecordedAsync(setup));
        Assert.Contains("Mail connection failed with", logs.AllText, StringComparison.Ordinal);
        Assert.Contains($"for case {setup.CaseId} not sent; it is tried again on the next run", logs.AllText, StringComparison.Ordinal);
        Assert.Contains("Job deadline-reminders completed", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", logs.AllText, StringComparison.OrdinalIgnoreCase);

        // The relay is back: the next run sends what the failed one could not.
        await using var smtp = SmtpListener.Start();
        mail["SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(JobOutcome.Completed, await TickAsync(setup, mail, new CapturedLogs()));
        Assert.Equal(1, await RemindersRecordedAsync(setup));
        Assert.True(smtp.Received.Count >= 2);
    }
}
