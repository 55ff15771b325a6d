using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Varsling.Crypto.Tests;

/// <summary>Runs js/interop-helper.mjs under the `node` found on PATH, exchanging JSON over stdin/stdout.</summary>
internal static class NodeInterop
{
    private static readonly Lazy<string> _nodePath = new(FindNode);
    private static readonly Lazy<string> _repoRoot = new(FindRepoRoot);

    public static string Helper => Path.Combine(_repoRoot.Value, "tests", "Varsling.Crypto.Tests", "js", "interop-helper.mjs");

    /// <summary>Runs the operations in one node process; a JS error in any operation fails the test with its message.</summary>
    public static JsonObject[] Run(params JsonObject[] ops)
    {
        var results = RunRaw(ops);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i]["error"] is JsonObject err)
            {
                Assert.Fail($"JS operation {ops[i]["op"]} failed: {err["name"]} {err["code"]}: {err["message"]}");
            }
        }
        return results;
    }

    /// <summary>Runs operations and returns results as they are, errors included.</summary>
    public static JsonObject[] RunRaw(params JsonObject[] ops)
    {
        var psi = new ProcessStartInfo(_nodePath.Value, [Helper])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(new JsonArray(ops.Select(o => (JsonNode)o).ToArray()).ToJsonString());
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("node interop helper timed out");
        }
        Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {stderr.Result}");
        var parsed = JsonNode.Parse(stdout.Result)!.AsArray();
        Assert.Equal(ops.Length, parsed.Count);
        return parsed.Select(n => n!.AsObject()).ToArray();
    }

    public static JsonObject Op(string name, object? fields = null)
    {
        var o = fields is null ? new JsonObject() : JsonSerializer.SerializeToNode(fields)!.AsObject();
        o["op"] = name;
        return o;
    }

    public static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexStringLower(b);

    public static byte[] Bytes(JsonObject o, string name) => Convert.FromHexString((string)o[name]!);

    private static string FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var n in names)
            {
                var candidate = Path.Combine(dir, n);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException("`node` (Node.js 20 or later) was not found on PATH; the JS interop tests need it.");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Varsling.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Could not find the repository root (Varsling.sln) above the test output directory.");
    }
}
