namespace Committee.Delegations;

/// <summary>A State's name in use from a date (the first name has no start).</summary>
public sealed record StateName(string Name, int? FromYear);

/// <summary>A Member State of the United Nations with its names over time and its regional groups.</summary>
public sealed record MemberState(
    string Iso3,
    string CurrentName,
    DateOnly AdmissionDate,
    IReadOnlyList<StateName> Names,
    IReadOnlyList<string> Groups)
{
    public bool IsMemberOn(DateOnly date) => date >= AdmissionDate;

    /// <summary>The name used in UN records at that date (name changes are known to the year).</summary>
    public string NameOn(DateOnly date) =>
        Names.LastOrDefault(n => n.FromYear is null || n.FromYear <= date.Year)?.Name ?? CurrentName;

    public bool IsKnownAs(string name) =>
        Names.Any(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
}
