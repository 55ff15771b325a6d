using Microsoft.Extensions.Time.Testing;
using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace Varsling.Testing;

/// <summary>What a person was shown once at enrolment.</summary>
public sealed record EnrolledAccount(string Email, string Password, string TotpSecret, string RecoveryKey, IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// One person in the back office, driven through its HTML forms over a real socket: forms are read with AngleSharp
/// and posted with their antiforgery token, TOTP codes are computed here (RFC 6238: HMAC-SHA1, 30 s, 6 digits) from
/// the key the enrolment page shows, at the host's fake time. Intent methods cover sign-in so later tests need one
/// call; the client never follows redirects, so each step's answer can be asserted.
/// </summary>
public sealed class BackofficeSession(HttpClient client, FakeTimeProvider clock, string language = "nb") : IDisposable
{
    public const string AntiforgeryField = "__af";

    private static readonly HtmlParser _parser = new();

    public HttpClient Client => client;

    public string Language => language;

    /// <summary>A path under the session's language, e.g. <c>Account/Login</c> → <c>/nb/Account/Login</c>.</summary>
    public string PathOf(string page) => "/" + language + "/" + page.TrimStart('/');

    public async Task<IHtmlDocument> GetPageAsync(string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        _parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Loads <paramref name="path"/>, fills the form matching <paramref name="formSelector"/> (hidden fields and the antiforgery token kept) and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IReadOnlyDictionary<string, string> fields, string formSelector = "main form")
    {
        var page = await GetPageAsync(path);
        return await SubmitAsync(page, path, fields, formSelector);
    }

    /// <summary>Posts a form of an already loaded page.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string path, IReadOnlyDictionary<string, string> fields, string formSelector = "main form")
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on {path}.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            values[input.Name!] = input.Value;
        }

        Assert.True(values.ContainsKey(AntiforgeryField), $"The form on {path} carries no antiforgery token.");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? path : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>The password step; answers with the redirect to the code page, the enrolment page, or the login form again.</summary>
    public Task<HttpResponseMessage> SubmitPasswordAsync(string email, string password) =>
        SubmitAsync(PathOf("Account/Login"), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>The code step of a login in progress.</summary>
    public Task<HttpResponseMessage> SubmitCodeAsync(string code) =>
        SubmitAsync(PathOf("Account/LoginCode"), new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>
    /// First sign-in of a person created with an initial password: sets <paramref name="newPassword"/>, enrols TOTP
    /// and returns what the page showed once. The person is signed in afterwards.
    /// </summary>
    public async Task<EnrolledAccount> EnrolAsync(string email, string initialPassword, string newPassword)
    {
        var login = await SubmitPasswordAsync(email, initialPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var enrolPath = login.Headers.Location!.OriginalString;
        Assert.EndsWith("/Account/Enrol", enrolPath, StringComparison.OrdinalIgnoreCase);

        var page = await GetPageAsync(enrolPath);
        var secret = page.QuerySelector("#totp-key")?.TextContent.Replace(" ", "", StringComparison.Ordinal)
            ?? throw new Xunit.Sdk.XunitException("The enrolment page shows no TOTP key.");
        var done = await SubmitAsync(page, enrolPath, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
            ["Input.Code"] = TotpCode(secret, clock.GetUtcNow()),
        });
        var result = await ParseAsync(done);
        Assert.True(done.StatusCode == HttpStatusCode.OK && result.QuerySelector("#recovery-key") is not null,
            "Enrolment did not complete: " + result.QuerySelector("#form-errors")?.TextContent.Trim());
        // A TOTP code is accepted once; the next sign-in must come at a later step.
        clock.Advance(TimeSpan.FromSeconds(30));
        return new EnrolledAccount(email, newPassword, secret, result.QuerySelector("#recovery-key")!.TextContent.Trim(),
            [.. result.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim())]);
    }

    /// <summary>Signs in with password and the current TOTP code; returns the final answer (a redirect on success).</summary>
    public async Task<HttpResponseMessage> LoginAsync(string email, string password, string totpSecret)
    {
        var login = await SubmitPasswordAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.EndsWith("/Account/LoginCode", login.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var response = await SubmitCodeAsync(TotpCode(totpSecret, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(30));
        return response;
    }

    /// <summary>Signs in an enrolled person; fails the test unless sign-in succeeds.</summary>
    public async Task LoginAsync(EnrolledAccount account)
    {
        var response = await LoginAsync(account.Email, account.Password, account.TotpSecret);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.Contains("/Account/", StringComparison.OrdinalIgnoreCase),
            $"Sign-in failed: {(int)response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>Posts the sign-out form of the page header.</summary>
    public Task<HttpResponseMessage> LogoutAsync() =>
        SubmitAsync(PathOf(""), new Dictionary<string, string>(), "form[action$='/Account/Logout']");

    /// <summary>RFC 6238 TOTP for a base32 key at a time: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits.</summary>
    public static string TotpCode(string base32Secret, DateTimeOffset at)
    {
        var key = Base32Decode(base32Secret);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var mac = HMACSHA1.HashData(key, counter);
        var offset = mac[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(mac.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }

    public void Dispose() => client.Dispose();
}
