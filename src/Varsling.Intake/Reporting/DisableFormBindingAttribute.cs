using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Varsling.Intake.Reporting;

/// <summary>
/// Keeps MVC from reading a multipart body into <c>Request.Form</c> (which buffers large parts to temporary files):
/// the page reads the body itself with <see cref="PlainFormReader"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DisableFormBindingAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context) { }
}
