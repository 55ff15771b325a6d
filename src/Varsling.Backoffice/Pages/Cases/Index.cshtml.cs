using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core.Cases;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>
/// The signed-in person's cases: only those they hold a key for, in their organisation, one page at a time.
/// Filtering, sorting and paging happen in SQL; the links keep the filters across pages.
/// </summary>
public sealed class IndexModel(CaseWork work) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public InboxSort Sort { get; set; } = InboxSort.NextDeadline;

    [BindProperty(SupportsGet = true)]
    public InboxAssignment Assignment { get; set; } = InboxAssignment.Any;

    /// <summary>The page asked for, from 1 (query <c>p</c>; "page" is Razor Pages' own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Set after the person stood aside from a case.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public Inbox Inbox { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unparseable filter values are dropped rather than answered with an error: the filter form can only send valid ones.
        var valid = ModelState.IsValid;
        Inbox = await work.InboxAsync(User.UserId(), new InboxFilter(
            valid ? Status : null, valid ? Channel : null, Overdue, valid ? Sort : InboxSort.NextDeadline,
            valid ? Assignment : InboxAssignment.Any, valid ? PageNumber : 1), ct);
    }

    /// <summary>The inbox URL for another page with the same filters.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = Status?.ToString(),
            ["channel"] = Channel?.ToString(),
            ["overdue"] = Overdue ? "true" : null,
            ["sort"] = Sort.ToString(),
            ["assignment"] = Assignment.ToString(),
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/{WebCommon.Languages.Current}/cases",
            query.Where(q => q.Value is not null));
    }
}
