using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;
using Varsling.Core.Privacy;

namespace Varsling.Backoffice.Pages.Privacy;

/// <summary>
/// The register of data-subject requests: the list with each open request's clock, and forms to register, extend
/// and complete. Every form posts to a named handler and redirects back; a refused step re-renders with the reason.
/// </summary>
[RequireRole(Roles.Legal, Roles.Admin)]
public sealed class RequestsModel(DataSubjectRequests requests, BackofficeTexts texts, TimeProvider time) : StepPageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public IReadOnlyList<DataSubjectRequestView> Requests { get; private set; } = [];

    public IReadOnlyList<LegalEntityOption> Entities { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task<IActionResult> OnPostRegisterAsync(CancellationToken ct) =>
        Input is { LegalEntity: { } entity, Right: { } right, Received: { } received }
            ? StepAsync("registered", () => requests.RegisterAsync(User.UserId(), entity, right, received, ct), ct)
            : RefuseAsync(texts["requests.fillRegister"], ct);

    public Task<IActionResult> OnPostExtendAsync(CancellationToken ct) =>
        Input.Id is { } id
            ? StepAsync("extended", () => requests.ExtendAsync(User.UserId(), id, Input.Reason ?? "", ct), ct)
            : RefuseAsync(texts["requests.noRequest"], ct);

    public Task<IActionResult> OnPostCompleteAsync(CancellationToken ct) =>
        Input is { Id: { } id, Outcome: { } outcome }
            ? StepAsync("completed", () => requests.CompleteAsync(User.UserId(), id, outcome, Input.Ground, ct), ct)
            : RefuseAsync(texts["requests.chooseOutcome"], ct);

    protected override async Task LoadAsync(CancellationToken ct)
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
