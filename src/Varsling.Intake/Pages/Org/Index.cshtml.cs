using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core.Reports;

namespace Varsling.Intake.Pages.Org;

/// <summary>An organisation's landing page: its channels, how to stay anonymous, and what happens next.</summary>
public sealed class IndexModel(ReportIntake intake) : PageModel
{
    public IntakeOrganisation Organisation { get; private set; } = null!;

    public async Task OnGetAsync(string org, CancellationToken ct) => Organisation = await intake.GetOrganisationAsync(org, ct);
}
