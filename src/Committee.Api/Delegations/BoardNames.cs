namespace Committee.Delegations;

/// <summary>The short forms a voting board shows where a State's name in use does not fit a cell: whole words or the
/// abbreviations the UN's own boards use, never a cut name. Keyed by the name in use, since names change over time.</summary>
public static class BoardNames
{
    private static readonly Dictionary<string, string> Short = new(StringComparer.Ordinal)
    {
        ["Antigua and Barbuda"] = "Antigua-Barbuda",
        ["Bolivia (Plurinational State of)"] = "Bolivia",
        ["Bosnia and Herzegovina"] = "Bosnia-Herzeg.",
        ["Brunei Darussalam"] = "Brunei",
        ["Central African Republic"] = "Central Afr. Rep.",
        ["Democratic People's Republic of Korea"] = "DPR Korea",
        ["Democratic Republic of the Congo"] = "DR Congo",
        ["Dominican Republic"] = "Dominican Rep.",
        ["Equatorial Guinea"] = "Equat. Guinea",
        ["Iran (Islamic Republic of)"] = "Iran",
        ["Lao People's Democratic Republic"] = "Lao PDR",
        ["Libyan Arab Jamahiriya"] = "Libyan AJ",
        ["Micronesia (Federated States of)"] = "Micronesia",
        ["Netherlands (Kingdom of the)"] = "Netherlands",
        ["Papua New Guinea"] = "Papua N. Guinea",
        ["Republic of Korea"] = "Rep. of Korea",
        ["Republic of Moldova"] = "Rep. of Moldova",
        ["Russian Federation"] = "Russian Fed.",
        ["Saint Kitts and Nevis"] = "St Kitts-Nevis",
        ["Saint Vincent and the Grenadines"] = "St Vincent-Gren.",
        ["Sao Tome and Principe"] = "Sao Tome-Princ.",
        ["Syrian Arab Republic"] = "Syria",
        ["the former Yugoslav Republic of Macedonia"] = "TFYR Macedonia",
        ["Trinidad and Tobago"] = "Trinidad-Tobago",
        ["United Arab Emirates"] = "UAE",
        ["United Kingdom of Great Britain and Northern Ireland"] = "United Kingdom",
        ["United Republic of Tanzania"] = "Tanzania",
        ["United States of America"] = "United States",
        ["Venezuela (Bolivarian Republic of)"] = "Venezuela",
    };

    /// <summary>The board's short form of a name, or the name itself when it has none.</summary>
    public static string Of(string name) => Short.GetValueOrDefault(name, name);
}
