using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Varsling.WebCommon;

/// <summary>
/// Encrypts the hosts' data-protection keys before they reach <c>data_protection_keys</c>, under a key-encryption
/// key (KEK) that lives in configuration (<c>DataProtection:KeyEncryptionKey</c>, 32 random bytes in base64), never
/// in the database. Someone who can read the table but not the hosts' configuration can no longer forge cookies or
/// antiforgery tokens. The KEK is required: a host without one refuses to start.
/// </summary>
/// <remarks>
/// The stored element is <c>&lt;varslingKey v="1" kek="…"&gt;base64(nonce ‖ ciphertext ‖ tag)&lt;/varslingKey&gt;</c>,
/// AES-256-GCM with a 12-byte random nonce; <c>kek</c> is a short fingerprint of the KEK, so a host configured with
/// another KEK fails with a message saying so instead of a bare authentication error.
/// </remarks>
public static class KeyRingEncryption
{
    public const string ConfigurationKey = "DataProtection:KeyEncryptionKey";

    internal const string ElementName = "varslingKey";
    private const int KeyLength = 32;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private static readonly byte[] s_aad = Encoding.ASCII.GetBytes("varsling data-protection key v1");

    /// <summary>The KEK from configuration; a missing or malformed one stops the host with the reason.</summary>
    public static byte[] ReadKey(IConfiguration configuration)
    {
        var text = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(
                $"{ConfigurationKey} is not set. Generate one with `openssl rand -base64 32` and keep it outside the database.");
        }

        var key = new byte[KeyLength];
        if (!Convert.TryFromBase64String(text.Trim(), key, out var written) || written != KeyLength)
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be exactly {KeyLength} bytes in base64.");
        }

        return key;
    }

    internal static string Fingerprint(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));

    internal static XElement Seal(byte[] key, XElement plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var blob = new byte[NonceLength + clear.Length + TagLength];
        var nonce = blob.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagLength))
        {
            aes.Encrypt(nonce, clear, blob.AsSpan(NonceLength, clear.Length), blob.AsSpan(NonceLength + clear.Length), s_aad);
        }

        CryptographicOperations.ZeroMemory(clear);
        return new XElement(ElementName, new XAttribute("v", "1"), new XAttribute("kek", Fingerprint(key)), Convert.ToBase64String(blob));
    }

    internal static XElement Open(byte[] key, XElement sealedElement)
    {
        if (sealedElement.Name != ElementName || (string?)sealedElement.Attribute("v") != "1")
        {
            throw new CryptographicException("Unknown data-protection key envelope.");
        }

        if ((string?)sealedElement.Attribute("kek") != Fingerprint(key))
        {
            throw new CryptographicException(
                $"This data-protection key was encrypted under another key-encryption key than the configured {ConfigurationKey}.");
        }

        var blob = Convert.FromBase64String(sealedElement.Value);
        if (blob.Length < NonceLength + TagLength)
        {
            throw new CryptographicException("A data-protection key envelope is truncated.");
        }

        var clear = new byte[blob.Length - NonceLength - TagLength];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(blob.AsSpan(0, NonceLength), blob.AsSpan(NonceLength, clear.Length), blob.AsSpan(blob.Length - TagLength), clear, s_aad);
            return XElement.Parse(Encoding.UTF8.GetString(clear));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(clear);
        }
    }
}

/// <summary>Seals each new data-protection key under the KEK (<see cref="KeyRingEncryption"/>).</summary>
public sealed class KeyRingXmlEncryptor(byte[] key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(KeyRingEncryption.Seal(key, plaintextElement), typeof(KeyRingXmlDecryptor));
}

/// <summary>
/// Opens keys sealed by <see cref="KeyRingXmlEncryptor"/>. The data-protection system creates it by type name with
/// the host's service provider, so it reads the KEK from configuration itself.
/// </summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly byte[] _key = KeyRingEncryption.ReadKey(services.GetRequiredService<IConfiguration>());

    public XElement Decrypt(XElement encryptedElement) => KeyRingEncryption.Open(_key, encryptedElement);
}
