using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>Legal entities: name, jurisdiction (the clock's calendar) and an optional retention override.</summary>
[RequireRole(Roles.Admin)]
public sealed class EntitiesModel(Administration admin, BackofficeTexts texts) : AdminPageModel
{
    [BindProperty]
    public EntityInput Input { get; set; } = new();

    public IReadOnlyList<LegalEntity> Entities { get; private set; } = [];

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        StepAsync(() => admin.CreateEntityAsync(AdminId, Input.Name ?? "", Input.Jurisdiction ?? "", Input.RetentionMonths, ct), ct);

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken ct) => Input is { Id: { } id, Version: { } version }
        ? StepAsync(() => admin.UpdateEntityAsync(AdminId, id, version, Input.Name ?? "", Input.Jurisdiction ?? "", Input.RetentionMonths, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    protected override async Task LoadAsync(CancellationToken ct) => Entities = await admin.EntitiesAsync(AdminId, ct);

    public sealed class EntityInput
    {
        public Guid? Id { get; set; }

        public uint? Version { get; set; }

        [MaxLength(200)]
        public string? Name { get; set; }

        [MaxLength(8)]
        public string? Jurisdiction { get; set; }

        public int? RetentionMonths { get; set; }
    }
}
