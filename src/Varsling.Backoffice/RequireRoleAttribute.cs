using Microsoft.AspNetCore.Mvc.Filters;
using Varsling.Core;

namespace Varsling.Backoffice;

/// <summary>
/// Limits a page to people holding one of the named roles. Anyone else signed in gets the same 404 as for a page
/// that does not exist, so the page's existence says nothing about who may use it; sign-in is enforced before this.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequireRoleAttribute(params string[] roles) : Attribute, IAsyncPageFilter
{
    public IReadOnlyList<string> Roles { get; } = roles;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        if (!Roles.Any(context.HttpContext.User.IsInRole))
        {
            throw new NotFoundException("No such page.");
        }

        return Task.CompletedTask;
    }

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) => next();
}
