using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Core.Deadlines;
using Varsling.Core.Notifications;
using Varsling.Core.Organisations;

namespace Varsling.Core.Privacy;

/// <summary>
/// Tells an organisation's legal team and administrators when an unanswered data-subject request's deadline nears,
/// arrives or passes, at the same offsets as case deadlines (the organisation's own, else configuration). Works
/// across organisations, as the Worker's reminder job. The e-mail names the request's reference and due date and
/// links to the register — never who asked or what about. Each reminder is recorded after it was sent, so a crash
/// between the two sends it again rather than never.
/// </summary>
public sealed partial class RequestReminders(
    VarslingDbContext db, Mailer mailer, IOptions<ReminderOptions> options, IOptions<MailOptions> mail, TimeProvider time,
    ILogger<RequestReminders> logger)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var open = await (
                from r in db.DataSubjectRequests.IgnoreQueryFilters()
                join e in db.LegalEntities.IgnoreQueryFilters() on r.LegalEntityId equals e.Id
                join org in db.Organisations on r.OrganisationId equals org.Id
                where r.Status != DataSubjectRequestStatus.Completed
                select new { r.Id, r.OrganisationId, r.Reference, r.Due, e.JurisdictionCode, org.ReminderOffsetDays })
            .AsNoTracking()
            .ToListAsync(ct);
        var sent = (await db.SentRequestReminders.IgnoreQueryFilters().AsNoTracking()
                .Select(s => new { s.RequestId, s.Due, s.OffsetDays }).ToListAsync(ct))
            .Select(s => (s.RequestId, s.Due, s.OffsetDays))
            .ToHashSet();

        // One SMTP connection for the whole run (opened only if a reminder is due).
        await using var batch = mailer.OpenBatch();
        var count = 0;
        foreach (var request in open)
        {
            var today = Jurisdictions.Get(request.JurisdictionCode).LocalDate(now);
            var offsets = request.ReminderOffsetDays ?? options.Value.OffsetDays;
            // A reminder is due from the start of its local day (due date + offset), like the case reminders.
            foreach (var offset in offsets.Where(o => today >= request.Due.AddDays(o)).Order())
            {
                if (sent.Contains((request.Id, request.Due, offset)))
                {
                    continue;
                }

                var recipients = await RecipientsAsync(request.OrganisationId, ct);
                var sentToAll = true;
                foreach (var email in recipients)
                {
                    try
                    {
                        await batch.SendAsync(email, Subject, Body(request.Reference, request.Due, offset), ct);
                    }
                    catch (MailNotSentException)
                    {
                        sentToAll = false;
                    }
                }

                if (!sentToAll)
                {
                    // Not recorded, so the next run tries again; the other reminders still go out.
                    LogNotSent(logger, request.Id, offset);
                    continue;
                }

                db.Add(new SentRequestReminder(request.OrganisationId, request.Id, request.Due, offset, recipients.Count, now));
                await db.SaveChangesAsync(ct);
                LogSent(logger, request.Id, offset, recipients.Count);
                count++;
            }
        }

        return count;
    }

    public const string Subject = "Varsling: en personvernforespørsel venter på svar / a data-subject request awaits an answer";

    /// <summary>The organisation's legal-team members and administrators who are not deactivated.</summary>
    private async Task<List<string>> RecipientsAsync(Guid organisationId, CancellationToken ct)
    {
        var roles = await db.Roles.Where(r => r.Name == Roles.Legal || r.Name == Roles.Admin).Select(r => r.Id).ToListAsync(ct);
        return await (
                from u in db.Users.Where(Administration.IsActive)
                join ur in db.UserRoles on u.Id equals ur.UserId
                where u.OrganisationId == organisationId && roles.Contains(ur.RoleId) && u.Email != null
                select u.Email!)
            .Distinct()
            .ToListAsync(ct);
    }

    /// <summary>The whole message: the request's reference, its due date and the link. Nothing about the person or the request's content.</summary>
    internal string Body(string reference, DateOnly dueDate, int offsetDays)
    {
        var due = dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (nb, en) = offsetDays > 0
            ? ($"Fristen gikk ut {due}.", $"Its deadline passed on {due}.")
            : ($"Fristen er {due}.", $"It is due by {due}.");
        var link = mail.Value.BackofficeBaseUrl.TrimEnd('/');
        return $"""
            Personvernforespørsel {reference} er ikke besvart. {nb}
            Åpne registeret: {link}/nb/privacy/requests

            Data-subject request {reference} has not been answered. {en}
            Open the register: {link}/en/privacy/requests

            Denne e-posten inneholder med vilje ingen opplysninger om hvem som spør eller hva forespørselen gjelder.
            This e-mail deliberately says nothing about who asked or what the request is about.
            """;
    }

    [LoggerMessage(EventId = 6402, Level = LogLevel.Warning, Message = "Reminder {OffsetDays} for data-subject request {RequestId} not sent; it is tried again on the next run")]
    private static partial void LogNotSent(ILogger logger, Guid requestId, int offsetDays);

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Reminder {OffsetDays} for data-subject request {RequestId} sent to {Recipients} recipient(s)")]
    private static partial void LogSent(ILogger logger, Guid requestId, int offsetDays, int recipients);
}
