using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Data;

namespace Varsling.Core.Reports;

/// <summary>The server is at capacity for expensive work; the host answers 503 and asks the person to try again.</summary>
public sealed class ServerBusyException() : Exception("The server is busy; try again shortly.");

/// <summary>The deployment's public receipt salt, created once with a CSPRNG on first use and cached.</summary>
public sealed class DeploymentSalt(IServiceProvider services)
{
    private byte[]? _salt;

    public async Task<byte[]> GetAsync(CancellationToken ct)
    {
        if (_salt is { } cached)
        {
            return cached;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VarslingDbContext>();
        var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Deployment.SaltLength);
        // Two hosts starting at once race here; the first insert wins and both read its salt.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO deployment (id, receipt_salt) VALUES ({Deployment.SingletonId}, {fresh}) ON CONFLICT (id) DO NOTHING", ct);
        var salt = await db.Deployments.AsNoTracking().Where(d => d.Id == Deployment.SingletonId).Select(d => d.ReceiptSalt).SingleAsync(ct);
        _salt = salt;
        return salt;
    }
}
