using Microsoft.EntityFrameworkCore;
using Varsling.Core.Data;

namespace Varsling.Core.Organisations;

/// <summary>
/// Two fictitious organisations for local runs and demos: a Norwegian group with a Swedish subsidiary, and a
/// Swedish company, so that isolation between organisations and jurisdictions is visible from the start.
/// Idempotent: an organisation whose slug exists is left as it is.
/// </summary>
public sealed class DemoData(VarslingDbContext db, TimeProvider time)
{
    public const string NordlysSlug = "nordlys";
    public const string FjellbergSlug = "fjellberg";

    /// <summary>Adds what is missing and returns the slugs of the organisations it created.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken ct = default)
    {
        var created = new List<string>();
        var existing = await db.Organisations.Select(o => o.Slug).ToListAsync(ct);
        var now = time.GetUtcNow();

        if (!existing.Contains(NordlysSlug))
        {
            var org = new Organisation(Guid.NewGuid(), NordlysSlug, "Nordlys Energi ASA", now);
            org.SetPrivacy("Nordlys Energi ASA", "Nordlys Energi ASA, Postboks 1234 Sentrum, 0106 Oslo · personvern@nordlys.example",
                "Personvernombud, personvernombud@nordlys.example", "Varsling-leverandøren (drift og lagring, databehandleravtale)");
            var oslo = new LegalEntity(Guid.NewGuid(), org.Id, "Nordlys Energi ASA", "NO");
            var goteborg = new LegalEntity(Guid.NewGuid(), org.Id, "Nordlys Energi Sverige AB", "SE");
            var internalNo = new Channel(Guid.NewGuid(), org.Id, oslo.Id, "varsling", "Varslingskanal Norge", ChannelKind.Internal);
            internalNo.SetAutoAcknowledge(true);
            foreach (var name in new[] { "Trakassering og diskriminering", "Økonomiske misligheter", "HMS og sikkerhet", "Annet" })
            {
                internalNo.AddCategory(Guid.NewGuid(), name);
            }

            var internalSe = new Channel(Guid.NewGuid(), org.Id, goteborg.Id, "visselblasning", "Visselblåsarkanal Sverige", ChannelKind.Internal);
            foreach (var name in new[] { "Trakasserier", "Ekonomiska oegentligheter", "Arbetsmiljö", "Övrigt" })
            {
                internalSe.AddCategory(Guid.NewGuid(), name);
            }

            db.AddRange(org, oslo, goteborg, internalNo, internalSe);
            created.Add(NordlysSlug);
        }

        if (!existing.Contains(FjellbergSlug))
        {
            var org = new Organisation(Guid.NewGuid(), FjellbergSlug, "Fjellberg Bygg AB", now);
            org.SetPrivacy("Fjellberg Bygg AB", "Fjellberg Bygg AB, Box 101, 411 01 Göteborg · dataskydd@fjellberg.example", null, null);
            var entity = new LegalEntity(Guid.NewGuid(), org.Id, "Fjellberg Bygg AB", "SE");
            var channel = new Channel(Guid.NewGuid(), org.Id, entity.Id, "visselblasning", "Visselblåsning", ChannelKind.Internal);
            foreach (var name in new[] { "Korruption", "Miljö", "Arbetsmiljö" })
            {
                channel.AddCategory(Guid.NewGuid(), name);
            }

            db.AddRange(org, entity, channel);
            created.Add(FjellbergSlug);
        }

        await db.SaveChangesAsync(ct);
        return created;
    }
}
