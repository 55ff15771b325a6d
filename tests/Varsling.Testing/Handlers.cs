using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Accounts;
using Varsling.Core.Data;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Testing;

/// <summary>A case handler made in a test: a user row and a key pair (stored as the user's key) whose public key a channel seals its cases to.</summary>
public sealed record TestHandler(Guid UserId, Guid OrganisationId, X25519KeyPair Key);

public static class Handlers
{
    /// <summary>Seeds the demo organisations (idempotent) and adds a new handler as recipient of the channel.</summary>
    public static async Task<TestHandler> AddRecipientAsync(string connectionString, string organisationSlug, string channelSlug)
    {
        await using (var seed = TestDb.Create(connectionString))
        {
            await new DemoData(seed, TimeProvider.System).SeedAsync();
        }

        Guid orgId;
        await using (var read = TestDb.Create(connectionString))
        {
            orgId = await read.Organisations.Where(o => o.Slug == organisationSlug).Select(o => o.Id).SingleAsync();
        }

        await using var db = TestDb.Create(connectionString, orgId);
        var channel = await db.Channels.SingleAsync(c => c.Slug == channelSlug);
        var key = X25519KeyPair.Generate();
        var userId = Guid.NewGuid();
        var name = "handler-" + userId.ToString("N")[..8];
        db.Users.Add(new VarslingUser
        {
            Id = userId,
            OrganisationId = orgId,
            DisplayName = name,
            UserName = name,
            NormalizedUserName = name.ToUpperInvariant(),
            Email = name + "@example.org",
            NormalizedEmail = (name + "@example.org").ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
        });
        // Intake reads a member's public key from user_keys; the wraps are under throwaway secrets because tests
        // hold the key pair itself.
        db.UserKeys.Add(new UserKey(userId, orgId, key.PublicKey, PrivateKeyWrap.WrapWithKey(key, RandomNumberGenerator.GetBytes(32)),
            PrivateKeyWrap.WrapWithKey(key, RandomNumberGenerator.GetBytes(32)), DateTimeOffset.UtcNow));
        db.ChannelRecipients.Add(new ChannelRecipient(Guid.NewGuid(), orgId, channel.Id, userId));
        await db.SaveChangesAsync();
        return new TestHandler(userId, orgId, key);
    }

    /// <summary>Makes the handler a recipient of another channel of their organisation: its new cases are sealed to them too.</summary>
    public static async Task AddToChannelAsync(this TestHandler handler, string connectionString, string channelSlug)
    {
        await using var db = TestDb.Create(connectionString, handler.OrganisationId);
        var channel = await db.Channels.SingleAsync(c => c.Slug == channelSlug);
        db.ChannelRecipients.Add(new ChannelRecipient(Guid.NewGuid(), handler.OrganisationId, channel.Id, handler.UserId));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A new channel of the organisation, on the legal entity of <paramref name="likeChannelSlug"/>, with no recipients
    /// yet: a test that needs an exact set of handlers, or an external channel, makes its own. Returns its slug.
    /// </summary>
    public static async Task<string> AddChannelAsync(string connectionString, Guid organisationId, ChannelKind kind, string likeChannelSlug = "varsling")
    {
        await using var db = TestDb.Create(connectionString, organisationId);
        var like = await db.Channels.SingleAsync(c => c.Slug == likeChannelSlug);
        var slug = "c" + Guid.NewGuid().ToString("N")[..10];
        db.Channels.Add(new Channel(Guid.NewGuid(), organisationId, like.LegalEntityId, slug, "Test channel " + slug, kind));
        await db.SaveChangesAsync();
        return slug;
    }

    /// <summary>A context scoped to the handler's organisation.</summary>
    public static VarslingDbContext Context(this TestHandler handler, string connectionString) => TestDb.Create(connectionString, handler.OrganisationId);
}
