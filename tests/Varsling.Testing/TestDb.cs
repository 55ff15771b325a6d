using Microsoft.EntityFrameworkCore;
using Varsling.Core.Data;

namespace Varsling.Testing;

/// <summary>Builds a <see cref="VarslingDbContext"/> on a test database, optionally scoped to one organisation.</summary>
public static class TestDb
{
    public static VarslingDbContext Create(string connectionString, Guid? organisationId = null)
    {
        var options = new DbContextOptionsBuilder<VarslingDbContext>();
        VarslingDb.Configure(options, connectionString);
        var scope = new OrganisationScope();
        if (organisationId is { } id)
        {
            scope.Enter(id);
        }

        return new VarslingDbContext(options.Options, scope);
    }
}
