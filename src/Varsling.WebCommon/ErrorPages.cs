using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Varsling.Core;

namespace Varsling.WebCommon;

/// <summary>
/// One place per host that turns failures into pages: a refused rule → 400 with its message (written for people,
/// free of content), not found / not yours → 404, anything else → 500 with only a correlation id.
/// </summary>
internal sealed partial class ErrorPages(ILogger<ErrorPages> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, message) = exception switch
        {
            RuleViolationException rule => (StatusCodes.Status400BadRequest, rule.Message),
            NotFoundException => (StatusCodes.Status404NotFound, null),
            Core.Reports.ServerBusyException => (StatusCodes.Status503ServiceUnavailable, null),
            BadHttpRequestException bad => (bad.StatusCode, null),
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => (StatusCodes.Status400BadRequest,
                "Skjemaet er utløpt. Gå tilbake og prøv igjen. / The form has expired. Please go back and try again."),
            _ => (0, null),
        };
        if (status == 0)
        {
            return false;
        }

        LogTranslated(logger, status, context.TraceIdentifier);
        context.Response.Clear();
        SecurityHeaders.Apply(context, onionLocation: null);
        await WriteAsync(context, status, message);
        return true;
    }

    /// <summary>Renders a bilingual error page carrying the status, an optional safe message and the correlation id.</summary>
    public static Task WriteAsync(HttpContext context, int status, string? message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var (nb, en) = status switch
        {
            400 => ("Forespørselen kunne ikke behandles.", "The request could not be processed."),
            404 => ("Siden finnes ikke.", "The page does not exist."),
            413 => ("Innholdet er for stort.", "The content is too large."),
            429 => ("For mange forespørsler akkurat nå. Prøv igjen om litt.", "Too many requests right now. Please try again shortly."),
            503 => ("Tjenesten er travel akkurat nå. Ingenting er lagret; prøv igjen om litt.", "The service is busy right now. Nothing was saved; please try again shortly."),
            _ when status >= 500 => ("Noe gikk galt hos oss. Ingenting du sendte er lagret halvveis.", "Something went wrong on our side. Nothing you sent was half-saved."),
            _ => ("Forespørselen kunne ikke behandles.", "The request could not be processed."),
        };
        var reason = WebUtility.HtmlEncode(ReasonPhrases.GetReasonPhrase(status));
        var detail = message is null ? "" : $"<p class=\"error-detail\">{WebUtility.HtmlEncode(message)}</p>";
        var id = WebUtility.HtmlEncode(context.TraceIdentifier);
        var html = $"""
            <!DOCTYPE html>
            <html lang="nb">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{status} {reason}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="error-page" id="main">
            <h1>{status} {reason}</h1>
            <p>{nb}</p>
            <p lang="en">{en}</p>
            {detail}
            <p class="correlation">Referanse / reference: <code>{id}</code></p>
            <p><a href="/nb/">Til forsiden</a> · <a href="/en/" lang="en">Home</a></p>
            </main></body></html>
            """;
        return context.Response.WriteAsync(html);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Request failed with {Status}; correlation {CorrelationId}")]
    private static partial void LogTranslated(ILogger logger, int status, string correlationId);
}
