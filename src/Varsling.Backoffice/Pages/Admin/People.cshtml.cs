using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>
/// The organisation's people: create, roles, channel membership, deactivate and reactivate, operator reset. Creating
/// and resetting answer with the initial password in this response only (no redirect), so it never reaches a URL,
/// a log or the browser's history of pages that can be reloaded from the server.
/// </summary>
[RequireRole(Roles.Admin)]
public sealed class PeopleModel(Administration admin, BackofficeTexts texts) : AdminPageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public IReadOnlyList<PersonView> People { get; private set; } = [];

    public IReadOnlyList<ChannelOption> Channels { get; private set; } = [];

    /// <summary>Set only in the response to a create or reset: whose password, and the password itself.</summary>
    public (string Email, string Password, bool WasReset)? Handover { get; private set; }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrWhiteSpace(Input.Name) || Input.Role is null)
        {
            return await RefuseAsync(texts["people.fillCreate"], ct);
        }

        try
        {
            var created = await admin.CreatePersonAsync(AdminId, Input.Email, Input.Name, Input.Role, ct);
            Handover = (Input.Email.Trim(), created.InitialPassword, false);
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (Input.Id is not { } id)
        {
            return await RefuseAsync(texts["form.check"], ct);
        }

        try
        {
            var reset = await admin.ResetAsync(AdminId, id, Input.Version ?? "", ct);
            var person = (await admin.PeopleAsync(AdminId, ct)).Single(p => p.Id == id);
            Handover = (person.Email, reset.InitialPassword, true);
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }

        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostRolesAsync(CancellationToken ct) => Input.Id is { } id
        ? StepAsync(() => admin.SetRolesAsync(AdminId, id, Input.Roles, Input.Version ?? "", ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostAddChannelAsync(CancellationToken ct) => Input is { Id: { } id, ChannelId: { } channel }
        ? StepAsync(() => admin.AddMembershipAsync(AdminId, id, channel, ct), ct)
        : RefuseAsync(texts["people.chooseChannel"], ct);

    public Task<IActionResult> OnPostRemoveChannelAsync(CancellationToken ct) => Input is { Id: { } id, ChannelId: { } channel }
        ? StepAsync(() => admin.RemoveMembershipAsync(AdminId, id, channel, ct), ct)
        : RefuseAsync(texts["people.chooseChannel"], ct);

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct) => Input.Id is { } id
        ? StepAsync(() => admin.DeactivateAsync(AdminId, id, Input.Version ?? "", ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken ct) => Input.Id is { } id
        ? StepAsync(() => admin.ReactivateAsync(AdminId, id, Input.Version ?? "", ct), ct)
        : RefuseAsync(texts["form.check"], ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        People = await admin.PeopleAsync(AdminId, ct);
        Channels = (await admin.ChannelsAsync(AdminId, ct)).Select(c => new ChannelOption(c.Channel.Id, c.Channel.Name)).ToList();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Input = new PersonInput();
        await LoadAsync(ct);
        return Page();
    }

    public sealed class PersonInput
    {
        public Guid? Id { get; set; }

        [MaxLength(100)]
        public string? Version { get; set; }

        [MaxLength(256)]
        public string? Email { get; set; }

        [MaxLength(200)]
        public string? Name { get; set; }

        [MaxLength(16)]
        public string? Role { get; set; }

        public List<string> Roles { get; set; } = [];

        public Guid? ChannelId { get; set; }
    }
}
