using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Accounts;
using Varsling.Core.Organisations;
using Varsling.Core.Statistics;

namespace Varsling.Backoffice.Pages.Statistics;

/// <summary>
/// The organisation's case statistics for a period, optionally for one legal entity: counts and times from case
/// metadata only, with small cells shown as "&lt;5". A read-only page, so the filter is a GET form.
/// </summary>
[RequireRole(Roles.Legal, Roles.Admin)]
public sealed class IndexModel(CaseStatistics statistics, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? LegalEntity { get; set; }

    public IReadOnlyList<LegalEntityOption> Entities { get; private set; } = [];

    public CaseStatisticsReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entities = await statistics.LegalEntitiesAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= today;
        if (LegalEntity is { } entity && Entities.All(e => e.Id != entity))
        {
            ModelState.AddModelError("", "Choose a legal entity from the list.");
            return Page();
        }

        try
        {
            Report = await statistics.ComputeAsync(From.Value, To.Value, LegalEntity, ct);
        }
        catch (RuleViolationException e)
        {
            ModelState.AddModelError("", e.Message);
        }

        return Page();
    }

    /// <summary>A cell as shown: the count, or "&lt;5" when suppressed.</summary>
    public static string Show(Cell cell) => cell.ToString();

    public static string Show(Median median) => median.Days is { } days
        ? days.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)
        : $"<{SmallCells.Threshold}";

    public static string Show(Share share) => share.Percent is { } percent
        ? $"{percent} %"
        : $"<{SmallCells.Threshold}";

    /// <summary>The anonymous share as shown: a percent, "–" when there are no cases, or "&lt;5" when suppressed.</summary>
    public static string Show(AnonymityRow row) => row.AnonymousPercent is { } percent
        ? $"{percent} %"
        : row.Suppressed ? $"<{SmallCells.Threshold}" : "–";
}
