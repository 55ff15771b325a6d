using Microsoft.AspNetCore.Identity;

namespace Varsling.Core.Accounts;

/// <summary>
/// What a password must be, after NIST SP 800-63B §3.1.1 and OWASP's authentication guidance: long (12 to 128
/// characters, any characters, spaces welcome), no composition rules, and not built from what an attacker already
/// knows about the account (its e-mail address, its name, the product's name). Length is enforced by Identity's
/// options (<see cref="MinLength"/>); the rest here.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<VarslingUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private const int MinContextWordLength = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<VarslingUser> manager, VarslingUser user, string? password)
    {
        if (password is null || password.Length > MaxLength)
        {
            return Task.FromResult(Fail("PasswordTooLong", $"The password may be at most {MaxLength} characters."));
        }

        var email = user.Email ?? "";
        var words = new[] { email, email.Split('@')[0], user.DisplayName, "varsling" }
            .Select(w => w.Trim())
            .Where(w => w.Length >= MinContextWordLength);
        foreach (var word in words)
        {
            if (password.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(Fail("PasswordFromContext",
                    "The password must not contain your e-mail address, your name or the name of the service."));
            }
        }

        if (password.Distinct().Count() < 4)
        {
            return Task.FromResult(Fail("PasswordRepetitive", "The password repeats too few different characters."));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static IdentityResult Fail(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
