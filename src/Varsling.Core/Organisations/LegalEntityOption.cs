using Microsoft.EntityFrameworkCore;
using Varsling.Core.Data;

namespace Varsling.Core.Organisations;

/// <summary>A legal entity as a form offers it.</summary>
public sealed record LegalEntityOption(Guid Id, string Name);

public static class LegalEntityOptions
{
    /// <summary>The scope's legal entities by name.</summary>
    public static async Task<IReadOnlyList<LegalEntityOption>> ListAsync(VarslingDbContext db, CancellationToken ct = default)
    {
        var all = await db.LegalEntities.AsNoTracking().Select(e => new LegalEntityOption(e.Id, e.Name)).ToListAsync(ct);
        return all.OrderBy(e => e.Name, StringComparer.CurrentCulture).ToList();
    }
}
