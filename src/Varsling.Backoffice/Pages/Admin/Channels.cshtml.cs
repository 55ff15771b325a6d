using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>Channels with their settings, categories and the report form's extra questions.</summary>
[RequireRole(Roles.Admin)]
public sealed class ChannelsModel(Administration admin, BackofficeTexts texts) : AdminPageModel
{
    [BindProperty]
    public ChannelInput Input { get; set; } = new();

    public IReadOnlyList<ChannelAdminView> Channels { get; private set; } = [];

    public IReadOnlyList<LegalEntityOption> Entities { get; private set; } = [];

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => Input.Settings() is { } settings
        ? StepAsync(() => admin.CreateChannelAsync(AdminId, settings, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken ct) => Input is { Id: { } id, Version: { } version } && Input.Settings() is { } settings
        ? StepAsync(() => admin.UpdateChannelAsync(AdminId, id, version, settings, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostAddCategoryAsync(CancellationToken ct) => Input.Id is { } id
        ? StepAsync(() => admin.AddCategoryAsync(AdminId, id, Input.Text ?? "", ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostRenameCategoryAsync(CancellationToken ct) => Input.ItemId is { } id
        ? StepAsync(() => admin.RenameCategoryAsync(AdminId, id, Input.Text ?? "", ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostMoveCategoryAsync(CancellationToken ct) => Input.ItemId is { } id
        ? StepAsync(() => admin.MoveCategoryAsync(AdminId, id, Input.Offset, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostRemoveCategoryAsync(CancellationToken ct) => Input.ItemId is { } id
        ? StepAsync(() => admin.RemoveCategoryAsync(AdminId, id, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostAddQuestionAsync(CancellationToken ct) => Input.Id is { } id
        ? StepAsync(() => admin.AddQuestionAsync(AdminId, id, Input.Text ?? "", Input.Required, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostChangeQuestionAsync(CancellationToken ct) => Input.ItemId is { } id
        ? StepAsync(() => admin.ChangeQuestionAsync(AdminId, id, Input.Text ?? "", Input.Required, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostMoveQuestionAsync(CancellationToken ct) => Input.ItemId is { } id
        ? StepAsync(() => admin.MoveQuestionAsync(AdminId, id, Input.Offset, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostRemoveQuestionAsync(CancellationToken ct) => Input.ItemId is { } id
        ? StepAsync(() => admin.RemoveQuestionAsync(AdminId, id, ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Channels = await admin.ChannelsAsync(AdminId, ct);
        Entities = await admin.LegalEntityOptionsAsync(ct);
    }

    public sealed class ChannelInput
    {
        /// <summary>The channel a form acts on.</summary>
        public Guid? Id { get; set; }

        /// <summary>The category or question a form acts on.</summary>
        public Guid? ItemId { get; set; }

        public uint? Version { get; set; }

        [MaxLength(200)]
        public string? Name { get; set; }

        [MaxLength(63)]
        public string? Slug { get; set; }

        public ChannelKind? Kind { get; set; }

        public Guid? LegalEntity { get; set; }

        public bool AutoAcknowledge { get; set; }

        public bool IsOpen { get; set; }

        /// <summary>A category's name or a question's text.</summary>
        [MaxLength(ChannelQuestion.MaxLength)]
        public string? Text { get; set; }

        public bool Required { get; set; }

        [Range(-1, 1)]
        public int Offset { get; set; }

        public ChannelSettings? Settings() => Kind is { } kind && LegalEntity is { } entity
            ? new ChannelSettings(Name ?? "", Slug ?? "", kind, entity, AutoAcknowledge, IsOpen)
            : null;
    }
}
