using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varsling.Core.Attachments;
using Varsling.Core.Data;
using Varsling.Crypto;

namespace Varsling.Intake.Reporting;

/// <summary>
/// The load test's yardstick (scripts/load.sh): one request, one EF insert (an already expired staging upload, which
/// the Worker's cleanup deletes). Mapped only when <see cref="IntakeWebOptions.LoadBaseline"/> is set.
/// </summary>
internal static class LoadBaseline
{
    public static void MapLoadBaseline(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<IntakeWebOptions>>().Value.LoadBaseline)
        {
            return;
        }

        app.MapPost("/load/baseline", async (VarslingDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var organisationId = await db.Organisations.Select(o => o.Id).FirstAsync(ct);
            var id = Guid.NewGuid();
            var now = time.GetUtcNow();
            db.Uploads.Add(new Upload(id, organisationId, ChunkedFile.CreateHeader(id), now, now));
            await db.SaveChangesAsync(ct);
            return Results.Ok();
        }).DisableAntiforgery();
    }
}
