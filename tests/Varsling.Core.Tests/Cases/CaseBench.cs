using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Testing;

namespace Varsling.Core.Tests.Cases;

/// <summary>
/// Core services over a migrated database in the Nordlys organisation, with intent methods for the case-work
/// tests: channels with an exact set of handlers, reports filed as the no-JavaScript form files them.
/// </summary>
internal sealed class CaseBench(string connectionString, FakeTimeProvider clock, ServiceProvider services, Guid organisationId) : IAsyncDisposable
{
    public string ConnectionString => connectionString;
    public FakeTimeProvider Clock => clock;
    public Guid OrganisationId => organisationId;

    public static async Task<CaseBench> CreateAsync(string connectionString, FakeTimeProvider clock)
    {
        await using (var seed = TestDb.Create(connectionString))
        {
            await new DemoData(seed, clock).SeedAsync();
        }

        await using var db = TestDb.Create(connectionString);
        var org = await db.Organisations.Where(o => o.Slug == DemoData.NordlysSlug).Select(o => o.Id).SingleAsync();
        return new CaseBench(connectionString, clock, CoreServices.Build(connectionString, clock), org);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisationId);
        return await work(scope.ServiceProvider);
    }

    public Task InScope(Func<IServiceProvider, Task> work) => InScope(async sp =>
    {
        await work(sp);
        return true;
    });

    /// <summary>A new handler with a key pair, recipient of a fresh channel only.</summary>
    public Task<TestHandler> HandlerAsync() => Handlers.AddRecipientAsync(connectionString, DemoData.NordlysSlug, "varsling");

    /// <summary>A new channel whose cases are sealed to exactly <paramref name="handlers"/>.</summary>
    public async Task<string> ChannelAsync(ChannelKind kind, params TestHandler[] handlers)
    {
        var slug = await Handlers.AddChannelAsync(connectionString, organisationId, kind);
        foreach (var h in handlers)
        {
            await h.AddToChannelAsync(connectionString, slug);
        }

        return slug;
    }

    /// <summary>Files a report on the channel through Core's intake, with the files given (staged as the form stages them).</summary>
    public Task<FiledReport> FileAsync(string channelSlug, string what, params (string Name, byte[] Content)[] files) => InScope(async sp =>
    {
        var intake = sp.GetRequiredService<ReportIntake>();
        var channel = await intake.GetChannelAsync(DemoData.NordlysSlug, channelSlug);
        var staged = new List<PlainFile>();
        foreach (var (name, content) in files)
        {
            staged.Add(await Uploads.StageAsync(sp, content, name));
        }

        return await intake.FilePlainAsync(channel, new PlainReport(null,
            new ReportAnswers(what, null, null, null, null, staged.Select(f => f.Mention).ToList()), new ReporterIdentity(null, null), staged));
    });

    /// <summary>Logs in with the receipt code as the no-JavaScript mailbox does and runs <paramref name="work"/> on the opened session.</summary>
    public Task<T> AsReporterAsync<T>(string receiptCode, Func<ReporterMailbox, ReporterSessionState, Task<T>> work) => InScope(async sp =>
    {
        var mailbox = sp.GetRequiredService<ReporterMailbox>();
        var session = await mailbox.LoginWithCodeAsync(receiptCode) ?? throw new Xunit.Sdk.XunitException("The receipt code was not accepted.");
        using var state = await mailbox.ResumeAsync(session.SessionId, session.SessionKey) ?? throw new Xunit.Sdk.XunitException("No mailbox session.");
        return await work(mailbox, state);
    });

    public VarslingDbContext Db() => TestDb.Create(connectionString, organisationId);
}
