using System.Diagnostics;
using System.Text;
using Npgsql;

/// <summary>Command line: --connection (Npgsql, database included), --schema, --data (the unvotes folder), --api (the
/// app's dll: scripts/bench-votes passes the published one, artifacts/api), --signing-key, --doc (docs/performance.md). Defaults suit scripts/bench-votes.</summary>
sealed record Options(string Connection, string Schema, string Data, string Api, string SigningKey, string PerformanceDoc)
{
    public string Database => new NpgsqlConnectionStringBuilder(Connection).Database ?? "";

    public static Options Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != $"--{name}").Skip(1).FirstOrDefault();
        var root = FindUp("Committee.sln") ?? Directory.GetCurrentDirectory();
        return new Options(
            Arg("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Committee") ?? "Host=127.0.0.1;Port=55432;Database=committee_voting;Username=postgres",
            Arg("schema") ?? "voting_bench",
            Arg("data") ?? Path.Combine(FindUp(Path.Combine("shared", "data", "unvotes", "votes.csv")) ?? "", "shared", "data", "unvotes"),
            Arg("api") ?? Path.Combine(root, "artifacts", "api", "Committee.Api.dll"),
            Arg("signing-key") ?? Environment.GetEnvironmentVariable("Committee__Auth__SigningKey") ?? "a-benchmark-signing-key-that-is-long-enough-for-hmac",
            Arg("doc") ?? Path.Combine(root, "docs", "performance.md"));
    }

    /// <summary>The nearest folder, from here upwards, that holds the relative path.</summary>
    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return dir.FullName;
        return null;
    }
}

/// <summary>The app itself, as a process: a command (import) or the server.</summary>
static class App
{
    private static ProcessStartInfo Info(Options options, IEnumerable<string> arguments, string? urls = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(options.Api);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["ConnectionStrings__Committee"] = options.Connection;
        info.Environment["Committee__Schema"] = options.Schema;
        info.Environment["Committee__Auth__SigningKey"] = options.SigningKey;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (urls is not null) info.Environment["ASPNETCORE_URLS"] = urls;
        // The app's own folder (scripts/bench-votes passes the published app, artifacts/api): its appsettings.json is the content root.
        info.WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(options.Api))!;
        return info;
    }

    public static async Task<(int Code, string Output)> Run(Options options, string[] arguments)
    {
        using var process = Process.Start(Info(options, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    public static Server Start(Options options, string url) => new(Process.Start(Info(options, [], url))!);

    public sealed class Server(Process process) : IDisposable
    {
        private readonly Task _drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            _drain.Wait(TimeSpan.FromSeconds(5));
            process.Dispose();
        }
    }
}

/// <summary>Replaces one "## Title" section of a Markdown file (up to the next "## "), or appends it.</summary>
static class Markdown
{
    public static void WriteSection(string path, string title, string body)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n";
        var heading = $"## {title}\n";
        var section = $"{heading}\n{body}\n";
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            text = text.TrimEnd('\n') + "\n\n" + section;
        }
        else
        {
            var next = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            text = text[..start] + section + (next < 0 ? "" : "\n" + text[(next + 1)..]);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
