namespace Committee.Delegations;

/// <summary>A group on whose behalf a State may act: a regional group (with members over time) or a political group.</summary>
public sealed record Group(string Name, string? RegionalGroup, IReadOnlyList<string> Aliases);

public static class Groups
{
    public static readonly IReadOnlyList<Group> All =
    [
        new("African Group", "African States", ["African States", "Group of African States"]),
        new("Asia-Pacific Group", "Asia-Pacific States", ["Asia-Pacific States", "Group of Asia-Pacific States", "Asia and the Pacific Group", "Asian Group", "Group of Asian States"]),
        new("Eastern European Group", "Eastern European States", ["Eastern European States", "Group of Eastern European States"]),
        new("Group of Latin American and Caribbean States", "Latin American and Caribbean States", ["Latin American and Caribbean States", "GRULAC"]),
        new("Western European and other States Group", "Western European and other States", ["Western European and other States", "WEOG"]),
        new("Group of 77 and China", null, ["G77", "Group of 77"]),
        new("Non-Aligned Movement", null, ["Movement of Non-Aligned Countries", "NAM"]),
        new("Organisation of Islamic Cooperation", null, ["Organization of Islamic Cooperation", "OIC"]),
        new("Group of Arab States", null, ["Arab Group"]),
    ];

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
