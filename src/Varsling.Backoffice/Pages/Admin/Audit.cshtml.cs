using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Organisations;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>
/// The organisation's audit log, newest first, filtered by the query string (GET, so a view can be bookmarked; the
/// filters are ids, action names, case references and dates, never content). Every view is itself audited.
/// </summary>
[RequireRole(Roles.Admin)]
public sealed class AuditModel(Administration admin) : AdminPageModel
{
    /// <summary>The filters, from the query string without a prefix (<c>?action=…&amp;actor=…&amp;case=…&amp;from=…&amp;to=…&amp;pagenumber=…</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "")]
    public AuditQuery Query { get; set; } = new();

    public AuditLogPage? Log { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        People = await admin.PeopleNamesAsync(AdminId, ct);
        if (!ModelState.IsValid)
        {
            return;
        }

        try
        {
            Log = await admin.AuditAsync(AdminId, new AuditFilter(Query.Action, Query.Actor, Query.Case, Query.From, Query.To, Query.PageNumber ?? 1), ct);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
        }
    }

    /// <summary>The link to another page of the same filtered view.</summary>
    public string PageLink(int page)
    {
        var parts = new List<string> { "pagenumber=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("action", Query.Action?.ToString());
        Add("actor", Query.Actor?.ToString());
        Add("case", Query.Case);
        Add("from", Query.From?.ToString("yyyy-MM-dd"));
        Add("to", Query.To?.ToString("yyyy-MM-dd"));
        return "?" + string.Join("&", parts);
    }

    public sealed class AuditQuery
    {
        public AuditAction? Action { get; set; }

        public Guid? Actor { get; set; }

        [MaxLength(40)]
        public string? Case { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        /// <summary>Not "page": Razor Pages' route values already use that name.</summary>
        [Range(1, 100_000)]
        public int? PageNumber { get; set; }
    }
}
