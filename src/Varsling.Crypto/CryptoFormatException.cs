namespace Varsling.Crypto;

/// <summary>
/// The one exception the crypto library throws for malformed or inauthentic input.
/// Its message says what was wrong and never contains key material or plaintext.
/// See crypto-docs/protocol.md, "Errors".
/// </summary>
public sealed class CryptoFormatException : Exception
{
    /// <summary>Creates the exception with a message free of secrets.</summary>
    public CryptoFormatException(string message) : base(message) { }
}
