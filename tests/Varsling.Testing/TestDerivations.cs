namespace Varsling.Testing;

/// <summary>
/// Cheap Argon2id costs for test hosts: production writes 128 MiB / 3 passes (Core's DerivationOptions), which would
/// make every enrolment and sign-in in the suite cost about a second. The parameters travel in each blob, so a blob
/// written with these opens exactly like one written with the production values (Crypto tests cover both).
/// </summary>
public static class TestDerivations
{
    public const int MemoryKiB = 64;
    public const int Iterations = 1;

    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Derivations:Argon2idMemoryKiB", MemoryKiB.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Derivations:Argon2idIterations", Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
