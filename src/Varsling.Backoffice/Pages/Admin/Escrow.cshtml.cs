using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Access;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>
/// The organisation's key escrow, for admins: turn it on (the escrow recovery key is shown once, in the response to
/// that POST, never in a URL), turn it off, recover a person's key (a one-time recovery key shown once) and
/// re-grant pending access through escrow. The escrow recovery key is typed for every escrow action and never stored.
/// </summary>
[RequireRole(Roles.Admin)]
public sealed class EscrowModel(Escrow escrow, BackofficeTexts texts) : StepPageModel
{
    [BindProperty]
    public EscrowInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Count { get; set; }

    public EscrowStatus Status { get; private set; } = null!;

    public IReadOnlyList<PendingPerson> Pending { get; private set; } = [];

    /// <summary>The escrow recovery key just created; rendered once in the POST response, never stored.</summary>
    public string? NewEscrowKey { get; private set; }

    /// <summary>A one-time recovery key just made for a person; rendered once in the POST response, never stored.</summary>
    public string? NewRecoveryKey { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostTurnOnAsync(CancellationToken ct)
    {
        try
        {
            using var key = await HttpContext.UnlockKeyAsync(ct);
            NewEscrowKey = await escrow.TurnOnAsync(User.UserId(), key, ct);
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }

        return await ShowOnceAsync(ct);
    }

    public async Task<IActionResult> OnPostTurnOffAsync(CancellationToken ct)
    {
        if (!Input.Confirm)
        {
            return await RefuseAsync(texts["escrow.confirmOff"], ct);
        }

        try
        {
            await escrow.TurnOffAsync(User.UserId(), ct);
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }

        return RedirectToPage(new { lang = Languages.Current, done = "off" });
    }

    public async Task<IActionResult> OnPostRecoverAsync(CancellationToken ct)
    {
        if (Input.UserId is not { } userId || string.IsNullOrWhiteSpace(Input.EscrowKey))
        {
            return await RefuseAsync(texts["escrow.fillIn"], ct);
        }

        try
        {
            NewRecoveryKey = await escrow.RecoverKeyAsync(User.UserId(), Input.EscrowKey, userId, ct);
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }

        return await ShowOnceAsync(ct);
    }

    public async Task<IActionResult> OnPostRegrantAsync(CancellationToken ct)
    {
        if (Input.UserId is not { } userId || string.IsNullOrWhiteSpace(Input.EscrowKey))
        {
            return await RefuseAsync(texts["escrow.fillIn"], ct);
        }

        try
        {
            var count = await escrow.RegrantAsync(User.UserId(), Input.EscrowKey, userId, ct);
            return RedirectToPage(new { lang = Languages.Current, done = "regranted", count });
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }
    }

    private async Task<IActionResult> ShowOnceAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Input = new EscrowInput();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The base refusal, except that a typed escrow key is never echoed back into the form.</summary>
    private new Task<IActionResult> RefuseAsync(string message, CancellationToken ct)
    {
        Input.EscrowKey = null;
        ModelState.Remove("Input.EscrowKey");
        return base.RefuseAsync(message, ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Status = await escrow.StatusAsync(ct);
        Pending = Status.On ? await escrow.PendingAsync(ct) : [];
    }

    public sealed class EscrowInput
    {
        public Guid? UserId { get; set; }

        public string? EscrowKey { get; set; }

        public bool Confirm { get; set; }
    }
}
