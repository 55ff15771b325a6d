namespace Varsling.Benchmarks;

/// <summary>
/// One server-side benchmark: it seeds its own throwaway database (PostgresServer.Shared), measures the operation
/// under test and a baseline in the same run, and prints both with their ratio. Absolute figures on a shared
/// machine are noise; the ratio is the claim (docs/benchmarks.md).
/// </summary>
public interface IScenario
{
    /// <summary>The name given on the command line, e.g. <c>purge</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text: what is measured and against which baseline.</summary>
    string Description { get; }

    /// <summary>Runs the scenario with its own arguments and returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct);
}
