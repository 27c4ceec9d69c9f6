using Committee.Delegations;
using Committee.Domain;
using Marten;

namespace Committee.Voting.Unvotes;

/// <summary>A former Member State: it voted in its time and is in no list of today's Member States. Iso3 is its
/// ISO 3166-3 code where it has one (Zanzibar, a Member for four months of 1963–1964, never had one).</summary>
public sealed record FormerMember(string? Iso3, string Name, DateOnly From, DateOnly Until)
{
    public bool IsMemberOn(DateOnly date) => date >= From && date <= Until;

    /// <summary>The key it is listed under: its code, or its name where it has none.</summary>
    public string Key => Iso3 ?? Name;
}

/// <summary>Where a row of unvotes' votes.csv sits in the Assembly: a Member State's seat (ISO3) or a former Member
/// State, by the dataset's ISO 3166-1 alpha-2 code, and for the few rows with no code, by the dataset's name.</summary>
public sealed record Seat(string? Iso3, string Name);

/// <summary>
/// The dataset uses ISO2 codes and its own short names; the Committee uses ISO3 and UN names. The table below is
/// written out, not derived, so that a code the dataset reads as something else cannot slip through: Namibia's "NA"
/// is a code, not a missing value. Seats follow the UN's own record: the Russian Federation continues the USSR's seat
/// (1991), Germany the Federal Republic's (1990), Yemen the Yemen Arab Republic's (1990), the People's Republic of
/// China holds China's seat (resolution 2758 (XXVI), 25 October 1971; before it the dataset's "Taiwan" cast China's
/// vote), and the Federal Republic of Yugoslavia, admitted on 1 November 2000, is today's Serbia. The dataset's
/// "Yugoslavia" before 1992 is the Socialist Federal Republic, a former Member; no row covers 1992–2000, when the
/// Assembly decided (resolution 47/1) that the Federal Republic would not take part. Nothing outside this table is
/// guessed: a code it does not know is reported, never mapped to a State.
/// </summary>
public static class Seats
{
    private const string MemberCodes =
        "AF AFG AL ALB DZ DZA AD AND AO AGO AG ATG AR ARG AM ARM AU AUS AT AUT AZ AZE BS BHS BH BHR BD BGD BB BRB BY BLR BE BEL " +
        "BZ BLZ BJ BEN BT BTN BO BOL BA BIH BW BWA BR BRA BN BRN BG BGR BF BFA BI BDI CV CPV KH KHM CM CMR CA CAN CF CAF TD TCD " +
        "CL CHL CN CHN CO COL KM COM CG COG CR CRI HR HRV CU CUB CY CYP CZ CZE CI CIV KP PRK CD COD DK DNK DJ DJI DM DMA DO DOM " +
        "EC ECU EG EGY SV SLV GQ GNQ ER ERI EE EST SZ SWZ ET ETH FJ FJI FI FIN FR FRA GA GAB GM GMB GE GEO DE DEU GH GHA GR GRC " +
        "GD GRD GT GTM GN GIN GW GNB GY GUY HT HTI HN HND HU HUN IS ISL IN IND ID IDN IR IRN IQ IRQ IE IRL IL ISR IT ITA JM JAM " +
        "JP JPN JO JOR KZ KAZ KE KEN KI KIR KW KWT KG KGZ LA LAO LV LVA LB LBN LS LSO LR LBR LY LBY LI LIE LT LTU LU LUX MG MDG " +
        "MW MWI MY MYS MV MDV ML MLI MT MLT MH MHL MR MRT MU MUS MX MEX FM FSM MC MCO MN MNG ME MNE MA MAR MZ MOZ MM MMR NA NAM " +
        "NR NRU NP NPL NL NLD NZ NZL NI NIC NE NER NG NGA MK MKD NO NOR OM OMN PK PAK PW PLW PA PAN PG PNG PY PRY PE PER PH PHL " +
        "PL POL PT PRT QA QAT KR KOR MD MDA RO ROU RU RUS RW RWA KN KNA LC LCA VC VCT WS WSM SM SMR ST STP SA SAU SN SEN RS SRB " +
        "SC SYC SL SLE SG SGP SK SVK SI SVN SB SLB SO SOM ZA ZAF SS SSD ES ESP LK LKA SD SDN SR SUR SE SWE CH CHE SY SYR TJ TJK " +
        "TH THA TL TLS TG TGO TO TON TT TTO TN TUN TR TUR TM TKM TV TUV UG UGA UA UKR AE ARE GB GBR TZ TZA US USA UY URY UZ UZB " +
        "VU VUT VE VEN VN VNM YE YEM ZM ZMB ZW ZWE";

    /// <summary>ISO2 → ISO3 for the 193 Member States.</summary>
    public static readonly IReadOnlyDictionary<string, string> Iso3ByIso2 = MemberCodes.Split(' ').Chunk(2).ToDictionary(p => p[0], p => p[1]);

    public static readonly FormerMember Czechoslovakia = new("CSK", "Czechoslovakia", new(1945, 10, 24), new(1992, 12, 31));
    public static readonly FormerMember GermanDemocraticRepublic = new("DDR", "German Democratic Republic", new(1973, 9, 18), new(1990, 10, 2));
    public static readonly FormerMember DemocraticYemen = new("YMD", "Democratic Yemen", new(1967, 12, 14), new(1990, 5, 21));
    public static readonly FormerMember Yugoslavia = new("YUG", "Yugoslavia", new(1945, 10, 24), new(1992, 9, 21));
    public static readonly FormerMember Zanzibar = new(null, "Zanzibar", new(1963, 12, 16), new(1964, 4, 25));

