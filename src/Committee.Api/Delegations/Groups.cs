namespace Committee.Delegations;

/// <summary>A group on whose behalf a State may act. A regional group's members come from the reference data, by date;
/// for a political group (the Group of 77 and China, the Movement of Non-Aligned Countries …) Committee holds no member
/// list, and says so rather than invent one.</summary>
public sealed record Group(string Name, string? RegionalGroup, IReadOnlyList<string> Aliases, IReadOnlyList<StateName>? Names = null)
{
    public bool HasMemberList => RegionalGroup is not null;

    /// <summary>The group's name in use at that date (PROCEDURE §4.2: the Asian Group became the Asia-Pacific Group in 2011).</summary>
    public string NameOn(DateOnly date) => Names?.LastOrDefault(n => n.FromYear is null || n.FromYear <= date.Year)?.Name ?? Name;
}

/// <summary>A State's place in a regional group over a period: PROCEDURE §4.2 asks for valid-from / valid-to dates.</summary>
public sealed record GroupMembership(string RegionalGroup, DateOnly From, DateOnly? Until = null, string? Note = null)
{
    public bool IsOn(DateOnly date) => date >= From && (Until is null || date <= Until);
}

public static class Groups
{
    public static readonly IReadOnlyList<Group> All =
    [
        new("African Group", "African States", ["African States", "Group of African States"]),
        new("Asia-Pacific Group", "Asia-Pacific States", ["Asia-Pacific States", "Group of Asia-Pacific States", "Asia and the Pacific Group", "Asian Group", "Group of Asian States"],
            [new("Asian Group", null), new("Asia-Pacific Group", 2011)]),
        new("Eastern European Group", "Eastern European States", ["Eastern European States", "Group of Eastern European States"]),
        new("Group of Latin American and Caribbean States", "Latin American and Caribbean States", ["Latin American and Caribbean States", "GRULAC"]),
        new("Western European and other States Group", "Western European and other States", ["Western European and other States", "WEOG"]),
        new("Group of 77 and China", null, ["G77", "Group of 77"]),
        new("Non-Aligned Movement", null, ["Movement of Non-Aligned Countries", "NAM"]),
        new("Organisation of Islamic Cooperation", null, ["Organization of Islamic Cooperation", "OIC"]),
        new("Group of Arab States", null, ["Arab Group"]),
        new("Southern African Development Community", null, ["SADC"]),
        new("Economic Community of Central African States", null, ["ECCAS"]),
    ];

    /// <summary>Where a State's membership did not simply begin at its admission (PROCEDURE §4.2, special cases; the
    /// group_notes column of member-states.csv).</summary>
    public static readonly IReadOnlyDictionary<(string Iso3, string RegionalGroup), GroupMembership> Exceptions =
        new Dictionary<(string, string), GroupMembership>
        {
            [("ISR", "Western European and other States")] = new("Western European and other States", new DateOnly(2000, 5, 1), null,
                "full member of WEOG in New York since May 2000, on a temporary basis renewed permanently in 2004 (ask.un.org FAQ 14521); in no group before"),
            // The year Kiribati joined is not established (PROCEDURE §8, question 5): sources up to 2014 place it in no group.
            [("KIR", "Asia-Pacific States")] = new("Asia-Pacific States", new DateOnly(2015, 1, 1), null,
                "in no group according to sources up to 2014 (ask.un.org, citing 2010); listed under Asia-Pacific on the current DGACM list, from a date not established"),
        };

    /// <summary>Resolves a group by name, alias, or the long form printed on documents
    /// ("the States Members of the United Nations that are members of the African Group").</summary>
    public static Group? Find(string name)
    {
        var key = name.Trim();
        const string longForm = "States Members of the United Nations that are members of the ";
        var at = key.IndexOf(longForm, StringComparison.OrdinalIgnoreCase);
        if (at >= 0) key = key[(at + longForm.Length)..].TrimEnd('.', ')', ' ');
        if (key.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) key = key[4..];
        return All.FirstOrDefault(g => string.Equals(g.Name, key, StringComparison.OrdinalIgnoreCase)
                                       || g.Aliases.Any(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase)));
    }
}
