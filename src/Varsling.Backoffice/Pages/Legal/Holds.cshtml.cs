using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Varsling.Core.Accounts;
using Varsling.Core.Cases;
using Varsling.Core.Retention;

namespace Varsling.Backoffice.Pages.Legal;

/// <summary>
/// The legal team's holds: the cases on hold, the closed cases whose purge comes within the look-ahead, and forms to
/// put a case on hold by its reference (with the reason) or release it. Metadata only; no case content.
/// </summary>
[RequireRole(Roles.Legal)]
public sealed class HoldsModel(LegalHolds holds, BackofficeTexts texts) : StepPageModel
{
    [BindProperty]
    public HoldInput Input { get; set; } = new();

    public HoldList List { get; private set; } = new([], [], default);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostSetAsync(CancellationToken ct) =>
        string.IsNullOrWhiteSpace(Input.Reference)
            ? RefuseAsync(texts["holds.needReference"], ct)
            : StepAsync("set", () => holds.SetAsync(Input.Reference, User.UserId(), Input.Reason ?? "", HttpContext.RequestAborted), ct);

    public Task<IActionResult> OnPostReleaseAsync(CancellationToken ct) =>
        string.IsNullOrWhiteSpace(Input.Reference)
            ? RefuseAsync(texts["holds.needReference"], ct)
            : StepAsync("released", () => holds.ReleaseAsync(Input.Reference, User.UserId(), HttpContext.RequestAborted), ct);

    protected override async Task LoadAsync(CancellationToken ct) => List = await holds.ListAsync(ct);

    public sealed class HoldInput
    {
        [MaxLength(32)]
        public string? Reference { get; set; }

        [MaxLength(Case.LegalHoldReasonMaxLength)]
        public string? Reason { get; set; }
    }
}
