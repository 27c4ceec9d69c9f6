using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Committee.Browser.Tests;

/// <summary>A throw-away PostgreSQL cluster of its own (a fault test stops and starts it; the shared one must go on).
/// Under /tmp, loopback only, run by the OS user postgres when the tests run as root (PostgreSQL refuses root).</summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"committee-fault-{Guid.NewGuid():N}"[..32]);
    private readonly int _port = FreePort();
    private static readonly string Bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin";

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Database=postgres;Username=postgres;Timeout=3;Command Timeout=10";

    public static async Task<PrivateCluster> Create()
    {
        var cluster = new PrivateCluster();
        Directory.CreateDirectory(cluster._directory);
        if (Environment.UserName == "root") await Run("chown", "postgres:", cluster._directory);
        await cluster.AsOwner($"{Bin}/initdb", "-D", cluster._directory + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
        await cluster.Start();
        return cluster;
    }

    public Task Start() => AsOwner($"{Bin}/pg_ctl", "-D", _directory + "/data", "-l", _directory + "/server.log", "-w", "-t", "60",
        "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off", "start");

    /// <summary>Fast shutdown: open sessions are ended, as when the database server is stopped for maintenance.</summary>
    public Task Stop() => AsOwner($"{Bin}/pg_ctl", "-D", _directory + "/data", "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try { await AsOwner($"{Bin}/pg_ctl", "-D", _directory + "/data", "-m", "immediate", "-w", "stop"); } catch (InvalidOperationException) { /* already stopped */ }
        Directory.Delete(_directory, recursive: true);
    }

    private Task AsOwner(string program, params string[] arguments) =>
        Environment.UserName == "root" ? Run("runuser", ["-u", "postgres", "--", program, .. arguments]) : Run(program, arguments);

    private static async Task Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
