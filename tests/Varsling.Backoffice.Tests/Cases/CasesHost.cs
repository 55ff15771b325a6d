using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Cases;

/// <summary>A handler signed in on their own session, as the test arranged them.</summary>
public sealed record SignedInHandler(BackofficeSession Session, EnrolledAccount Account, Guid UserId, Guid OrganisationId) : IDisposable
{
    public void Dispose() => Session.Dispose();
}

/// <summary>
/// The back office on real Kestrel over the demo organisations, with intent methods: people who are or are not a
/// channel's handlers, reports filed through Core's intake (the no-JavaScript path), and the reporter's mailbox.
/// </summary>
public sealed class CasesHost : WebHostFixture<Program>
{
    public const string Nordlys = DemoData.NordlysSlug;
    public const string Fjellberg = DemoData.FjellbergSlug;

    /// <summary>Nordlys's Swedish channel, which does not acknowledge automatically.</summary>
    public const string ManualChannel = "visselblasning";

    private readonly SemaphoreSlim _seed = new(1, 1);
    private bool _seeded;

    public BackofficeSession Session(string language = "nb") =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        }, Clock, language);

    /// <summary>A person enrolled and signed in; when <paramref name="channelSlug"/> is given, new cases of that channel are sealed to them.</summary>
    public Task<SignedInHandler> HandlerAsync(string organisationSlug, string? channelSlug, string language = "nb") =>
        PersonAsync(organisationSlug, Roles.Handler, channelSlug, language);

    /// <summary>A person in <paramref name="role"/>, enrolled and signed in; a channel makes them its recipient as for a handler.</summary>
    public async Task<SignedInHandler> PersonAsync(string organisationSlug, string role, string? channelSlug = null, string language = "nb")
    {
        await SeedAsync();
        var email = $"h{Guid.NewGuid():N}@example.org";
        CreatedUser created;
        await using (var scope = Services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(organisationSlug, email, "Kari Handler", role);
        }

        var session = Session(language);
        var account = await session.EnrolAsync(email, created.InitialPassword, "a long and private passphrase");
        var orgId = await OrganisationIdAsync(organisationSlug);
        if (channelSlug is not null)
        {
            await using var db = TestDb.Create(ConnectionString, orgId);
            var channel = await db.Channels.SingleAsync(c => c.Slug == channelSlug);
            db.ChannelRecipients.Add(new ChannelRecipient(Guid.NewGuid(), orgId, channel.Id, created.UserId));
            await db.SaveChangesAsync();
        }

        return new SignedInHandler(session, account, created.UserId, orgId);
    }

    /// <summary>
    /// Posts <paramref name="fields"/> to <paramref name="target"/> with the antiforgery token of the page's logout
    /// form, as a stale or forged form would: the token is the person's, the step is one the page may not offer.
    /// </summary>
    public static Task<HttpResponseMessage> PostAsync(BackofficeSession session, AngleSharp.Html.Dom.IHtmlDocument page, string target,
        IReadOnlyDictionary<string, string> fields)
    {
        var token = page.QuerySelector($"input[name='{BackofficeSession.AntiforgeryField}']")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("The page carries no antiforgery token.");
        var values = new Dictionary<string, string>(fields) { [BackofficeSession.AntiforgeryField] = token };
        // The case version the page was rendered from, as every case form carries it, unless the test sets its own.
        if (!values.ContainsKey("Input.Version") && page.QuerySelector("input[name='Input.Version']")?.GetAttribute("value") is { } version)
        {
            values["Input.Version"] = version;
        }

        return session.Client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Files a report through Core's intake as the no-JavaScript form does, with one attachment.</summary>
    public async Task<FiledReport> FileReportAsync(string organisationSlug, string channelSlug, string what, ReporterIdentity identity, byte[] file, string fileName)
    {
        await SeedAsync();
        await using var scope = Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ReportIntake>();
        var channel = await intake.GetChannelAsync(organisationSlug, channelSlug);
        var staged = await Uploads.StageAsync(scope.ServiceProvider, file, fileName);
        return await intake.FilePlainAsync(channel, new PlainReport(null,
            new ReportAnswers(what, "Last week", "Warehouse 3", "A manager", "I saw it", [staged.Mention]), identity, [staged]));
    }

    /// <summary>What the reporter sees in the mailbox, logged in with the receipt code.</summary>
    public async Task<OpenedMailbox> ReporterMailboxAsync(string organisationSlug, string receiptCode)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(await OrganisationIdAsync(organisationSlug));
        var mailbox = scope.ServiceProvider.GetRequiredService<ReporterMailbox>();
        var session = await mailbox.LoginWithCodeAsync(receiptCode) ?? throw new Xunit.Sdk.XunitException("The receipt code was not accepted.");
        using var state = await mailbox.ResumeAsync(session.SessionId, session.SessionKey) ?? throw new Xunit.Sdk.XunitException("No mailbox session.");
        return await mailbox.OpenAsync(state.CaseId, state.Key!);
    }

    /// <summary>The reporter agrees to the minutes of their oral report in the mailbox, logged in with the receipt code.</summary>
    public async Task AgreeToMinutesAsync(string organisationSlug, string receiptCode)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(await OrganisationIdAsync(organisationSlug));
        var mailbox = scope.ServiceProvider.GetRequiredService<ReporterMailbox>();
        var session = await mailbox.LoginWithCodeAsync(receiptCode) ?? throw new Xunit.Sdk.XunitException("The receipt code was not accepted.");
        using var state = await mailbox.ResumeAsync(session.SessionId, session.SessionKey) ?? throw new Xunit.Sdk.XunitException("No mailbox session.");
        await mailbox.AgreeToMinutesAsync(state.CaseId);
    }

    /// <summary>The reporter writes a message with one file in the mailbox (the no-JavaScript path).</summary>
    public async Task ReporterPostsAsync(string organisationSlug, string receiptCode, string text, byte[] file, string fileName)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(await OrganisationIdAsync(organisationSlug));
        var mailbox = scope.ServiceProvider.GetRequiredService<ReporterMailbox>();
        var session = await mailbox.LoginWithCodeAsync(receiptCode) ?? throw new Xunit.Sdk.XunitException("The receipt code was not accepted.");
        using var state = await mailbox.ResumeAsync(session.SessionId, session.SessionKey) ?? throw new Xunit.Sdk.XunitException("No mailbox session.");
        var staged = await Uploads.StageAsync(scope.ServiceProvider, file, fileName);
        await mailbox.PostPlainAsync(state.CaseId, state.Key!, text, [staged]);
    }

    /// <summary>A new channel of the organisation with no handlers yet; returns its slug.</summary>
    public async Task<string> ChannelAsync(string organisationSlug, ChannelKind kind)
    {
        await SeedAsync();
        return await Handlers.AddChannelAsync(ConnectionString, await OrganisationIdAsync(organisationSlug), kind,
            organisationSlug == Nordlys ? "varsling" : "visselblasning");
    }

    /// <summary>How many key grants the person holds for the case.</summary>
    public async Task<int> GrantCountAsync(Guid caseId, Guid userId)
    {
        await using var db = TestDb.Create(ConnectionString);
        return await db.CaseKeyGrants.IgnoreQueryFilters().CountAsync(g => g.CaseId == caseId && g.UserId == userId);
    }

    public async Task<(int Attachments, int Chunks)> FileRowsAsync(Guid caseId)
    {
        await using var db = TestDb.Create(ConnectionString);
        var ids = await db.Attachments.IgnoreQueryFilters().Where(a => a.CaseId == caseId).Select(a => a.Id).ToListAsync();
        return (ids.Count, await db.AttachmentChunks.IgnoreQueryFilters().CountAsync(c => ids.Contains(c.AttachmentId)));
    }

    public async Task<Core.Cases.Case> CaseAsync(Guid caseId)
    {
        await using var db = TestDb.Create(ConnectionString);
        return await db.Cases.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    public async Task<List<AuditEvent>> AuditAsync(Guid caseId)
    {
        await using var db = TestDb.Create(ConnectionString);
        return await db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<int> RecordCountAsync(Guid caseId)
    {
        await using var db = TestDb.Create(ConnectionString);
        return await db.CaseRecords.IgnoreQueryFilters().CountAsync(r => r.CaseId == caseId);
    }

    public async Task<List<AuditEvent>> AuditByAsync(Guid userId)
    {
        await using var db = TestDb.Create(ConnectionString);
        return await db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.ActorId == userId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<Guid> OrganisationIdAsync(string slug)
    {
        await using var db = TestDb.Create(ConnectionString);
        return await db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
    }

    private async Task SeedAsync()
    {
        await _seed.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await using var db = TestDb.Create(ConnectionString);
                await new DemoData(db, Clock).SeedAsync();
                _seeded = true;
            }
        }
        finally
        {
            _seed.Release();
        }
    }
}
