using Committee.Delegations;

namespace Committee.Domain.Tests.Support;

/// <summary>The real reference data from shared/data, found by walking up from the test binaries
/// (the repository sits beside a <c>shared</c> folder), loaded once for the whole run.</summary>
internal static class SharedData
{
    private static readonly Lazy<MemberStates> States = new(() => MemberStates.Load(MemberStatesCsv));

    public static MemberStates MemberStates => States.Value;

    public static string MemberStatesCsv => FindUpwards(Path.Combine("shared", "data", "member-states.csv"))
        ?? throw new InvalidOperationException(
            $"shared/data/member-states.csv not found above {AppContext.BaseDirectory}: the repository must sit beside a 'shared' folder");

    /// <summary>The UN Digital Library's records of the 78th session's L documents (PROCEDURE §6).</summary>
    public static string UndlSession78Csv => FindUpwards(Path.Combine("shared", "data", "undl", "session78-c3-drafts.csv"))
        ?? throw new InvalidOperationException($"shared/data/undl/session78-c3-drafts.csv not found above {AppContext.BaseDirectory}");

    /// <summary>Five of those records as the library exports them (MARCXML).</summary>
    public static string UndlSession78Sample => FindUpwards(Path.Combine("shared", "data", "undl", "session78-c3-sample.marcxml"))
        ?? throw new InvalidOperationException($"shared/data/undl/session78-c3-sample.marcxml not found above {AppContext.BaseDirectory}");

    /// <summary>The unvotes roll calls (GA plenary, sessions 1–74).</summary>
    public static string UnvotesRollCallsCsv => FindUpwards(Path.Combine("shared", "data", "unvotes", "roll_calls.csv"))
        ?? throw new InvalidOperationException($"shared/data/unvotes/roll_calls.csv not found above {AppContext.BaseDirectory}");

    /// <summary>The text of a document in shared/data/documents.</summary>
    public static string DocumentText(string file) =>
        File.ReadAllText(FindUpwards(Path.Combine("shared", "data", "documents", file))
            ?? throw new InvalidOperationException($"shared/data/documents/{file} not found above {AppContext.BaseDirectory}"));

    private static string? FindUpwards(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>Raw rows of member-states.csv by ISO3, for tests that feed the real strings to parsers.</summary>
internal static class MemberStateRows
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Rows = new(() =>
    {
        var rows = Csv.Read(File.ReadAllText(SharedData.MemberStatesCsv)).ToList();
        var header = rows[0];
        return rows.Skip(1).Where(r => r.Length == header.Length)
            .ToDictionary(r => r[Array.IndexOf(header, "iso3")],
                r => (IReadOnlyDictionary<string, string>)header.Select((column, i) => (column, value: r[i])).ToDictionary(c => c.column, c => c.value));
    });

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All => Rows.Value;

    public static string Column(string iso3, string column) => All[iso3][column];
}
