using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Messaging;

namespace Varsling.Core.Reports;

/// <summary>A channel a handler may register an oral report on: one whose cases are sealed to them.</summary>
public sealed record RegistrationChannel(Guid Id, string Name, IReadOnlyList<CategoryChoice> Categories);

/// <summary>
/// An oral report as the handler writes it down: where and how it came, when, the complete and accurate minutes
/// or transcript, and the reporter's identity if they gave it.
/// </summary>
public sealed record OralReport(Guid ChannelId, Guid? CategoryId, ReportMedium Medium, DateOnly Date, string Minutes, ReporterIdentity Identity);

/// <summary>
/// Registers reports made by phone or in a meeting (Directive Art. 9(2), 18(2)–(4)) on the reporter's behalf. The
/// case is filed by <see cref="ReportIntake"/>'s server-side sealing, exactly as a no-JavaScript report: the minutes
/// become the report's answers under the shared key, the identity goes under the identity key, a reporter key
/// pair and receipt code are made, and the code is returned once for the handler to hand over. The reporter
/// checks the minutes in the anonymous mailbox and agrees or replies with corrections.
/// </summary>
public sealed partial class OralReports(VarslingDbContext db, ReportIntake intake, AuditLog audit, TimeProvider time, ILogger<OralReports> logger)
{
    /// <summary>The channels of the current organisation whose cases are sealed to the person, by name.</summary>
    public async Task<IReadOnlyList<RegistrationChannel>> ChannelsAsync(Guid userId, CancellationToken ct = default)
    {
        var mine = db.ChannelRecipients.Where(r => r.UserId == userId).Select(r => r.ChannelId);
        var channels = await db.Channels.AsNoTracking().Include(c => c.Categories).Where(c => mine.Contains(c.Id) && c.IsOpen)
            .OrderBy(c => c.Name).ToListAsync(ct);
        return channels.Select(c => new RegistrationChannel(c.Id, c.Name,
            c.Categories.OrderBy(x => x.SortOrder).Select(x => new CategoryChoice(x.Id, x.Name)).ToList())).ToList();
    }

    /// <summary>
    /// Files the oral report as a case of the channel, received on <see cref="OralReport.Date"/> (today: now; an
    /// earlier day: the start of that day in the legal entity's time zone, so the clock runs from the day the report
    /// was made). The registering person must be one of the channel's handlers, so they can read what they filed.
    /// The returned <see cref="FiledReport.ReceiptCode"/> is the only copy: show it once, never store or log it.
    /// </summary>
    public async Task<FiledReport> RegisterAsync(Guid userId, OralReport report, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(report.Medium))
        {
            throw new RuleViolationException("Choose how the report was made.");
        }

        if (string.IsNullOrWhiteSpace(report.Minutes))
        {
            throw new RuleViolationException("Write the minutes or the transcript of the oral report.");
        }

        var channel = await db.Channels.AsNoTracking().Include(c => c.LegalEntity).SingleOrDefaultAsync(c => c.Id == report.ChannelId, ct)
            ?? throw new RuleViolationException("Choose one of your channels.");
        var orgSlug = await db.Organisations.AsNoTracking().Where(o => o.Id == channel.OrganisationId).Select(o => o.Slug).SingleAsync(ct);
        var intakeChannel = await intake.GetChannelAsync(orgSlug, channel.Slug, ct);
        if (!intakeChannel.Recipients.Any(r => r.UserId == userId))
        {
            throw new RuleViolationException("You can register reports only on channels whose cases are sealed to you.");
        }

        var jurisdiction = Jurisdictions.Get(channel.LegalEntity!.JurisdictionCode);
        var now = time.GetUtcNow();
        var today = jurisdiction.LocalDate(now);
        if (report.Date > today)
        {
            throw new RuleViolationException("The date of the oral report cannot be in the future.");
        }

        var receivedAt = report.Date == today ? now : jurisdiction.StartOfDayUtc(report.Date);
        var answers = new ReportAnswers(report.Minutes.Trim(), null, null, null, null, []);
        var identity = new ReporterIdentity(Blank(report.Identity.Name), Blank(report.Identity.Contact));
        var filed = await intake.FileOralAsync(intakeChannel, new PlainReport(report.CategoryId, answers, identity, []),
            new OralFiling(report.Medium, receivedAt, c => audit.AppendAsync(
                new AuditEntry(c.OrganisationId, AuditActor.User(userId), AuditAction.OralReportRegistered, c.Id, $"medium {report.Medium}"), ct)), ct);
        LogRegistered(logger, filed.CaseId, userId, report.Medium);
        return filed;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Handler {UserId} registered an oral report ({Medium}) as case {CaseId}")]
    private static partial void LogRegistered(ILogger logger, Guid caseId, Guid userId, ReportMedium medium);
}
