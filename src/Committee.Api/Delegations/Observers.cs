using Committee.Infrastructure;

namespace Committee.Delegations;

/// <summary>An observer of the General Assembly: not in member-states.csv, never a voter, with sponsorship rights of
/// its own (PROCEDURE §4.4). Code is the ISO3 code a delegation token carries, where the observer has one.</summary>
public sealed record Observer(string Code, string Name, IReadOnlyList<string> Aliases)
{
    public const int PalestineMaySponsorFrom = 79;

    /// <summary>Why the observer may not sponsor a draft of that session with that text, naming the rule; null if it may.</summary>
    public string? MayNotSponsor(int session, string text) => Code switch
    {
        Observers.HolySeeCode when !text.Contains(Name, StringComparison.OrdinalIgnoreCase) =>
            "the Holy See, an observer State, may sponsor only drafts that refer to the Holy See (resolution 58/314)",
        Observers.PalestineCode when session < PalestineMaySponsorFrom =>
            $"the State of Palestine, an observer State, may sponsor only from the {PalestineMaySponsorFrom}th session of the General Assembly (resolution ES-10/23); this draft belongs to the {English.Ordinal(session)}",
        Observers.EuropeanUnionCode => "the European Union, an observer, cannot sponsor (resolution 65/276): its member States sponsor individually",
        _ => null,
    };
}

public static class Observers
{
    public const string HolySeeCode = "VAT";
    public const string PalestineCode = "PSE";
    public const string EuropeanUnionCode = "EU";

    public static readonly IReadOnlyList<Observer> All =
    [
        new(HolySeeCode, "Holy See", []),
        new(PalestineCode, "State of Palestine", ["Palestine"]),
        new(EuropeanUnionCode, "European Union", ["EU"]),
    ];

    /// <summary>An observer by code, name or alias.</summary>
    public static Observer? Find(string delegation)
    {
        var key = delegation.Trim();
        return All.FirstOrDefault(o => string.Equals(o.Code, key, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(o.Name, key, StringComparison.OrdinalIgnoreCase)
                                       || o.Aliases.Any(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase)));
    }
}
