using System.Globalization;
using System.Text.RegularExpressions;

namespace Committee.Delegations;

/// <summary>The Member States and regional groups, read from shared/data/member-states.csv at start.</summary>
public sealed partial class MemberStates
{
    private readonly Dictionary<string, MemberState> _byIso3;

    public MemberStates(IEnumerable<MemberState> states)
    {
        _byIso3 = states.ToDictionary(s => s.Iso3, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<MemberState> All => _byIso3.Values;

    public MemberState? ByIso3(string iso3) => _byIso3.GetValueOrDefault(iso3.Trim());

    /// <summary>A delegation Committee follows: a Member State's ISO3 code, or an observer's code (PSE, VAT, EU).</summary>
    public bool IsDelegationCode(string code) => ByIso3(code) is not null || Observers.Find(code) is not null;

    /// <summary>Finds a State by ISO3 code or by any of its names, preferring the name in use at the date.</summary>
    public MemberState? Find(string delegation, DateOnly date)
    {
        var key = delegation.Trim();
        if (key.Length == 3 && ByIso3(key) is { } byCode) return byCode;
        return _byIso3.Values.FirstOrDefault(s => string.Equals(s.NameOn(date), key, StringComparison.OrdinalIgnoreCase))
            ?? _byIso3.Values.FirstOrDefault(s => s.IsKnownAs(key));
    }

    /// <summary>The members of a regional group at that date, by the names then in use.</summary>
    public IEnumerable<MemberState> MembersOf(string regionalGroup, DateOnly date) =>
        _byIso3.Values.Where(s => s.GroupsOn(date).Contains(regionalGroup)).OrderBy(s => s.NameOn(date), StringComparer.Ordinal);

    public static MemberStates Load(string path)
    {
        var rows = Csv.Read(File.ReadAllText(path)).ToList();
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name);
        var (name, iso3, admitted, group, alsoIn, history) =
            (Col("name"), Col("iso3"), Col("admission_date"), Col("regional_group"), Col("also_in_group"), Col("name_history"));

        return new MemberStates(rows.Skip(1).Where(r => r.Length == header.Length).Select(r =>
        {
            var admission = DateOnly.ParseExact(r[admitted], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new MemberState(r[iso3], r[name], admission, ParseNames(r[history], r[name], r[Col("name_used_in_2009")]),
                Memberships(r[iso3], admission, r[group], r[alsoIn]));
        }));
    }

    /// <summary>A State belongs to its group (and to a second one, for Türkiye) from its admission, unless the group's
    /// history says otherwise; the United States, an observer in WEOG, belongs to none.</summary>
    private static IReadOnlyList<GroupMembership> Memberships(string iso3, DateOnly admitted, params string[] groups) =>
        groups.Where(g => g.Length > 0 && !g.Contains("(observer)"))
            .Select(g => Groups.Exceptions.GetValueOrDefault((iso3, g)) ?? new GroupMembership(g, admitted))
            .ToList();

    /// <summary>Reads "Old -> New (2013) -> Newer (June 2022)"; the year in brackets is when a name took effect.</summary>
    internal static IReadOnlyList<StateName> ParseNames(string history, string currentName, string nameIn2009 = "")
    {
        var names = new List<StateName>();
        if (!history.Contains("->"))
        {
            // A note without a chain ("Czech Republic; short name Czechia added 2016"): the 2009 name, then the current
            // one from the year the note gives for it.
            var earlier = Note2009().Replace(nameIn2009, "").Trim();
            if (earlier.Length > 0 && earlier != currentName)
            {
                var since = Regex.Match(history, Regex.Escape(currentName) + @"\D*(\d{4})");
                names.Add(new StateName(earlier, null));
                names.Add(new StateName(currentName, since.Success ? int.Parse(since.Groups[1].Value, CultureInfo.InvariantCulture) : 2010));
                return names;
            }
            return [new StateName(currentName, null)];
        }
        var segments = history.Split("->", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (i == 0)
            {
                // The first name has no start date; predecessor notes ("(original member)", "admitted …", "A + B") are not names.
                if (segment.Contains('+')) continue;
                var first = TrailingNote().Replace(Admitted().Replace(segment, ""), "").Trim();
                names.Add(new StateName(first, null));
                continue;
            }
            var note = TrailingNote().Match(segment);
            var year = Year().Match(note.Value);
            var newName = note.Success ? segment[..note.Index].Trim() : segment;
            names.Add(new StateName(newName, year.Success ? int.Parse(year.Value, CultureInfo.InvariantCulture) : null));
        }
        if (names.Count == 0 || names[^1].Name != currentName) names.Add(new StateName(currentName, null));
        return names;
    }

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")] private static partial Regex TrailingNote();
    [GeneratedRegex(@"\s+admitted\s+.*$")] private static partial Regex Admitted();
    [GeneratedRegex(@"\d{4}")] private static partial Regex Year();
    [GeneratedRegex(@"\[[^\]]*\]")] private static partial Regex Note2009();
}
