using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Testing;

namespace Varsling.Intake.Tests;

/// <summary>
/// A handler registered an oral report; the reporter logs in with the code they were handed, finds the minutes
/// marked for checking, and agrees to them once — over plain HTTP, the no-JavaScript mailbox.
/// </summary>
public sealed class AgreeingToOralMinutes(IntakeHost host) : IClassFixture<IntakeHost>, IAsyncLifetime
{
    private TestHandler _handler = null!;

    public async Task InitializeAsync() => _handler = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, "varsling");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reporter_SeesTheMinutesMarked_AndAgreesOnce()
    {
        FiledReport filed;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(_handler.OrganisationId);
            await using var db = _handler.Context(host.ConnectionString);
            var channel = await db.Channels.SingleAsync(c => c.Slug == "varsling");
            filed = await scope.ServiceProvider.GetRequiredService<OralReports>().RegisterAsync(_handler.UserId, new OralReport(channel.Id, null,
                ReportMedium.Phone, DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime), "Caller reports unsafe scaffolding at site 7.",
                new ReporterIdentity(null, null)));
        }

        using var client = host.CreateClient();
        var login = await IntakeForms.LoginAsync(client, filed.ReceiptCode!);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var mailbox = await client.GetStringAsync("/en/nordlys/mailbox/case");
        Assert.Contains("Minutes of your oral report", mailbox, StringComparison.Ordinal);
        Assert.Contains("Caller reports unsafe scaffolding at site 7.", mailbox, StringComparison.Ordinal);
        Assert.Contains("id=\"agree-form\"", mailbox, StringComparison.Ordinal);

        var agree = await client.PostAsync("/en/nordlys/mailbox/agree", new FormUrlEncodedContent([new("__af", IntakeForms.Token(mailbox))]));
        Assert.Equal(HttpStatusCode.Redirect, agree.StatusCode);
        var after = await client.GetStringAsync("/en/nordlys/mailbox/case");
        Assert.Contains("You agreed to the minutes of your oral report.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"agree-form\"", after, StringComparison.Ordinal);

        var twice = await client.PostAsync("/en/nordlys/mailbox/agree", new FormUrlEncodedContent([new("__af", IntakeForms.Token(after))]));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        await using var check = _handler.Context(host.ConnectionString);
        Assert.Equal(1, await check.CaseRecords.CountAsync(r => r.CaseId == filed.CaseId && r.TemplateId == SystemTemplates.MinutesAgreed));
    }
}
