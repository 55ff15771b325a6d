using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Testing;

namespace Varsling.Backoffice.Tests.Cases;

/// <summary>
/// Every endpoint of the back office, checked for an anonymous visitor, a handler of another organisation, a
/// handler of the same organisation who holds no key for the case, and that organisation's administrator and legal
/// team member. The table names each route pattern's requests
/// and the answer each of them must give; an endpoint missing from the table fails the test, so a new page cannot
/// ship without a decision about who may reach it.
/// </summary>
public sealed class EveryEndpointIsScoped(CasesHost host) : IClassFixture<CasesHost>
{
    private enum Actor
    {
        Anonymous,
        OtherOrganisation,
        Unassigned,
        Assigned,
        Admin,
        Legal,
    }

    /// <summary>One request: method, path (built from the case under test) and, for POSTs, the page handler.</summary>
    private sealed record Probe(string Method, Func<Target, string> Path);

    private sealed record Target(Guid CaseId, Guid FileId);

    /// <summary>
    /// What each actor must get: "200", "404", "sign-in" (redirect to the sign-in page), or another status or redirect.
    /// Unassigned and Assigned are handlers of the case's organisation; Admin and Legal are an administrator and a
    /// legal team member of that organisation, neither holding a key for the case.
    /// </summary>
    private sealed record Rule(Probe[] Probes, string Anonymous, string OtherOrganisation, string Unassigned, string Assigned, string Admin, string Legal);

    private const string SignIn = "sign-in";

    private static Probe Get(string path) => new("GET", _ => path);

    private static readonly string[] s_caseHandlers =
        ["Acknowledge", "Investigate", "Feedback", "Close", "Reopen", "Message", "Note", "Extend", "Assign", "Recuse", "DeleteMessage", "DeleteFile"];

    private static readonly string[] s_peopleHandlers = ["Create", "Roles", "AddChannel", "RemoveChannel", "Deactivate", "Reactivate", "Reset"];

    private static readonly string[] s_channelHandlers =
        ["Create", "Update", "AddCategory", "RenameCategory", "MoveCategory", "RemoveCategory", "AddQuestion", "ChangeQuestion", "MoveQuestion", "RemoveQuestion"];

    /// <summary>An administration page: only the organisation's administrators reach it; their probes are refused as bad input (200 with a form error).</summary>
    private static Rule AdminOnly(string path, params string[] handlers) => new(
        [Get(path), .. handlers.Select(h => new Probe("POST", _ => h.Length == 0 ? path : $"{path}?handler={h}"))],
        SignIn, "404", "404", "404", "200", "404");

