using Varsling.Core.Data;
using Xunit;

namespace Varsling.Testing;

/// <summary>xunit class fixture: a fresh database per test class, built by the migrations.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await PostgresServer.Shared.CreateMigratedDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A context scoped to one organisation, or unscoped (organisation-owned queries then return nothing).</summary>
    public VarslingDbContext Context(Guid? organisationId = null) => TestDb.Create(ConnectionString, organisationId);
}
