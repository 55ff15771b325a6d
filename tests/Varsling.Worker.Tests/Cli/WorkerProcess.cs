using System.Diagnostics;

namespace Varsling.Worker.Tests.Cli;

/// <summary>
/// The Worker as a separate operating-system process (<c>dotnet Varsling.Worker.dll &lt;verb&gt;</c>), configured only
/// through the environment as an operator would, so a test can kill it like a crashed or OOM-killed host.
/// </summary>
internal static class WorkerProcess
{
    /// <summary>The Worker's assembly as built next to the tests (the project reference copies it with its runtime config).</summary>
    public static string AssemblyPath
    {
        get
        {
            var path = typeof(Worker.Cli.Cli).Assembly.Location;
            var config = Path.ChangeExtension(path, ".runtimeconfig.json");
            return File.Exists(config)
                ? path
                : throw new InvalidOperationException($"The Worker's runtime config is missing next to {path}; build the Worker project.");
        }
    }

    public static Process Start(string connectionString, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(AssemblyPath)!,
        };
        info.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ConnectionStrings__Varsling"] = connectionString;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info) ?? throw new InvalidOperationException("The Worker process did not start.");
    }

    /// <summary>Runs a verb to completion and returns its exit code and output.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string connectionString, TimeSpan timeout, params string[] args)
    {
        using var process = Start(connectionString, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The Worker verb '{string.Join(' ', args)}' did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
