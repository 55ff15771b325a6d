using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Access;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Access;

/// <summary>
/// Access the signed-in handler can give: people who should hold keys to cases this handler can open (new channel
/// members, members re-keyed after a reset, legal users lacking closed cases' summary key), grouped by person with
/// one grant button each, and the identity release requests this handler decides as a custodian. Every grant and
/// approval uses the handler's unlocked key; the server alone cannot grant.
/// </summary>
[RequireRole(Roles.Handler)]
public sealed class IndexModel(AccessGrants grants, IdentityRelease release, BackofficeTexts texts) : StepPageModel
{
    [BindProperty]
    public AccessInput Input { get; set; } = new();

    /// <summary>How many cases the last grant covered, shown with <see cref="StepPageModel.Done"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Count { get; set; }

    public IReadOnlyList<PendingPerson> Pending { get; private set; } = [];

    public IReadOnlyList<ReleaseRequestView> Requests { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken ct)
    {
        if (Input.UserId is not { } grantee)
        {
            return await RefuseAsync(texts["access.choosePerson"], ct);
        }

        try
        {
            using var key = await HttpContext.UnlockKeyAsync(ct);
            var count = await grants.GrantAsync(User.UserId(), key, grantee, ct);
            return RedirectToPage(new { lang = Languages.Current, done = "granted", count });
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        DecideAsync("approved", async id =>
        {
            using var key = await HttpContext.UnlockKeyAsync(ct);
            await release.ApproveAsync(id, User.UserId(), key, ct);
        }, ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) =>
        DecideAsync("refused", id => release.RefuseAsync(id, User.UserId(), ct), ct);

    private async Task<IActionResult> DecideAsync(string done, Func<Guid, Task> step, CancellationToken ct)
    {
        if (Input.RequestId is not { } id)
        {
            return await RefuseAsync(texts["access.chooseRequest"], ct);
        }

        try
        {
            await step(id);
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }

        return RedirectToPage(new { lang = Languages.Current, done });
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Pending = await grants.PendingAsync(User.UserId(), ct);
        using var key = await HttpContext.UnlockKeyAsync(ct);
        Requests = await release.PendingAsync(User.UserId(), key, ct);
    }

    public sealed class AccessInput
    {
        public Guid? UserId { get; set; }

        public Guid? RequestId { get; set; }
    }
}
