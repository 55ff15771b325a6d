using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Varsling.Core;
using Varsling.Core.Access;
using Varsling.Core.Accounts;
using Varsling.WebCommon;

namespace Varsling.Backoffice.Pages.Admin;

/// <summary>
/// Admins set, per channel, whether reporters' identities are held by custodians and which members are custodians.
/// The rule applies to cases filed afterwards; cases already filed keep the keys they were sealed with.
/// </summary>
[RequireRole(Roles.Admin)]
public sealed class CustodiansModel(IdentityRelease release, BackofficeTexts texts) : StepPageModel
{
    [BindProperty]
    public CustodianInput Input { get; set; } = new();

    public IReadOnlyList<ChannelCustodians> Channels { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (Input.ChannelId is not { } channelId)
        {
            return await RefuseAsync(texts["custodians.chooseChannel"], ct);
        }

        try
        {
            await release.ConfigureChannelAsync(User.UserId(), channelId, Input.HeldByCustodians, Input.Custodians, ct);
        }
        catch (RuleViolationException e)
        {
            return await RefuseAsync(e.Message, ct);
        }

        return RedirectToPage(new { lang = Languages.Current, done = "saved" });
    }

    protected override async Task LoadAsync(CancellationToken ct) => Channels = await release.ChannelsAsync(ct);

    public sealed class CustodianInput
    {
        public Guid? ChannelId { get; set; }

        public bool HeldByCustodians { get; set; }

        public List<Guid> Custodians { get; set; } = [];
    }
}
