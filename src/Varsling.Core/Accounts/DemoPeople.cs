using Microsoft.EntityFrameworkCore;
using Varsling.Core.Data;
using Varsling.Core.Reports;

namespace Varsling.Core.Accounts;

/// <summary>A demo person's sign-in details, printed once by <c>seed-demo</c>.</summary>
public sealed record DemoPerson(string Organisation, string Role, string Email, string Password, string AuthenticatorKey);

/// <summary>
/// For local runs and demos only: fully enrolled people (password, TOTP and key pair, through the same
/// <see cref="AccountService"/> paths as a real person). A demo handler is made a member of every channel of the
/// organisation, so the intake site accepts reports that someone can read. Idempotent per e-mail address.
/// </summary>
public sealed class DemoPeople(AccountService accounts, VarslingDbContext db, TimeProvider time)
{
    /// <summary>Printed with the account; fine for a local demo, and the reason this never runs outside one.</summary>
    public const string Password = "demo passphrase for local runs only";

    public async Task<DemoPerson?> SeedAsync(string organisationSlug, string email, string displayName, string role, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct))
        {
            return null;
        }

        var created = await accounts.CreateUserAsync(organisationSlug, email, displayName, role, ct);
        var enrolment = await accounts.BeginEnrolmentAsync(created.UserId, ct);
        var code = Totp.Code(Totp.DecodeKey(enrolment.AuthenticatorKey), Totp.StepAt(time.GetUtcNow()));
        await accounts.CompleteEnrolmentAsync(created.UserId, pending: null, Password, code, ct);

        if (role == Roles.Handler)
        {
            // CompleteEnrolmentAsync entered the user's organisation into the scope, so these queries are scoped to it.
            var organisationId = await db.Organisations.Where(o => o.Slug == organisationSlug).Select(o => o.Id).SingleAsync(ct);
            foreach (var channelId in await db.Channels.Select(c => c.Id).ToListAsync(ct))
            {
                db.ChannelRecipients.Add(new ChannelRecipient(Guid.NewGuid(), organisationId, channelId, created.UserId));
            }

            await db.SaveChangesAsync(ct);
        }

        return new DemoPerson(organisationSlug, role, email, Password, enrolment.AuthenticatorKey);
    }
}
