using Microsoft.Extensions.Configuration;

namespace Varsling.Worker.Tests.Cli;

/// <summary>Runs the operator CLI in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(string? connectionString, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await Worker.Cli.Cli.RunAsync(args, stdout, stderr, configuration =>
        {
            if (connectionString is not null)
            {
                configuration.AddInMemoryCollection([new("ConnectionStrings:Varsling", connectionString)]);
            }
        });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
