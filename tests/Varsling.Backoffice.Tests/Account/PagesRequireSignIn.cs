using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Varsling.Backoffice.Tests.Account;

/// <summary>Every page needs a two-factor sign-in unless it is on the short list of pages that lead to one.</summary>
public sealed class PagesRequireSignIn(AccountsHost host) : IClassFixture<AccountsHost>
{
    private static readonly string[] _anonymous = ["/Account/Enrol", "/Account/ForgotPassword", "/Account/Login", "/Account/LoginCode", "/Index"];

    [Fact]
    public void EveryPage_OutsideTheSignInPages_RequiresTheSignedInPolicy()
    {
        var pages = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, e.Metadata))
            .Where(p => p.Page is not null)
            .ToList();

        var anonymous = pages.Where(p => p.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(p => p.Page).Distinct().Order().ToList();
        var unprotected = pages
            .Where(p => p.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(p => !p.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == BackofficeAuth.SignedInPolicy))
            .Select(p => p.Page)
            .ToList();

        Assert.Equal(_anonymous, anonymous);
        Assert.Empty(unprotected);
        Assert.Contains(pages, p => p.Page == "/Account/ChangePassword");
    }
}
