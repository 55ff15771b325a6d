using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core.Reports;

namespace Varsling.Intake.Pages.Org;

/// <summary>The privacy notice for the whistleblowing channel, generated from the organisation's settings (compliance.md §5).</summary>
public sealed class PrivacyModel(ReportIntake intake) : PageModel
{
    public IntakeOrganisation Organisation { get; private set; } = null!;

    public async Task OnGetAsync(string org, CancellationToken ct) => Organisation = await intake.GetOrganisationAsync(org, ct);
}

/// <summary>The cookie statement: exactly the cookies in <see cref="CookieStatement"/>.</summary>
public sealed class CookiesModel(ReportIntake intake) : PageModel
{
    public IntakeOrganisation Organisation { get; private set; } = null!;

    public async Task OnGetAsync(string org, CancellationToken ct) => Organisation = await intake.GetOrganisationAsync(org, ct);
}
