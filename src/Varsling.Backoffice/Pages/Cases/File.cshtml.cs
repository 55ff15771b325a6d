using System.Net.Mime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Varsling.Core.Cases;

namespace Varsling.Backoffice.Pages.Cases;

/// <summary>
/// An attachment, decrypted chunk by chunk straight into the response. Always a download of opaque bytes: the type
/// the reporter's browser claimed is not trusted to render, and nothing is cached.
/// </summary>
public sealed class FileModel(CaseWork work) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        using var key = await HttpContext.UnlockKeyAsync(ct);
        var userId = User.UserId();
        var file = await work.BeginDownloadAsync(id, fileId, userId, key, ct);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.Name);
        Response.ContentType = MediaTypeNames.Application.Octet;
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store, max-age=0";
        await work.WriteFileAsync(file, userId, key, Response.Body, ct);
        return new EmptyResult();
    }
}