    public static readonly IReadOnlyList<FormerMember> FormerMembers = [Czechoslovakia, GermanDemocraticRepublic, DemocraticYemen, Yugoslavia, Zanzibar];

    private static readonly DateOnly ChinaSeatRestored = new(1971, 10, 25);
    private static readonly DateOnly FederalRepublicOfYugoslaviaAdmitted = new(2000, 11, 1);

    /// <summary>The key (<see cref="Key"/>) of the seat a row stands for on its date, or null with the reason when the
    /// table has no seat for it: the seat without its name (<see cref="Named"/>), which an import of 870,109 rows needs
    /// only for the few it reports.</summary>
    public static (string? Key, string? Problem) KeyOf(string code, string country, DateOnly date, MemberStates states)
    {
        switch (code)
        {
            case "CS": return (Czechoslovakia.Key, null);
            case "DD": return (GermanDemocraticRepublic.Key, null);
            case "YD": return (DemocraticYemen.Key, null);
            case "YU" when date <= Yugoslavia.Until: return (Yugoslavia.Key, null);
            case "YU" when date >= FederalRepublicOfYugoslaviaAdmitted: return ("SRB", null);
            case "YU": return (null, $"no seat of Yugoslavia is recorded on {date:yyyy-MM-dd} (between resolution 47/1 and the admission of 1 November 2000)");
            case "TW" when date < ChinaSeatRestored: return ("CHN", null);
            case "TW": return (null, $"the seat of China was held by the People's Republic from 25 October 1971; a row for Taiwan on {date:yyyy-MM-dd} has none");
            case "" when country == "Zanzibar": return (Zanzibar.Key, null);
            case "" when country == "Yemen Arab Republic": return ("YEM", null);
            case "" when country == "Federal Republic of Germany": return ("DEU", null);
            case "": return (null, $"'{country}' has no country code and is not a State the importer knows");
        }
        return Iso3ByIso2.TryGetValue(code, out var iso3) && states.ByIso3(iso3) is not null
            ? (iso3, null)
            : (null, $"'{code}' ({country}) is not the ISO 3166-1 code of a Member State");
    }

    /// <summary>The name the UN used for the seat on that day. The reference data has no name history for the seats
    /// whose holder changed by continuity, so those names are given here.</summary>
    private static Seat Member(string iso3, DateOnly date, MemberStates states) => new(iso3, iso3 switch
    {
        "RUS" when date < new DateOnly(1991, 12, 24) => "Union of Soviet Socialist Republics",
        "DEU" when date < new DateOnly(1990, 10, 3) => "Federal Republic of Germany",
        _ => states.ByIso3(iso3)!.NameOn(date),
    });

    private static Seat Former(FormerMember member) => new(member.Iso3, member.Name);

    /// <summary>The seat a list entry names: an ISO3 code (a Member State's, or a former Member State's ISO 3166-3
    /// code), or the name of a former Member State without a code.</summary>
    public static Seat Named(string key, DateOnly date, MemberStates states) =>
        FormerMembers.FirstOrDefault(f => f.Iso3 == key || (f.Iso3 is null && f.Name == key)) is { } former ? Former(former)
        : states.ByIso3(key) is not null ? Member(key, date, states)
        : new Seat(null, key);

    /// <summary>The key a seat is listed under.</summary>
    public static string Key(Seat seat) => seat.Iso3 ?? seat.Name;

    /// <summary>A stored vote for reading (<see cref="Expand"/>), an imported roll call's lists read from its event: the
    /// stored document does not repeat them.</summary>
    public static async Task<Vote> ExpandAsync(Vote vote, IQuerySession query, MemberStates states, CancellationToken cancellation)
    {
        if (vote.Source.IsDataset && vote.Dataset is null)
            vote.RestoreDataset((await query.Events.FetchStreamAsync(vote.Id, token: cancellation)).Select(e => e.Data));
        return Expand(vote, states);
    }

    /// <summary>An imported roll call with its ballots and non-voting States by the names of its day, for reading.</summary>
    public static Vote Expand(Vote vote, MemberStates states)
    {
        if (vote.Dataset is not { } lists) return vote;
        IEnumerable<Ballot> Listed(IReadOnlyList<string> keys, BallotChoice choice) =>
            keys.Select(k => Named(k, vote.Date, states)).Select(s => new Ballot(s.Iso3, s.Name, choice));
        vote.Ballots = [.. Listed(lists.InFavour, BallotChoice.Yes), .. Listed(lists.Against, BallotChoice.No), .. Listed(lists.Abstaining, BallotChoice.Abstain)];
        vote.NonVoting = lists.NotVoting.Select(k => Named(k, vote.Date, states))
            .Select(s => new NonVotingState(s.Iso3, s.Name, NonVotingReason.DidNotVote)).OrderBy(n => n.Delegation, Records.UnOrder).ToList();
        return vote;
    }

    /// <summary>The keys of every seat that could vote on the day: the Member States admitted by then, and the former
    /// Member States of the time.</summary>
    public static IEnumerable<string> MembersOn(DateOnly date, MemberStates states) =>
        states.All.Where(s => s.IsMemberOn(date)).Select(s => s.Iso3)
            .Concat(FormerMembers.Where(f => f.IsMemberOn(date)).Select(f => f.Key));
}
