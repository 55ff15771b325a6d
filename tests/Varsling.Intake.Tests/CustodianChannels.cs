using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Access;
using Varsling.Core.Organisations;
using Varsling.Crypto;
using Varsling.Testing;

namespace Varsling.Intake.Tests;

/// <summary>
/// A channel whose reporter identities are held by custodians: the report page tells the browser which key kinds
/// each recipient receives, and the no-JavaScript path wraps the identity key to custodians only.
/// </summary>
public sealed partial class CustodianChannels(IntakeHost host) : IClassFixture<IntakeHost>
{
    private const string Channel = "visselblasning";

    private async Task<(TestHandler Custodian, TestHandler Handler)> CustodianChannelAsync()
    {
        var custodian = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, Channel);
        var handler = await Handlers.AddRecipientAsync(host.ConnectionString, DemoData.NordlysSlug, Channel);
        await using var db = custodian.Context(host.ConnectionString);
        var channel = await db.Channels.SingleAsync(c => c.Slug == Channel);
        channel.SetIdentityHeldByCustodians(true);
        var members = await db.ChannelRecipients.Where(r => r.ChannelId == channel.Id && r.UserId != handler.UserId).Select(r => r.UserId).ToListAsync();
        var existing = await db.ChannelCustodians.Where(c => c.ChannelId == channel.Id).Select(c => c.UserId).ToListAsync();
        db.ChannelCustodians.AddRange(members.Except(existing).Select(m => new ChannelCustodian(Guid.NewGuid(), custodian.OrganisationId, channel.Id, m)));
        await db.SaveChangesAsync();
        return (custodian, handler);
    }

    [Fact]
    public async Task ReportPage_TellsTheBrowserToLeaveTheIdentityKeyOutForNonCustodians()
    {
        var (custodian, handler) = await CustodianChannelAsync();
        using var client = host.CreateClient();

        var html = await client.GetStringAsync($"/en/nordlys/{Channel}/report");

        var entries = RecipientsAttribute().Match(html).Groups[1].Value.Split(',').Select(e => e.Split(':')).ToDictionary(e => Guid.Parse(e[0]), e => e[2]);
        Assert.Equal("1234", entries[custodian.UserId]);
        Assert.Equal("134", entries[handler.UserId]);
    }

    [Fact]
    public async Task FileWithoutJavaScript_WrapsTheIdentityKeyToCustodiansOnly()
    {
        var (custodian, handler) = await CustodianChannelAsync();
        using var client = host.CreateClient();

        var response = await IntakeForms.FileReportAsync(client, "Custodian channel report", [], Channel, name: "Kari Varsler");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = custodian.Context(host.ConnectionString);
        var caseId = await db.CaseKeyGrants.Where(g => g.UserId == custodian.UserId).Select(g => g.CaseId).Distinct().SingleAsync();
        var kinds = await db.CaseKeyGrants.Where(g => g.CaseId == caseId && g.UserId != null).Select(g => new { g.UserId, g.Kind }).ToListAsync();
        Assert.Contains(kinds, k => k.UserId == custodian.UserId && k.Kind == CaseKeyKind.Identity);
        Assert.DoesNotContain(kinds, k => k.UserId == handler.UserId && k.Kind == CaseKeyKind.Identity);
        Assert.Equal(3, kinds.Count(k => k.UserId == handler.UserId));
    }

    [GeneratedRegex("data-recipients=\"([^\"]*)\"")]
    private static partial Regex RecipientsAttribute();
}
