using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varsling.Core.Accounts;
using Varsling.Crypto;

namespace Varsling.Core.Tests.Accounts;

/// <summary>Login steps, password change and recovery on real PostgreSQL: the private key always follows the password.</summary>
public sealed class AccountServiceTests(AccountsHarness harness) : IClassFixture<AccountsHarness>
{
    private static string NewEmail() => $"p{Guid.NewGuid():N}@example.org";

    private async Task<UserKey> KeyOfAsync(Guid userId)
    {
        await using var db = harness.Database.Context(harness.OrganisationId);
        return await db.UserKeys.SingleAsync(k => k.UserId == userId);
    }

    private async Task<T> WithAccountsAsync<T>(Func<AccountService, Task<T>> action)
    {
        await using var scope = harness.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<AccountService>());
    }

    [Fact]
    public async Task CompleteEnrolment_CreatesAKeyPairWrappedUnderPasswordAndRecoveryKey()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");

        var key = await KeyOfAsync(user.UserId);
        using var byPassword = PrivateKeyWrap.UnwrapWithPassword(key.PasswordWrap, user.Password);
        Assert.True(RecoveryKey.TryParse(user.Enrolment.RecoveryKey, out var recovery));
        using var byRecovery = PrivateKeyWrap.UnwrapWithSecret(key.RecoveryWrap, recovery);
        // Both wraps are Argon2id with the parameters the host is configured with, recorded in the blobs.
        var configured = new Argon2idParameters(Varsling.Testing.TestDerivations.MemoryKiB, Varsling.Testing.TestDerivations.Iterations);
        Assert.Equal((KeyWrapKdf.Argon2id, configured), PrivateKeyWrap.ReadKdf(key.PasswordWrap));
        Assert.Equal((KeyWrapKdf.Argon2id, configured), PrivateKeyWrap.ReadKdf(key.RecoveryWrap));
        Assert.Equal(key.PublicKey, byPassword.PublicKey);
        Assert.Equal(key.PublicKey, byRecovery.PublicKey);
        Assert.Equal(AccountService.RecoveryCodeCount, user.Enrolment.RecoveryCodes.Count);
        Assert.Equal(13, user.Enrolment.RecoveryKey.Split('-').Length);
    }

    [Fact]
    public async Task CheckPassword_AfterEnrolment_AsksForACodeAndOpensAPendingSession()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");

        var attempt = await WithAccountsAsync(a => a.CheckPasswordAsync(user.Email.ToUpperInvariant(), user.Password));

        Assert.Equal(LoginOutcome.NeedsCode, attempt.Outcome);
        Assert.NotNull(attempt.Session);
    }

    [Fact]
    public async Task VerifySecondFactor_SameTotpCodeTwice_IsAcceptedOnlyOnce()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");
        var code = Totp.Code(user.TotpSecret, Totp.StepAt(harness.Clock.GetUtcNow()));

        var first = await WithAccountsAsync(async a =>
            await a.VerifySecondFactorAsync(user.UserId, (await a.CheckPasswordAsync(user.Email, user.Password)).Session!, code));
        var second = await WithAccountsAsync(async a =>
            await a.VerifySecondFactorAsync(user.UserId, (await a.CheckPasswordAsync(user.Email, user.Password)).Session!, code));

        Assert.NotNull(first.User);
        Assert.Null(second.User);
    }

    [Fact]
    public async Task ChangePassword_RewrapsTheKey_OldPasswordNoLongerUnwrapsAndNewOneDoes()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");
        var before = await KeyOfAsync(user.UserId);

        await WithAccountsAsync(async a =>
        {
            await a.ChangePasswordAsync(user.UserId, user.Session, user.Password, "a completely different phrase");
            return true;
        });

        var after = await KeyOfAsync(user.UserId);
        Assert.Throws<CryptoFormatException>(() => PrivateKeyWrap.UnwrapWithPassword(after.PasswordWrap, user.Password));
        using var pair = PrivateKeyWrap.UnwrapWithPassword(after.PasswordWrap, "a completely different phrase");
        Assert.Equal(before.PublicKey, pair.PublicKey);
        var login = await WithAccountsAsync(a => a.CheckPasswordAsync(user.Email, user.Password));
        Assert.Equal(LoginOutcome.Failed, login.Outcome);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_IsRefusedAndKeepsTheWrap()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => WithAccountsAsync(async a =>
        {
            await a.ChangePasswordAsync(user.UserId, user.Session, "not the password at all", "a completely different phrase");
            return true;
        }));

        Assert.Contains("current password", e.Message, StringComparison.Ordinal);
        using var pair = PrivateKeyWrap.UnwrapWithPassword((await KeyOfAsync(user.UserId)).PasswordWrap, user.Password);
    }

    [Fact]
    public async Task ResetWithRecoveryKey_SetsTheNewPasswordAndKeepsTheKeyPair()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");
        var before = await KeyOfAsync(user.UserId);
        var typed = user.Enrolment.RecoveryKey.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);

        await WithAccountsAsync(async a =>
        {
            await a.ResetWithRecoveryKeyAsync(user.Email, typed, "my memorable new passphrase");
            return true;
        });

        var after = await KeyOfAsync(user.UserId);
        using var pair = PrivateKeyWrap.UnwrapWithPassword(after.PasswordWrap, "my memorable new passphrase");
        Assert.Equal(before.PublicKey, pair.PublicKey);
        await using var db = harness.Database.Context(harness.OrganisationId);
        Assert.False(await db.KeySessions.AnyAsync(s => s.UserId == user.UserId), "A reset ends every session.");
        var login = await WithAccountsAsync(a => a.CheckPasswordAsync(user.Email, "my memorable new passphrase"));
        Assert.Equal(LoginOutcome.NeedsCode, login.Outcome);
    }

    [Fact]
    public async Task ResetWithRecoveryKey_WithAnotherKey_IsRefusedAlikeForUnknownEmail()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");
        var otherKey = RecoveryKey.Format(RecoveryKey.Generate());

        var wrongKey = await Assert.ThrowsAsync<RuleViolationException>(() => WithAccountsAsync(async a =>
        {
            await a.ResetWithRecoveryKeyAsync(user.Email, otherKey, "my memorable new passphrase");
            return true;
        }));
        var unknown = await Assert.ThrowsAsync<RuleViolationException>(() => WithAccountsAsync(async a =>
        {
            await a.ResetWithRecoveryKeyAsync(NewEmail(), user.Enrolment.RecoveryKey, "my memorable new passphrase");
            return true;
        }));

        Assert.Equal(unknown.Message, wrongKey.Message);
        using var pair = PrivateKeyWrap.UnwrapWithPassword((await KeyOfAsync(user.UserId)).PasswordWrap, user.Password);
    }

    [Theory]
    [InlineData("short pass", "at least 12")]
    [InlineData("{email}!", "must not contain")]
    [InlineData("Kari Nordmann rocks!", "must not contain")]
    [InlineData("my Varsling password", "must not contain")]
    [InlineData("aaaaaaaaaaaaaaaa", "different characters")]
    public async Task CompleteEnrolment_WithAWeakPassword_IsRefusedWithTheReason(string password, string reason)
    {
        var email = NewEmail();
        var created = await harness.CreateUserAsync(email);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => WithAccountsAsync(a =>
            a.CompleteEnrolmentAsync(created.UserId, null, password.Replace("{email}", email, StringComparison.Ordinal), "000000")));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-org", "x@example.org", Roles.Handler, "No organisation")]
    [InlineData("acme", "x@example.org", "boss", "Unknown role")]
    [InlineData("acme", "not an address", Roles.Handler, "not valid")]
    public async Task CreateUser_WithBadInput_IsRefused(string org, string email, string role, string reason)
    {
        var e = await Assert.ThrowsAsync<RuleViolationException>(() => WithAccountsAsync(a => a.CreateUserAsync(org, email, "Ola", role)));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_SameEmailTwice_IsRefusedWhateverTheCase()
    {
        var email = NewEmail();
        await harness.CreateUserAsync(email);

        var e = await Assert.ThrowsAsync<RuleViolationException>(() => harness.CreateUserAsync(email.ToUpperInvariant()));

        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckPassword_FiveFailures_LockTheAccountEvenForTheRightPassword()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");

        var outcomes = new List<LoginOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add((await WithAccountsAsync(a => a.CheckPasswordAsync(user.Email, "wrong password " + i))).Outcome);
        }

        var right = await WithAccountsAsync(a => a.CheckPasswordAsync(user.Email, user.Password));
        Assert.Equal([LoginOutcome.Failed, LoginOutcome.Failed, LoginOutcome.Failed, LoginOutcome.Failed, LoginOutcome.LockedOut], outcomes);
        Assert.Equal(LoginOutcome.LockedOut, right.Outcome);
        Assert.Null(right.Session);
    }

    [Fact]
    public async Task ResetAccount_WithoutRecoveryKey_MeansReEnrolmentWithANewKeyPair()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");
        var oldKey = (await KeyOfAsync(user.UserId)).PublicKey;

        var reset = await WithAccountsAsync(a => a.ResetAccountAsync(user.Email));
        var oldLogin = await WithAccountsAsync(a => a.CheckPasswordAsync(user.Email, user.Password));
        var attempt = await WithAccountsAsync(a => a.CheckPasswordAsync(user.Email, reset.InitialPassword));
        var oldCode = await WithAccountsAsync(a => a.VerifySecondFactorAsync(user.UserId, user.Session, user.Enrolment.RecoveryCodes[0]));
        await WithAccountsAsync(async a =>
        {
            var start = await a.BeginEnrolmentAsync(user.UserId);
            return await a.CompleteEnrolmentAsync(user.UserId, attempt.Session, "a fresh start passphrase",
                Totp.Code(Totp.DecodeKey(start.AuthenticatorKey), Totp.StepAt(harness.Clock.GetUtcNow())));
        });

        Assert.Equal(LoginOutcome.Failed, oldLogin.Outcome);
        Assert.Equal(LoginOutcome.NeedsEnrolment, attempt.Outcome);
        Assert.Null(attempt.Session);
        Assert.Null(oldCode.User);
        Assert.NotEqual(oldKey, (await KeyOfAsync(user.UserId)).PublicKey);
    }

    [Fact]
    public async Task RecoveryCodes_AreStoredOnlyAsHashes_AndEachWorksOnce()
    {
        var user = await harness.CreateEnrolledUserAsync(NewEmail(), "correct horse battery staple");
        var code = user.Enrolment.RecoveryCodes[7];

        await using (var db = harness.Database.Context())
        {
            var tokens = await db.UserTokens.Where(t => t.UserId == user.UserId).Select(t => t.Value ?? "").ToListAsync();
            var compact = user.Enrolment.RecoveryCodes.Select(c => c.Replace("-", "", StringComparison.Ordinal));
            Assert.DoesNotContain(tokens, t => user.Enrolment.RecoveryCodes.Concat(compact).Any(c => t.Contains(c, StringComparison.OrdinalIgnoreCase)));
        }

        var first = await WithAccountsAsync(async a =>
            await a.VerifySecondFactorAsync(user.UserId, (await a.CheckPasswordAsync(user.Email, user.Password)).Session!, " " + code.ToLowerInvariant()));
        var second = await WithAccountsAsync(async a =>
            await a.VerifySecondFactorAsync(user.UserId, (await a.CheckPasswordAsync(user.Email, user.Password)).Session!, code));
        var another = await WithAccountsAsync(async a =>
            await a.VerifySecondFactorAsync(user.UserId, (await a.CheckPasswordAsync(user.Email, user.Password)).Session!, user.Enrolment.RecoveryCodes[2]));

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", code);
        Assert.NotNull(first.User);
        Assert.Null(second.User);
        Assert.NotNull(another.User);
    }
}
