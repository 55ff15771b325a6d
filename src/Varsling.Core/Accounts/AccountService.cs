using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varsling.Core.Data;
using Varsling.Crypto;

namespace Varsling.Core.Accounts;

/// <summary>What the password step of a login decided.</summary>
public enum LoginOutcome
{
    /// <summary>Unknown e-mail or wrong password (the two are not told apart).</summary>
    Failed,

    /// <summary>Too many failures; no password is checked until the lockout ends.</summary>
    LockedOut,

    /// <summary>Password right; a TOTP or recovery code comes next.</summary>
    NeedsCode,

    /// <summary>Password right, but the person has not enrolled TOTP and keys yet (first login, or after an operator reset).</summary>
    NeedsEnrolment,
}

/// <summary>The password step's result. <see cref="Session"/> holds the unlocked key pending the next step, if the person has keys.</summary>
public sealed record LoginAttempt(LoginOutcome Outcome, Guid UserId, Guid OrganisationId, SessionHandle? Session);

/// <summary>Who is signed in, and the key session their cookie carries.</summary>
public sealed record SignedInUser(Guid UserId, Guid OrganisationId, string Email, string DisplayName, IReadOnlyList<string> Roles, SessionHandle Session);

/// <summary>The second step's result; <see cref="User"/> is set only when the code was accepted.</summary>
public sealed record SecondFactorResult(bool LockedOut, SignedInUser? User);

/// <summary>What the enrolment page shows before the person confirms: the TOTP key to scan or type.</summary>
public sealed record EnrolmentStart(string AuthenticatorKey, string ProvisioningUri);

/// <summary>Enrolment done: the signed-in person, and the secrets shown exactly once.</summary>
public sealed record EnrolmentResult(SignedInUser User, string RecoveryKey, IReadOnlyList<string> RecoveryCodes);

/// <summary>A person created by the operator, and the initial password to hand over once.</summary>
public sealed record CreatedUser(Guid UserId, string InitialPassword);

