using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core;

/// <summary>
/// Settings of the server's expensive key derivations: how many run at once, how long a caller waits for a slot,
/// and the Argon2id cost written into new password and recovery-key wraps (crypto-docs/decisions.md).
/// </summary>
public sealed class DerivationOptions
{
    public const string Section = "Derivations";

    /// <summary>Derivations (receipt PBKDF2, Argon2id wraps) the host runs at once; each Argon2id holds its memory while it runs.</summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>How long a derivation waits for a slot before the person is asked to try again (503).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Argon2id memory (KiB) for new wraps; the default is the measured production value. Existing blobs keep theirs.</summary>
    [Range(Argon2idParameters.MinMemoryKiB, Argon2idParameters.MaxMemoryKiB)]
    public int Argon2idMemoryKiB { get; set; } = Argon2idParameters.Default.MemoryKiB;

    /// <summary>Argon2id passes for new wraps; the default is the measured production value.</summary>
    [Range(1, Argon2idParameters.MaxIterations)]
    public int Argon2idIterations { get; set; } = Argon2idParameters.Default.Iterations;

    public Argon2idParameters Argon2id => new(Argon2idMemoryKiB, Argon2idIterations);
}

/// <summary>
/// The one bounded queue for the server's deliberately slow derivations: the receipt-code PBKDF2 of no-JavaScript
/// reporters and the Argon2id wraps of back-office passwords and recovery keys. At most
/// <see cref="DerivationOptions.MaxConcurrent"/> run at once, each caller waiting at most
/// <see cref="DerivationOptions.QueueTimeout"/>, so a flood of logins can neither starve the site's threads nor
/// exhaust its memory; when full, <see cref="ServerBusyException"/> (the hosts answer 503).
/// </summary>
public sealed class BoundedDerivations(IOptions<DerivationOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrent, options.Value.MaxConcurrent);

    /// <summary>The Argon2id parameters new wraps are written with.</summary>
    public Argon2idParameters Argon2id => options.Value.Argon2id;

    /// <summary>Receipt code → lookup token and wrap key (PBKDF2, crypto-docs/protocol.md §7).</summary>
    public Task<ReceiptSecrets> DeriveReceiptAsync(string normalizedCode, byte[] salt, CancellationToken ct) =>
        RunAsync(() => ReceiptCode.Derive(normalizedCode, salt), ct);

    /// <summary>Wraps a private key under a password with the configured Argon2id parameters.</summary>
    public Task<byte[]> WrapWithPasswordAsync(X25519KeyPair pair, string password, CancellationToken ct) =>
        RunAsync(() => PrivateKeyWrap.WrapWithPassword(pair, password, Argon2id), ct);

    /// <summary>Opens a password wrap with the parameters the blob records.</summary>
    public Task<X25519KeyPair> UnwrapWithPasswordAsync(byte[] blob, string password, CancellationToken ct) =>
        RunAsync(() => PrivateKeyWrap.UnwrapWithPassword(blob, password), ct);

    /// <summary>Wraps a private key under a recovery key (its 32 bytes, stretched with Argon2id like a password).</summary>
    public Task<byte[]> WrapWithSecretAsync(X25519KeyPair pair, byte[] secret, CancellationToken ct) =>
        RunAsync(() => PrivateKeyWrap.WrapWithSecret(pair, secret, Argon2id), ct);

    /// <summary>Opens a recovery-key wrap with the parameters the blob records.</summary>
    public Task<X25519KeyPair> UnwrapWithSecretAsync(byte[] blob, byte[] secret, CancellationToken ct) =>
        RunAsync(() => PrivateKeyWrap.UnwrapWithSecret(blob, secret), ct);

    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        if (!await _slots.WaitAsync(options.Value.QueueTimeout, ct))
        {
            throw new ServerBusyException();
        }

        try
        {
            return await Task.Run(work, ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
