using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Committee.Browser.Tests;

/// <summary>A newcomer's path through the README: every script it shows exists, every command of the app's command
/// line it shows has working help, and nothing it runs is missing from a fresh Debian (uuidgen was).</summary>
public sealed partial class NewcomerTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot, "README.md"));

    /// <summary>The lines of the README's shell blocks.</summary>
    private static IEnumerable<string> ShellLines() =>
        ShellBlock().Matches(Readme).SelectMany(m => m.Groups[1].Value.Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0);

    [Fact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]   // the scripts are bash, their modes Unix
    public void Every_script_the_README_shows_exists_and_nothing_it_runs_is_missing_from_a_fresh_machine()
    {
        var scripts = ShellLines().SelectMany(l => Script().Matches(l)).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var path = Path.Combine(AppProcess.RepositoryRoot, script);
            Assert.True(File.Exists(path), $"README shows {script}, which does not exist");
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
        }
        Assert.DoesNotContain(ShellLines(), l => l.Contains("uuidgen"));
        Assert.Matches("^[0-9a-f-]{36}$", File.ReadAllText("/proc/sys/kernel/random/uuid").Trim());   // what the README uses instead
    }

    [Fact]
    public async Task The_help_of_every_command_the_README_shows_works()
    {
        var commands = ShellLines().SelectMany(l => AppCommand().Matches(l)).Select(m => m.Groups[1].Value).Where(c => c != "help").Distinct().ToList();
        Assert.Contains("import", commands);
        // JasperFx's help exits 1 after printing a command's usage: what counts is the usage, and no error.
        foreach (var (arguments, expected) in commands.Select(c => ($"help {c}", $"{c} - ")).Prepend(("help", "import")))
        {
            var output = await App(arguments);
            Assert.True(output.Contains(expected) && !output.Contains("ERROR"), $"scripts/committee {arguments} failed:\n{output}");
        }
    }

    private static async Task<string> App(string arguments)
    {
        var project = Path.Combine(AppProcess.RepositoryRoot, "src", "Committee.Api");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet", $"{Path.Combine(project, "bin", configuration, "net10.0", "Committee.Api.dll")} {arguments}")
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["Committee__Auth__SigningKey"] = AppProcess.SigningKey, ["ConnectionStrings__Committee"] = AppProcess.ConnectionString },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return await output + await errors;
    }

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)] private static partial Regex ShellBlock();
    [GeneratedRegex(@"scripts/[a-z-]+")] private static partial Regex Script();
    [GeneratedRegex(@"scripts/committee ([a-z-]+)")] private static partial Regex AppCommand();
}
