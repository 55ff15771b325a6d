using Microsoft.AspNetCore.Identity;

namespace Varsling.Core.Accounts;

/// <summary>A person who works in the back office: case handler, legal team member or administrator.</summary>
public sealed class VarslingUser : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }

    public string DisplayName { get; set; } = "";
}

/// <summary>An Identity role; the three the product knows are listed in <see cref="Roles"/>.</summary>
public sealed class VarslingRole : IdentityRole<Guid>
{
    public VarslingRole() { }

    public VarslingRole(string name) : base(name) { }
}

/// <summary>The roles of the back office.</summary>
public static class Roles
{
    /// <summary>Reads and works the cases of the channels they are assigned to.</summary>
    public const string Handler = "handler";

    /// <summary>Reads closing summaries of closed cases and exports them; sets legal holds.</summary>
    public const string Legal = "legal";

    /// <summary>Manages people, channels, legal entities and organisation settings; reads the audit log.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Handler, Legal, Admin];
}