/// <summary>
/// Back-office accounts: login in two steps (password, then TOTP or a recovery code), mandatory enrolment of TOTP
/// and a key pair at first login, password change and reset, and operator-created users. Every path that learns
/// the password also handles the person's private key, so the key is always wrapped under the current password.
/// </summary>
public sealed partial class AccountService(
    UserManager<VarslingUser> users,
    RoleManager<VarslingRole> roles,
    VarslingDbContext db,
    OrganisationScope scope,
    KeyRing keyRing,
    Access.Escrow escrow,
    Audit.AuditLog audit,
    BoundedDerivations derivations,
    TimeProvider clock,
    IOptions<AccountOptions> options,
    ILogger<AccountService> logger)
{
    public const string Issuer = "Varsling";
    public const int RecoveryCodeCount = 10;

    private const string TokenProvider = "Varsling";
    private const string LastTotpStepToken = "TotpLastStep";
    private const string RecoveryCodesToken = "RecoveryCodeHashes";
    private const int RecoveryCodeLength = 10;

    private static string? _timingHash;

    /// <summary>The password step. Counts failures towards lockout; on success opens a pending key session if the person has keys.</summary>
    public async Task<LoginAttempt> CheckPasswordAsync(string email, string password, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long as a wrong password and does not reveal who has an account.
            _timingHash ??= users.PasswordHasher.HashPassword(new VarslingUser(), Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(new VarslingUser(), _timingHash, password);
            LogUnknownLogin(logger);
            return new LoginAttempt(LoginOutcome.Failed, Guid.Empty, Guid.Empty, null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            LogLockedOut(logger, user.Id);
            await AuditLoginAsync(user, Audit.AuditAction.LoginFailed, "locked out", ct);
            return new LoginAttempt(LoginOutcome.LockedOut, user.Id, user.OrganisationId, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            LogPasswordRefused(logger, user.Id, locked);
            await AuditLoginAsync(user, Audit.AuditAction.LoginFailed, locked ? "password refused; now locked out" : "password refused", ct);
            return new LoginAttempt(locked ? LoginOutcome.LockedOut : LoginOutcome.Failed, user.Id, user.OrganisationId, null);
        }

        scope.Enter(user.OrganisationId);
        await keyRing.DeleteExpiredAsync(ct);
        var key = await db.UserKeys.SingleOrDefaultAsync(k => k.UserId == user.Id, ct);
        SessionHandle? session = null;
        if (key is not null)
        {
            using var pair = await derivations.UnwrapWithPasswordAsync(key.PasswordWrap, password, ct);
            if (key.EscrowWrap is null && await escrow.SealAsync(user.OrganisationId, user.Id, pair, ct) is { } escrowed)
            {
                // Enrolled before escrow was turned on: the key is unlocked now, so it joins escrow at this sign-in.
                key.SetEscrowWrap(escrowed, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
            }

            session = await keyRing.OpenAsync(user.Id, user.OrganisationId, pair, options.Value.PendingLoginLifetime, ct);
        }

        var outcome = user.TwoFactorEnabled && key is not null ? LoginOutcome.NeedsCode : LoginOutcome.NeedsEnrolment;
        LogPasswordAccepted(logger, user.Id, outcome);
        return new LoginAttempt(outcome, user.Id, user.OrganisationId, session);
    }

    /// <summary>
    /// The second step: a 6-digit TOTP code (each step accepted once) or one of the recovery codes (each usable
    /// once). Failures count towards the same lockout as passwords; lockout ends this login's pending key session
    /// (sessions already signed in elsewhere go on, so failed codes cannot be used to sign someone out).
    /// </summary>
    public async Task<SecondFactorResult> VerifySecondFactorAsync(Guid userId, SessionHandle pending, string code, CancellationToken ct = default)
    {
        var user = await RequireUserAsync(userId);
        if (await users.IsLockedOutAsync(user))
        {
            await keyRing.EndAsync(user.Id, pending.Id, ct);
            await AuditLoginAsync(user, Audit.AuditAction.LoginFailed, "locked out", ct);
            return new SecondFactorResult(true, null);
        }

        var compact = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var accepted = compact.Length == Totp.Digits && compact.All(char.IsAsciiDigit)
            ? await AcceptTotpAsync(user, compact)
            : await RedeemRecoveryCodeAsync(user, compact);
        if (!accepted)
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            if (locked)
            {
                await keyRing.EndAsync(user.Id, pending.Id, ct);
            }

            LogCodeRefused(logger, user.Id, locked);
            await AuditLoginAsync(user, Audit.AuditAction.LoginFailed, locked ? "second factor refused; now locked out" : "second factor refused", ct);
            return new SecondFactorResult(locked, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        var session = await keyRing.PromoteAsync(user.Id, pending, ct);
        LogSignedIn(logger, user.Id);
        await AuditLoginAsync(user, Audit.AuditAction.LoginSucceeded, compact.Length == Totp.Digits ? "totp" : "recovery code", ct);
        return new SecondFactorResult(false, await SignedInAsync(user, session));
    }

    /// <summary>
    /// A sign-in attempt on an existing account, in the audit log (issue: every login recorded). The actor is the
    /// account tried, which is not proof of who typed; the detail says which step and how it ended, never the
    /// e-mail address, password or code. Attempts on unknown addresses have no account to name and are only logged.
    /// </summary>
    private Task AuditLoginAsync(VarslingUser user, Audit.AuditAction action, string detail, CancellationToken ct) =>
        audit.AppendAsync(new Audit.AuditEntry(user.OrganisationId, Audit.AuditActor.User(user.Id), action, null, detail), ct);

    /// <summary>The TOTP key to show at enrolment; created on first call and kept until enrolment completes.</summary>
    public async Task<EnrolmentStart> BeginEnrolmentAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await RequireUserAsync(userId);
        await RequireNotEnrolledAsync(user, ct);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key after reset.");
        }

        return new EnrolmentStart(key, Totp.ProvisioningUri(Issuer, user.Email ?? user.Id.ToString(), key));
    }

    /// <summary>
    /// Completes enrolment in one transaction: checks the confirming TOTP code, sets the new password, enables TOTP,
    /// wraps the person's key pair (the existing one from <paramref name="pending"/>, else a new one) under the new
    /// password and a new recovery key, creates recovery codes and signs in. Refusals are
    /// <see cref="RuleViolationException"/>s worded for the person.
    /// </summary>
    public async Task<EnrolmentResult> CompleteEnrolmentAsync(Guid userId, SessionHandle? pending, string newPassword, string code, CancellationToken ct = default)
    {
        var user = await RequireUserAsync(userId);
        await RequireNotEnrolledAsync(user, ct);
        if (await users.IsLockedOutAsync(user))
        {
            throw new RuleViolationException("Too many failed attempts. Wait 15 minutes and sign in again.");
        }

        await RequireValidPasswordAsync(user, newPassword);
        if (await users.CheckPasswordAsync(user, newPassword))
        {
            throw new RuleViolationException("Choose a new password, not the one you were given.");
        }

        if (!await AcceptTotpAsync(user, code.Trim()))
        {
            await users.AccessFailedAsync(user);
            await AuditLoginAsync(user, Audit.AuditAction.LoginFailed, "enrolment code refused", ct);
            throw new RuleViolationException("The code from the authenticator app was not right. Check the device's clock and try the next code.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.UserKeys.SingleOrDefaultAsync(k => k.UserId == user.Id, ct);
        if (existing is not null && pending is null)
        {
            // Never replace a key pair silently: without the pending session the existing key cannot be carried over.
            throw new KeySessionUnavailableException();
        }

        var newKeyPair = existing is null;
        using var pair = existing is not null
            ? await keyRing.UnlockAsync(user.Id, pending!.Id, pending.Key, ct)
            : X25519KeyPair.Generate();
        var recovery = RecoveryKey.Generate();
        var passwordWrap = await derivations.WrapWithPasswordAsync(pair, newPassword, ct);
        var recoveryWrap = await derivations.WrapWithSecretAsync(pair, recovery, ct);
        var now = clock.GetUtcNow();
        if (existing is not null)
        {
            existing.Rewrap(passwordWrap, recoveryWrap, now);
        }
        else
        {
            existing = new UserKey(user.Id, user.OrganisationId, pair.PublicKey, passwordWrap, recoveryWrap, now);
            db.UserKeys.Add(existing);
        }

        existing.SetEscrowWrap(await escrow.SealAsync(user.OrganisationId, user.Id, pair, ct), now);

        await db.SaveChangesAsync(ct);
        await SetPasswordAsync(user, newPassword);
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = await ReplaceRecoveryCodesAsync(user, RecoveryCodeCount);
        await users.ResetAccessFailedCountAsync(user);
        await keyRing.EndAllAsync(user.Id, ct: ct);
        var opened = await keyRing.OpenAsync(user.Id, user.OrganisationId, pair, Min(options.Value.IdleTimeout, options.Value.AbsoluteLifetime), ct);
        await AuditLoginAsync(user, Audit.AuditAction.LoginSucceeded, newKeyPair ? "enrolment, new key pair" : "enrolment", ct);
        await tx.CommitAsync(ct);

        LogEnrolled(logger, user.Id, newKeyPair);
        return new EnrolmentResult(await SignedInAsync(user, opened), RecoveryKey.Format(recovery), codes);
    }

    /// <summary>
    /// Changes the password of a signed-in person and re-wraps their private key under it (taken from the current
    /// key session, so no second Argon2id unwrap is needed). Every other session of the person ends.
    /// </summary>
    public async Task ChangePasswordAsync(Guid userId, SessionHandle session, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        var user = await RequireUserAsync(userId);
        await RequireValidPasswordAsync(user, newPassword);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var key = await db.UserKeys.SingleOrDefaultAsync(k => k.UserId == user.Id, ct) ?? throw new KeySessionUnavailableException();
        using var pair = await keyRing.UnlockAsync(user.Id, session.Id, session.Key, ct);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            throw new RuleViolationException(result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? "The current password is not right."
                : Describe(result));
        }

        key.RewrapPassword(await derivations.WrapWithPasswordAsync(pair, newPassword, ct), clock.GetUtcNow());
        key.SetEscrowWrap(await escrow.SealAsync(user.OrganisationId, user.Id, pair, ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await keyRing.EndAllAsync(user.Id, keep: session.Id, ct);
        await tx.CommitAsync(ct);
        LogPasswordChanged(logger, user.Id);
    }

    /// <summary>
    /// Forgotten password with the recovery key: the key unwraps the private key, which is re-wrapped under the new
    /// password; all sessions end; TOTP stays as it is. A wrong e-mail and a wrong key are refused alike.
    /// </summary>
    public async Task ResetWithRecoveryKeyAsync(string email, string recoveryKey, string newPassword, CancellationToken ct = default)
    {
        const string refused = "The e-mail address or the recovery key is not right.";
        var user = await users.FindByEmailAsync(email.Trim()) ?? throw new RuleViolationException(refused);
        if (await users.IsLockedOutAsync(user))
        {
            throw new RuleViolationException("Too many failed attempts. Wait 15 minutes and try again.");
        }

        scope.Enter(user.OrganisationId);
        var key = await db.UserKeys.SingleOrDefaultAsync(k => k.UserId == user.Id, ct);
        X25519KeyPair pair;
        try
        {
            pair = key is not null && RecoveryKey.TryParse(recoveryKey, out var secret)
                ? await derivations.UnwrapWithSecretAsync(key.RecoveryWrap, secret, ct)
                : throw new CryptoFormatException("No key or no well-formed recovery key.");
        }
        catch (CryptoFormatException)
        {
            await users.AccessFailedAsync(user);
            LogRecoveryRefused(logger, user.Id);
            throw new RuleViolationException(refused);
        }

        using (pair)
        {
            await RequireValidPasswordAsync(user, newPassword);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            key!.RewrapPassword(await derivations.WrapWithPasswordAsync(pair, newPassword, ct), clock.GetUtcNow());
            key.SetEscrowWrap(await escrow.SealAsync(user.OrganisationId, user.Id, pair, ct), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await SetPasswordAsync(user, newPassword);
            await users.ResetAccessFailedCountAsync(user);
            await keyRing.EndAllAsync(user.Id, ct: ct);
            await tx.CommitAsync(ct);
        }

        LogRecovered(logger, user.Id);
    }

    /// <summary>
    /// Operator: creates a person in an organisation with one role and a random initial password. They must set
    /// their own password and enrol TOTP and keys at first login.
    /// </summary>
    public async Task<CreatedUser> CreateUserAsync(string organisationSlug, string email, string displayName, string role, CancellationToken ct = default)
    {
        var org = await db.Organisations.SingleOrDefaultAsync(o => o.Slug == organisationSlug, ct)
            ?? throw new RuleViolationException($"No organisation with the URL name '{organisationSlug}'.");
        if (!Roles.All.Contains(role))
        {
            throw new RuleViolationException($"Unknown role '{role}'. Known: {string.Join(", ", Roles.All)}.");
        }

        email = (email ?? "").Trim();
        if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            throw new RuleViolationException("The e-mail address is not valid.");
        }

        var name = (displayName ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            throw new RuleViolationException("The name must be 1–200 characters.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new RuleViolationException("A person with that e-mail address already exists.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new VarslingRole(role) { Id = Guid.CreateVersion7() }));
        }

        var user = new VarslingUser
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = org.Id,
            DisplayName = name,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
        };
        var password = ReceiptCode.Generate();
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        await tx.CommitAsync(ct);
        LogCreated(logger, user.Id, org.Id);
        return new CreatedUser(user.Id, password);
    }

    /// <summary>
    /// Operator reset for a person who has lost both password and recovery key: their key pair is deleted and so are
    /// their case key grants, which only the deleted key could open (cases must be granted to them again, by a
    /// handler or through escrow; the revocation is audited), every session ends, TOTP and recovery codes are cleared, any lockout is
    /// lifted, and a new initial password is returned. They enrol again at the next sign-in.
    /// </summary>
    public async Task<CreatedUser> ResetAccountAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync((email ?? "").Trim()) ?? throw new RuleViolationException("No person with that e-mail address.");
        scope.Enter(user.OrganisationId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revoked = await db.CaseKeyGrants.Where(g => g.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserKeys.Where(k => k.UserId == user.Id).ExecuteDeleteAsync(ct);
        await keyRing.EndAllAsync(user.Id, ct: ct);
        await audit.AppendAsync(new Audit.AuditEntry(user.OrganisationId, Audit.AuditActor.System, Audit.AuditAction.AccessRevoked, null,
            $"user {user.Id} reset, case keys deleted {revoked}"), ct);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await ReplaceRecoveryCodesAsync(user, 0);
        var password = ReceiptCode.Generate();
        await SetPasswordAsync(user, password);
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.SetLockoutEndDateAsync(user, null));
        await tx.CommitAsync(ct);
        LogReset(logger, user.Id);
        return new CreatedUser(user.Id, password);
    }

    /// <summary>The signed-in view of a person whose key session is already open (e.g. after a page reload).</summary>
    public async Task<SignedInUser> SignedInAsync(VarslingUser user, SessionHandle session) =>
        new(user.Id, user.OrganisationId, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)], session);

    private async Task<bool> AcceptTotpAsync(VarslingUser user, string code)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var step = Totp.MatchStep(Totp.DecodeKey(key), code, clock.GetUtcNow());
        var last = long.TryParse(await users.GetAuthenticationTokenAsync(user, TokenProvider, LastTotpStepToken), CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        // Each code is accepted once: a step at or before the last accepted one is a replay.
        if (step is not { } accepted || accepted <= last)
        {
            return false;
        }

        Check(await users.SetAuthenticationTokenAsync(user, TokenProvider, LastTotpStepToken, accepted.ToString(CultureInfo.InvariantCulture)));
        return true;
    }

    /// <summary>
    /// New TOTP recovery codes (10 Crockford symbols, 50 bits each) replace all earlier ones. Only their SHA-256
    /// hashes are stored (Identity's own store keeps them in the clear); 50 random bits need no slow hash, as
    /// guessing is bounded by the lockout and the password step comes first.
    /// </summary>
    private async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(VarslingUser user, int count)
    {
        var codes = Enumerable.Range(0, count).Select(_ => NewRecoveryCode()).ToList();
        Check(await users.SetAuthenticationTokenAsync(user, TokenProvider, RecoveryCodesToken, string.Join(';', codes.Select(HashRecoveryCode))));
        return codes;
    }

    /// <summary>True, and the code is used up, when it is one of the person's unused recovery codes.</summary>
    private async Task<bool> RedeemRecoveryCodeAsync(VarslingUser user, string typed)
    {
        if (!CrockfordText.TryNormalise(typed, RecoveryCodeLength, out var code))
        {
            return false;
        }

        var stored = (await users.GetAuthenticationTokenAsync(user, TokenProvider, RecoveryCodesToken) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var hash = HashRecoveryCode(code);
        if (!stored.Remove(hash))
        {
            return false;
        }

        Check(await users.SetAuthenticationTokenAsync(user, TokenProvider, RecoveryCodesToken, string.Join(';', stored)));
        return true;
    }

    private static string NewRecoveryCode()
    {
        var symbols = References.New("", RecoveryCodeLength);
        return symbols[..5] + "-" + symbols[5..];
    }

    private static string HashRecoveryCode(string code) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(code.Replace("-", "", StringComparison.Ordinal))));

    private async Task RequireValidPasswordAsync(VarslingUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                throw new RuleViolationException(Describe(result));
            }
        }
    }

    // Validated beforehand; Identity has no public "set password" without a reset token, so remove and add.
    private async Task SetPasswordAsync(VarslingUser user, string password)
    {
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
    }

    private async Task<VarslingUser> RequireUserAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new KeySessionUnavailableException();
        scope.Enter(user.OrganisationId);
        return user;
    }

    private async Task RequireNotEnrolledAsync(VarslingUser user, CancellationToken ct)
    {
        if (user.TwoFactorEnabled && await db.UserKeys.AnyAsync(k => k.UserId == user.Id, ct))
        {
            throw new RuleViolationException("This account is already enrolled.");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RuleViolationException(Describe(result));
        }
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Login refused: unknown account")]
    private static partial void LogUnknownLogin(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Login refused for user {UserId}: locked out")]
    private static partial void LogLockedOut(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Password refused for user {UserId}; locked out now: {LockedOut}")]
    private static partial void LogPasswordRefused(ILogger logger, Guid userId, bool lockedOut);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Password accepted for user {UserId}; next: {Outcome}")]
    private static partial void LogPasswordAccepted(ILogger logger, Guid userId, LoginOutcome outcome);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Second factor refused for user {UserId}; locked out now: {LockedOut}")]
    private static partial void LogCodeRefused(ILogger logger, Guid userId, bool lockedOut);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "User {UserId} enrolled; new key pair: {NewKeyPair}")]
    private static partial void LogEnrolled(ILogger logger, Guid userId, bool newKeyPair);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "User {UserId} changed password")]
    private static partial void LogPasswordChanged(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Recovery key refused for user {UserId}")]
    private static partial void LogRecoveryRefused(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "User {UserId} reset password with the recovery key")]
    private static partial void LogRecovered(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "User {UserId} reset by the operator; key pair deleted")]
    private static partial void LogReset(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "User {UserId} created in organisation {OrganisationId}")]
    private static partial void LogCreated(ILogger logger, Guid userId, Guid organisationId);
}
