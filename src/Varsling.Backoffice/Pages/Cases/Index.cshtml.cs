using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core.Cases;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>The signed-in person's cases: only those they hold a key for, in their organisation.</summary>
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

    public Inbox Inbox { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unparseable filter values are dropped rather than answered with an error: the filter form can only send valid ones.
        Inbox = await work.InboxAsync(User.UserId(), new InboxFilter(
            ModelState.IsValid ? Status : null, ModelState.IsValid ? Channel : null, Overdue, ModelState.IsValid ? Sort : InboxSort.NextDeadline), ct);
    }
}