    private static readonly Dictionary<string, Rule> s_rules = new(StringComparer.Ordinal)
    {
        ["/"] = new([Get("/")], "redirect /nb/", "redirect /nb/", "redirect /nb/", "redirect /nb/", "redirect /nb/", "redirect /nb/"),
        ["/error/{status:int}"] = new([Get("/error/404")], "404", "404", "404", "404", "404", "404"),
        ["/healthz"] = new([Get("/healthz")], "200", "200", "200", "200", "200", "200"),
        ["{lang}"] = new([Get("/nb")], "200", "200", "200", "200", "200", "200"),
        ["{lang}/Index"] = new([Get("/nb/Index")], "200", "200", "200", "200", "200", "200"),
        ["{lang}/Account/Login"] = new([Get("/nb/Account/Login")], "200", "200", "200", "200", "200", "200"),
        ["{lang}/Account/LoginCode"] = new([Get("/nb/Account/LoginCode")], SignIn, SignIn, SignIn, SignIn, SignIn, SignIn),
        ["{lang}/Account/Enrol"] = new([Get("/nb/Account/Enrol")], SignIn, SignIn, SignIn, SignIn, SignIn, SignIn),
        ["{lang}/Account/ForgotPassword"] = new([Get("/nb/Account/ForgotPassword")], "200", "200", "200", "200", "200", "200"),
        ["{lang}/Account/ChangePassword"] = new([Get("/nb/Account/ChangePassword")], SignIn, "200", "200", "200", "200", "200"),
        ["{lang}/Account/Logout"] = new([Get("/nb/Account/Logout")], SignIn, "redirect /nb", "redirect /nb", "redirect /nb", "redirect /nb", "redirect /nb"),
        ["{lang}/cases"] = new([Get("/nb/cases")], SignIn, "200", "200", "200", "200", "200"),
        ["{lang}/cases/{id:guid}"] = new(
            [new("GET", t => $"/nb/cases/{t.CaseId}"), .. s_caseHandlers.Select(h => new Probe("POST", t => $"/nb/cases/{t.CaseId}?handler={h}"))],
            SignIn, "404", "404", "200", "404", "404"),
        ["{lang}/legal/export"] = new([Get("/nb/legal/export"), new("POST", _ => "/nb/legal/export")], SignIn, "404", "404", "404", "404", "200"),
        ["{lang}/statistics"] = new([Get("/nb/statistics")], SignIn, "404", "404", "404", "200", "200"),
        // Any handler may register an oral report, on their own organisation's channels only; the probe's fields are
        // not a registration, so the page answers with its form again and files nothing.
        ["{lang}/cases/register"] = new([Get("/nb/cases/register"), new("POST", _ => "/nb/cases/register")], SignIn, "200", "200", "200", "404", "404"),
        ["{lang}/privacy/requests"] = new(
            [Get("/nb/privacy/requests"), .. new[] { "Register", "Extend", "Complete" }.Select(h => new Probe("POST", _ => $"/nb/privacy/requests?handler={h}"))],
            SignIn, "404", "404", "404", "200", "200"),
        ["{lang}/cases/{id:guid}/files/{fileId:guid}"] = new([new("GET", t => $"/nb/cases/{t.CaseId}/files/{t.FileId}")], SignIn, "404", "404", "200", "404", "404"),
        ["{lang}/admin/people"] = AdminOnly("/nb/admin/people", s_peopleHandlers),
        ["{lang}/admin/channels"] = AdminOnly("/nb/admin/channels", s_channelHandlers),
        ["{lang}/admin/entities"] = AdminOnly("/nb/admin/entities", "Create", "Update"),
        ["{lang}/admin/settings"] = AdminOnly("/nb/admin/settings", ""),
        ["{lang}/admin/audit"] = AdminOnly("/nb/admin/audit"),
        ["{lang}/legal/holds"] = new(
            [Get("/nb/legal/holds"), .. new[] { "Set", "Release" }.Select(h => new Probe("POST", _ => $"/nb/legal/holds?handler={h}"))],
            SignIn, "404", "404", "404", "404", "200"),
        ["{lang}/privacy/record"] = new([Get("/nb/privacy/record"), new("POST", _ => "/nb/privacy/record")], SignIn, "404", "404", "404", "200", "200"),
        ["{lang}/cases/{id:guid}/reported-person"] = new(
            [new("GET", t => $"/nb/cases/{t.CaseId}/reported-person"),
             .. new[] { "Informed", "Defer" }.Select(h => new Probe("POST", t => $"/nb/cases/{t.CaseId}/reported-person?handler={h}"))],
            SignIn, "404", "404", "200", "404", "404"),
        ["{lang}/cases/{id:guid}/identity"] = new(
            [new("GET", t => $"/nb/cases/{t.CaseId}/identity"), new("POST", t => $"/nb/cases/{t.CaseId}/identity")],
            SignIn, "404", "404", "200", "404", "404"),
        // Every handler has an access page of their own; a probe post names nobody and gets a form error.
        ["{lang}/access"] = new(
            [Get("/nb/access"), .. new[] { "Grant", "Approve", "Refuse" }.Select(h => new Probe("POST", _ => $"/nb/access?handler={h}"))],
            SignIn, "200", "200", "200", "404", "404"),
        ["{lang}/admin/custodians"] = AdminOnly("/nb/admin/custodians", "Save"),
        // The administrator's probe of TurnOn really turns escrow on (the key is shown once); the others are refused.
        ["{lang}/admin/escrow"] = AdminOnly("/nb/admin/escrow", "TurnOn", "TurnOff", "Recover", "Regrant"),
    };

