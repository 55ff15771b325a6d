using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Varsling.Core.Data;

namespace Varsling.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process: initdb into a temporary folder, started on a free loopback
/// port, stopped when the process exits. Each test class asks for its own database, built by the migrations.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> s_shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string root, int port, bool asPostgresUser)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public static PostgresServer Shared => s_shared.Value;

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=false";

    /// <summary>Creates an empty database named <c>t_&lt;guid&gt;</c> and returns its connection string.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Creates a database and applies every migration, as the Worker's <c>migrate</c> verb does.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var connectionString = await CreateEmptyDatabaseAsync();
        await using var db = TestDb.Create(connectionString);
        await db.Database.MigrateAsync();
        return connectionString;
    }

    /// <summary>Runs one of the cluster's client programs (pg_dump, psql) against it and returns its output.</summary>
    public string RunClient(string program, params string[] args)
    {
        var all = new List<string> { "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres" };
        all.AddRange(args);
        var (code, stdout, stderr) = Run(Path.Combine(_bin, program), all, asPostgresUser: false);
        return code == 0 ? stdout : throw new InvalidOperationException($"{program} failed ({code}): {stderr}");
    }

    private static PostgresServer Start()
    {
        var bin = FindBinaries();
        var asPostgresUser = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), "varsling-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (asPostgresUser)
        {
            // initdb refuses to run as root; the cluster belongs to the postgres system user.
            Run("chown", ["postgres", root], asPostgresUser: false).Check("chown");
        }

        var data = Path.Combine(root, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            asPostgresUser).Check("initdb");

        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var (code, _, stderr) = Run(Path.Combine(bin, "pg_ctl"),
                ["-D", data, "-l", Path.Combine(root, "pg.log"), "-w", "-t", "60",
                 "-o", $"-k {root} -h 127.0.0.1 -p {port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                 "start"], asPostgresUser);
            if (code == 0)
            {
                var server = new PostgresServer(bin, root, port, asPostgresUser);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
                return server;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException($"PostgreSQL did not start: {stderr} {SafeRead(Path.Combine(root, "pg.log"))}");
            }
        }
    }

    private void Stop()
    {
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], _asPostgresUser);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the cluster is already stopped.
        }
    }

    private static string FindBinaries()
    {
        var fromEnv = Environment.GetEnvironmentVariable("VARSLING_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "pg_ctl")))
        {
            return fromEnv;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found. Install them (Debian/Ubuntu: apt-get install postgresql) or set VARSLING_PG_BIN.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string SafeRead(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static (int Code, string Stdout, string Stderr) Run(string file, IReadOnlyList<string> args, bool asPostgresUser)
    {
        var psi = new ProcessStartInfo(asPostgresUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

internal static class ProcessResultExtensions
{
    public static void Check(this (int Code, string Stdout, string Stderr) result, string what)
    {
        if (result.Code != 0)
        {
            throw new InvalidOperationException($"{what} failed ({result.Code}): {result.Stderr}");
        }
    }
}
