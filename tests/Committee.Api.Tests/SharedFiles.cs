namespace Committee.Api.Tests;

/// <summary>The shared data beside the repository (../shared/data), found by walking up from the test binaries.</summary>
public static class SharedFiles
{
    /// <summary>The path of a file under shared/data, e.g. "undl/session78-c3-drafts.csv".</summary>
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/data/{relative} not found above {AppContext.BaseDirectory}");
    }
}
