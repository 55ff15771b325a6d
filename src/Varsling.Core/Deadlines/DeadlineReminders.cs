using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Organisations;
using Varsling.Core.Notifications;

namespace Varsling.Core.Deadlines;

/// <summary>
/// Tells each case's handlers (the recipients of its channel) when a deadline nears, arrives or passes, and before
/// a closed case is purged. Works across organisations, as the Worker's job. Every e-mail says only that a case
/// needs attention, which deadline and when, and links to it — never content. Each reminder is recorded after it
/// was sent, so a crash between the two sends it again rather than never (a duplicate is harmless; a miss is not).
/// </summary>
public sealed partial class DeadlineReminders(
    VarslingDbContext db, Mailer mailer, IOptions<ReminderOptions> options, IOptions<MailOptions> mail, TimeProvider time,
    ILogger<DeadlineReminders> logger)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var o = options.Value;

        // Narrow in SQL to the cases that could have a reminder due today under any organisation's offsets: a
        // superset (the latest local date anywhere is at most a day past UTC's, the earliest offset and the longest
        // purge notice of all organisations apply), so the schedule below still decides and nothing is missed,
        // while closed cases far from purge and open cases far from their deadlines are never loaded.
        var settings = await db.Organisations.AsNoTracking().Select(org => new { org.ReminderOffsetDays, org.PurgeNoticeDays }).ToListAsync(ct);
        var earliestOffset = settings.SelectMany(x => x.ReminderOffsetDays ?? []).Concat(o.OffsetDays).Min();
        var longestNotice = settings.Select(x => x.PurgeNoticeDays ?? o.PurgeNoticeDays).Append(o.PurgeNoticeDays).Max();
        var latestToday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        var deadlineBy = latestToday.AddDays(-earliestOffset);
        var purgeBy = latestToday.AddDays(longestNotice);
        var cases = await (
                from c in db.Cases.IgnoreQueryFilters()
                join e in db.LegalEntities.IgnoreQueryFilters() on c.LegalEntityId equals e.Id
                join org in db.Organisations on c.OrganisationId equals org.Id
                where c.Status != CaseStatus.Purged
                      && (c.Status == CaseStatus.Closed
                          ? c.PurgeDue != null && c.PurgeDue <= purgeBy && c.LegalHoldReason == null
                          : (c.AcknowledgedAt == null && c.AcknowledgementDue <= deadlineBy) || (c.FeedbackGivenAt == null && c.FeedbackDue <= deadlineBy))
                select new { Case = c, e.JurisdictionCode, org.ReminderOffsetDays, org.PurgeNoticeDays })
            .AsNoTracking()
            .ToListAsync(ct);
        var caseIds = cases.Select(x => x.Case.Id).ToList();
        var sent = (await db.SentReminders.IgnoreQueryFilters().AsNoTracking().Where(r => caseIds.Contains(r.CaseId))
                .Select(r => new { r.CaseId, r.Kind, r.Due, r.OffsetDays }).ToListAsync(ct))
            .Select(r => (r.CaseId, new Reminder(r.Kind, r.Due, r.OffsetDays)))
            .ToHashSet();

        // One SMTP connection for the whole run (opened only if a reminder is due).
        await using var batch = mailer.OpenBatch();
        var count = 0;
        foreach (var row in cases)
        {
            var c = row.Case;
            var input = new ReminderInput(c.AcknowledgementDue, c.AcknowledgedAt is not null, c.FeedbackDue, c.FeedbackGivenAt is not null,
                c.Status == CaseStatus.Closed, c.PurgeDue, c.OnLegalHold);
            foreach (var reminder in ReminderSchedule.Due(input, Jurisdictions.Get(row.JurisdictionCode), now,
                         row.ReminderOffsetDays ?? o.OffsetDays, row.PurgeNoticeDays ?? o.PurgeNoticeDays))
            {
                if (sent.Contains((c.Id, reminder)))
                {
                    continue;
                }

                var recipients = await RecipientsAsync(c.ChannelId, ct);
                if (!await SendAllAsync(batch, recipients, Body(c.Id, reminder), ct))
                {
                    // Not recorded, so the next run tries again; the other reminders still go out.
                    LogNotSent(logger, c.Id, reminder.Kind, reminder.OffsetDays);
                    continue;
                }

                db.Add(new SentReminder(c.OrganisationId, c.Id, reminder, recipients.Count, now));
                await db.SaveChangesAsync(ct);
                LogSent(logger, c.Id, reminder.Kind, reminder.OffsetDays, recipients.Count);
                count++;
            }
        }

        return count;
    }

    public const string Subject = "Varsling: en sak trenger oppmerksomhet / a case needs attention";

    private async Task<List<string>> RecipientsAsync(Guid channelId, CancellationToken ct) => await (
            from r in db.ChannelRecipients.IgnoreQueryFilters()
            join u in db.Users.Where(Administration.IsActive) on r.UserId equals u.Id
            where r.ChannelId == channelId && u.Email != null
            select u.Email!)
        .Distinct()
        .ToListAsync(ct);

    /// <summary>The whole message: which deadline, its date, and the link. Nothing from the case's content.</summary>
    internal string Body(Guid caseId, Reminder reminder)
    {
        var due = reminder.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (nb, en) = reminder.Kind switch
        {
            ReminderKind.Acknowledgement => ($"Bekreftelse av mottak skal sendes senest {due}.", $"Acknowledgement of receipt is due by {due}."),
            ReminderKind.Feedback => ($"Tilbakemelding til varsleren skal gis senest {due}.", $"Feedback to the reporter is due by {due}."),
            ReminderKind.Purge => ($"Saken slettes {due} etter at oppbevaringstiden er ute.", $"The case will be purged on {due} when its retention period ends."),
        };
        var link = mail.Value.BackofficeBaseUrl.TrimEnd('/');
        return $"""
            En varslingssak trenger oppmerksomhet. {nb}
            Åpne saken: {link}/nb/cases/{caseId}

            A whistleblowing case needs attention. {en}
            Open the case: {link}/en/cases/{caseId}

            Denne e-posten inneholder med vilje ingen opplysninger om saken.
            This e-mail deliberately contains no details of the case.
            """;
    }

    /// <summary>Sends the message to every recipient; false when any of them was not sent (the failure is logged by the mailer).</summary>
    private static async Task<bool> SendAllAsync(Mailer.MailBatch batch, List<string> recipients, string body, CancellationToken ct)
    {
        var all = true;
        foreach (var email in recipients)
        {
            try
            {
                await batch.SendAsync(email, Subject, body, ct);
            }
            catch (MailNotSentException)
            {
                all = false;
            }
        }

        return all;
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Reminder {Kind} {OffsetDays} for case {CaseId} not sent; it is tried again on the next run")]
    private static partial void LogNotSent(ILogger logger, Guid caseId, ReminderKind kind, int offsetDays);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Reminder {Kind} {OffsetDays} for case {CaseId} sent to {Recipients} recipient(s)")]
    private static partial void LogSent(ILogger logger, Guid caseId, ReminderKind kind, int offsetDays, int recipients);
}
