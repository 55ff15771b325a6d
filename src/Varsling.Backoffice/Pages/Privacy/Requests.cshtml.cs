using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Privacy;

/// <summary>
/// The register of data-subject requests: the list with each open request's clock, and forms to register, extend
/// and complete. Every form posts to a named handler and redirects back; a refused step re-renders with the reason.
/// </summary>
[RequireRole(Roles.Legal, Roles.Admin)]
public sealed class RequestsModel(DataSubjectRequests requests, BackofficeTexts texts, TimeProvider time) : PageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    /// <summary>Which step was just done, shown once after the redirect.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<DataSubjectRequestView> Requests { get; private set; } = [];

    public IReadOnlyList<LegalEntityOption> Entities { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) =>
        Input is { LegalEntity: { } entity, Right: { } right, Received: { } received }
            ? StepAsync("registered", () => requests.RegisterAsync(User.UserId(), entity, right, received, ct), ct)
            : RefuseAsync("requests.fillRegister", ct);

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) =>
        Input.Id is { } id
            ? StepAsync("extended", () => requests.ExtendAsync(User.UserId(), id, Input.Reason ?? "", ct), ct)
            : RefuseAsync("requests.noRequest", ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) =>
        Input is { Id: { } id, Outcome: { } outcome }
            ? StepAsync("completed", () => requests.CompleteAsync(User.UserId(), id, outcome, Input.Ground, ct), ct)
            : RefuseAsync("requests.chooseOutcome", ct);

    private async Task<IActionResult> StepAsync(string done, Func<Task> step, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            await step();
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage(new { lang = Languages.Current, done });
    }

    private async Task<IActionResult> RefuseAsync(string text, CancellationToken ct)
    {
        ModelState.AddModelError("", texts[text]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Requests = await requests.ListAsync(ct);
        Entities = await requests.LegalEntitiesAsync(ct);
    }

    public sealed class RequestInput
    {
        public Guid? Id { get; set; }

        public Guid? LegalEntity { get; set; }

        public DataSubjectRight? Right { get; set; }

        public DateOnly? Received { get; set; }

        [MaxLength(DataSubjectRequest.ReasonMaxLength)]
        public string? Reason { get; set; }

        public DataSubjectRequestOutcome? Outcome { get; set; }

        [MaxLength(DataSubjectRequest.ReasonMaxLength)]
        public string? Ground { get; set; }
    }
}
