using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.Core.Cases;
using Varsling.Core.Messaging;
using Varsling.Core.Reports;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>
/// Registers a report made by phone or in a meeting on the reporter's behalf (Directive Art. 9(2), 18(2)–(4)). A
/// successful post answers with the page itself, not a redirect, because it shows the new receipt code: the code
/// lives only in that one uncached response, never in a URL, the database or a log.
/// </summary>
[RequireRole(Roles.Handler)]
public sealed class RegisterModel(OralReports oral, BackofficeTexts texts) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public IReadOnlyList<RegistrationChannel> Channels { get; private set; } = [];

    /// <summary>The case just filed, with its receipt code; set only in the response to a successful post.</summary>
    public FiledReport? Filed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Channels = await oral.ChannelsAsync(User.UserId(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Channels = await oral.ChannelsAsync(User.UserId(), ct);
        if (!ModelState.IsValid || Input is not { ChannelId: { } channel, Medium: { } medium, Date: { } date })
        {
            ModelState.AddModelError("", texts["register.fill"]);
            return Page();
        }

        try
        {
            Filed = await oral.RegisterAsync(User.UserId(), new OralReport(channel, Input.CategoryId, medium, date, Input.Minutes ?? "",
                new ReporterIdentity(Input.Name, Input.Contact)), ct);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }

        Response.Headers.CacheControl = "no-store, max-age=0";
        ModelState.Clear();
        Input = new();
        return Page();
    }

    public sealed class RegisterInput
    {
        [Required]
        public Guid? ChannelId { get; set; }

        public Guid? CategoryId { get; set; }

        [Required]
        public ReportMedium? Medium { get; set; }

        [Required]
        public DateOnly? Date { get; set; }

        [Required]
        [MaxLength(CaseWork.MaxTextLength)]
        public string? Minutes { get; set; }

        [MaxLength(500)]
        public string? Name { get; set; }

        [MaxLength(500)]
        public string? Contact { get; set; }
    }
}
