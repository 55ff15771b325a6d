using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Varsling.Core.Accounts;
using Varsling.Core.Deadlines;
using Varsling.Core.Organisations;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>The organisation's own settings: name, retention, the privacy notice's facts and reminder offsets.</summary>
[RequireRole(Roles.Admin)]
public sealed class SettingsModel(Administration admin, BackofficeTexts texts, IOptions<ReminderOptions> reminders) : AdminPageModel
{
    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public uint Version { get; private set; }

    public ReminderOptions Defaults => reminders.Value;

    public override async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var org = await admin.OrganisationAsync(AdminId, ct);
        Input = new SettingsInput
        {
            Name = org.Name,
            RetentionMonths = org.RetentionMonths,
            ControllerName = org.ControllerName,
            ControllerContact = org.ControllerContact,
            DpoContact = org.DpoContact,
            Processors = org.Processors,
            ReminderOffsetDays = org.ReminderOffsetDays is { } days ? string.Join(", ", days.Select(d => d.ToString(CultureInfo.InvariantCulture))) : null,
            PurgeNoticeDays = org.PurgeNoticeDays,
            Version = org.Version,
        };
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        List<int>? offsets = null;
        if (!string.IsNullOrWhiteSpace(Input.ReminderOffsetDays))
        {
            offsets = [];
            foreach (var part in Input.ReminderOffsetDays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part.Replace('\u2212', '-'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day))
                {
                    return RefuseAsync(texts["settings.badOffsets"], ct);
                }

                offsets.Add(day);
            }
        }

        if (Input is not { Version: { } version, RetentionMonths: { } retention })
        {
            return RefuseAsync(texts["form.check"], ct);
        }

        return StepAsync(() => admin.UpdateSettingsAsync(AdminId, version, new OrganisationSettings(Input.Name ?? "", retention,
            Input.ControllerName ?? "", Input.ControllerContact ?? "", Input.DpoContact, Input.Processors, offsets, Input.PurgeNoticeDays), ct), ct);
    }

    protected override async Task LoadAsync(CancellationToken ct) => Version = (await admin.OrganisationAsync(AdminId, ct)).Version;

    public sealed class SettingsInput
    {
        public uint? Version { get; set; }

        [MaxLength(200)]
        public string? Name { get; set; }

        public int? RetentionMonths { get; set; }

        [MaxLength(200)]
        public string? ControllerName { get; set; }

        [MaxLength(500)]
        public string? ControllerContact { get; set; }

        [MaxLength(500)]
        public string? DpoContact { get; set; }

        [MaxLength(2000)]
        public string? Processors { get; set; }

        [MaxLength(100)]
        public string? ReminderOffsetDays { get; set; }

        public int? PurgeNoticeDays { get; set; }
    }
}
