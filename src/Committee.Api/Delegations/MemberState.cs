namespace Committee.Delegations;

/// <summary>A State's name in use from a date (the first name has no start).</summary>
public sealed record StateName(string Name, int? FromYear);

/// <summary>A Member State of the United Nations with its names over time and its regional groups over time.</summary>
public sealed record MemberState(
    string Iso3,
    string CurrentName,
    DateOnly AdmissionDate,
    IReadOnlyList<StateName> Names,
    IReadOnlyList<GroupMembership> Memberships)
{
    public bool IsMemberOn(DateOnly date) => date >= AdmissionDate;

    /// <summary>The name used in UN records at that date (name changes are known to the year).</summary>
    public string NameOn(DateOnly date) =>
        Names.LastOrDefault(n => n.FromYear is null || n.FromYear <= date.Year)?.Name ?? CurrentName;

    public bool IsKnownAs(string name) =>
        Names.Any(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The regional groups the State belonged to at that date, the one it counts in for elections first.</summary>
    public IReadOnlyList<string> GroupsOn(DateOnly date) =>
        IsMemberOn(date) ? Memberships.Where(m => m.IsOn(date)).Select(m => m.RegionalGroup).ToList() : [];
}
