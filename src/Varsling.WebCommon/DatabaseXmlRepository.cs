using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Data;

namespace Varsling.WebCommon;

/// <summary>
/// Keeps a host's data-protection key ring in PostgreSQL (<c>data_protection_keys</c>), so every instance of the
/// host reads and writes the same keys and any instance can serve any request. Rows are partitioned by application
/// name: a host sees only its own key ring. Keys arrive here already sealed under the configured key-encryption key
/// (<see cref="KeyRingEncryption"/>), so the table alone cannot forge cookies.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, string applicationName) : IXmlRepository
{
    private const int FriendlyNameLength = 200;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
        return db.DataProtectionKeys.AsNoTracking()
            .Where(k => k.ApplicationName == applicationName)
            .OrderBy(k => k.Id)
            .Select(k => k.Xml)
            .AsEnumerable()
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
        var name = friendlyName.Length > FriendlyNameLength ? friendlyName[..FriendlyNameLength] : friendlyName;
        db.DataProtectionKeys.Add(new DataProtectionKey(applicationName, name, element.ToString(SaveOptions.DisableFormatting)));
        db.SaveChanges();
    }
}