    [Fact]
    public void EveryEndpoint_HasAnExpectation()
    {
        var patterns = Patterns();
        Assert.Empty(patterns.Except(s_rules.Keys));
        Assert.Empty(s_rules.Keys.Except(patterns));
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachActorAsTheTableSays()
    {
        using var assigned = await host.HandlerAsync(CasesHost.Nordlys, CasesHost.ManualChannel);
        using var unassigned = await host.HandlerAsync(CasesHost.Nordlys, null);
        using var other = await host.HandlerAsync(CasesHost.Fjellberg, "visselblasning");
        using var admin = await host.PersonAsync(CasesHost.Nordlys, Core.Accounts.Roles.Admin);
        using var legal = await host.PersonAsync(CasesHost.Nordlys, Core.Accounts.Roles.Legal);
        using var anonymous = host.Session();
        var filed = await host.FileReportAsync(CasesHost.Nordlys, CasesHost.ManualChannel, "Bribes for permits",
            new ReporterIdentity("Ola", null), "evidence"u8.ToArray(), "evidence.txt");
        var page = await assigned.Session.GetPageAsync($"/nb/cases/{filed.CaseId}");
        var fileId = Guid.Parse(page.QuerySelector("#files a")!.GetAttribute("href")!.Split('/')[^1]);
        var target = new Target(filed.CaseId, fileId);
        var before = await host.AuditAsync(filed.CaseId);
        var records = await host.RecordCountAsync(filed.CaseId);

        var sessions = new Dictionary<Actor, BackofficeSession>
        {
            [Actor.Anonymous] = anonymous,
            [Actor.OtherOrganisation] = other.Session,
            [Actor.Unassigned] = unassigned.Session,
            [Actor.Admin] = admin.Session,
            [Actor.Legal] = legal.Session,
        };
        var failures = new List<string>();
        foreach (var (pattern, rule) in s_rules)
        {
            foreach (var (actor, session) in sessions)
            {
                var expected = actor switch
                {
                    Actor.Anonymous => rule.Anonymous,
                    Actor.OtherOrganisation => rule.OtherOrganisation,
                    Actor.Unassigned => rule.Unassigned,
                    Actor.Assigned => rule.Assigned,
                    Actor.Admin => rule.Admin,
                    Actor.Legal => rule.Legal,
                };
                foreach (var probe in rule.Probes)
                {
                    var actual = await SendAsync(session, probe, target);
                    if (actual != expected)
                    {
                        failures.Add($"{actor} {probe.Method} {probe.Path(target)} ({pattern}): expected {expected}, got {actual}");
                    }
                }
            }

            // The assigned handler's reading probes show the table's probes really reach a case.
            foreach (var probe in rule.Probes.Where(p => p.Method == "GET"))
            {
                var actual = await SendAsync(assigned.Session, probe, target);
                if (actual != rule.Assigned)
                {
                    failures.Add($"Assigned GET {probe.Path(target)} ({pattern}): expected {rule.Assigned}, got {actual}");
                }
            }
        }

        Assert.Empty(failures);

        // Nobody but the assigned handler changed or read anything: no transition, message or note, and no audit
        // row by anyone else.
        Assert.Equal(CaseStatus.Received, (await host.CaseAsync(filed.CaseId)).Status);
        Assert.Equal(records, await host.RecordCountAsync(filed.CaseId));
        var after = await host.AuditAsync(filed.CaseId);
        Assert.All(after.Skip(before.Count), e => Assert.Equal(assigned.UserId, e.ActorId));

        // The inbox of the others does not list the case.
        foreach (var s in new[] { other.Session, unassigned.Session, admin.Session, legal.Session })
        {
            var inbox = await s.GetPageAsync("/nb/cases");
            Assert.Null(inbox.QuerySelector($"tr[data-case='{filed.CaseId}']"));
        }
    }

    private List<string> Patterns() => host.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => (e.RoutePattern.RawText ?? "").Replace("{lang:regex(^(nb|en)$)}", "{lang}", StringComparison.Ordinal))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static async Task<string> SendAsync(BackofficeSession session, Probe probe, Target target)
    {
        var path = probe.Path(target);
        HttpResponseMessage response;
        if (probe.Method == "GET")
        {
            response = await session.Client.GetAsync(path);
        }
        else
        {
            // A signed-in person posts with their own valid antiforgery token, so only authorization can refuse.
            var home = await session.Client.GetAsync("/nb/");
            var token = (await BackofficeSession.ParseAsync(home)).QuerySelector($"input[name='{BackofficeSession.AntiforgeryField}']")?.GetAttribute("value");
            var fields = new Dictionary<string, string> { ["Input.Text"] = "probe", ["Input.Outcome"] = nameof(CaseOutcome.Withdrawn) };
            if (token is not null)
            {
                fields[BackofficeSession.AntiforgeryField] = token;
            }

            response = await session.Client.PostAsync(path, new FormUrlEncodedContent(fields));
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                return location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) ? SignIn : "redirect " + location;
            }

            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
