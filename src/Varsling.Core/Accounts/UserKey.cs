namespace Varsling.Core.Accounts;

/// <summary>
/// A person's X25519 key pair (architecture.md §3): the public key in the clear, the private key only wrapped —
/// under the login password and under the recovery key shown once at enrolment, both stretched with Argon2id
/// (parameters in the blob, crypto-docs/protocol.md §6).
/// When the organisation turns escrow on, also sealed to its escrow public key (<see cref="EscrowWrap"/>); a person
/// without password, recovery key or escrow gets a new key pair and must be granted their cases again.
/// </summary>
public sealed class UserKey : IOrganisationOwned
{
    private UserKey() { }

    public UserKey(Guid userId, Guid organisationId, byte[] publicKey, byte[] passwordWrap, byte[] recoveryWrap, DateTimeOffset at)
    {
        UserId = userId;
        OrganisationId = organisationId;
        PublicKey = publicKey;
        PasswordWrap = passwordWrap;
        RecoveryWrap = recoveryWrap;
        CreatedAt = at;
        UpdatedAt = at;
    }

    public Guid UserId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Uncompressed SEC1 point (65 bytes); what case keys are wrapped to.</summary>
    public byte[] PublicKey { get; private set; } = [];

    /// <summary>The private key wrapped under the login password (crypto-docs/protocol.md §6).</summary>
    public byte[] PasswordWrap { get; private set; } = [];

    /// <summary>The private key wrapped directly under the 256-bit recovery key.</summary>
    public byte[] RecoveryWrap { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    // Access: escrow (crypto-docs/protocol.md §10).
    /// <summary>The private key sealed to the organisation's escrow public key while escrow is on; null otherwise.</summary>
    public byte[]? EscrowWrap { get; private set; }

    /// <summary>Escrow turned on or off, or the person's key re-sealed to the current escrow key.</summary>
    public void SetEscrowWrap(byte[]? escrowWrap, DateTimeOffset at)
    {
        EscrowWrap = escrowWrap;
        UpdatedAt = at;
    }

    /// <summary>Escrow recovery: the same key pair under a new one-time recovery key; the password wrap stays until the person uses it.</summary>
    public void RewrapRecovery(byte[] recoveryWrap, DateTimeOffset at)
    {
        RecoveryWrap = recoveryWrap;
        UpdatedAt = at;
    }

    /// <summary>After a password change or reset: the same key pair under the new password.</summary>
    public void RewrapPassword(byte[] passwordWrap, DateTimeOffset at)
    {
        PasswordWrap = passwordWrap;
        UpdatedAt = at;
    }

    /// <summary>At (re-)enrolment: the same key pair under a new password and a new recovery key.</summary>
    public void Rewrap(byte[] passwordWrap, byte[] recoveryWrap, DateTimeOffset at)
    {
        PasswordWrap = passwordWrap;
        RecoveryWrap = recoveryWrap;
        UpdatedAt = at;
    }
}

/// <summary>
/// The server half of a split-key session (architecture.md §3): the private key re-wrapped under a random
/// per-session key that exists only in the person's auth cookie. The row alone does not yield the key, nor does
/// the cookie alone. Logout and expiry delete the row.
/// </summary>
public sealed class KeySession : IOrganisationOwned
{
    private KeySession() { }

    public KeySession(Guid id, Guid userId, Guid organisationId, byte[] blob, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        UserId = userId;
        OrganisationId = organisationId;
        Blob = blob;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The private key wrapped directly under the session key.</summary>
    public byte[] Blob { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Slides with use, never beyond <see cref="CreatedAt"/> plus the absolute session lifetime.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    internal void Restart(DateTimeOffset now, DateTimeOffset expiresAt)
    {
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    internal void ExtendTo(DateTimeOffset expiresAt) => ExpiresAt = expiresAt;
}
