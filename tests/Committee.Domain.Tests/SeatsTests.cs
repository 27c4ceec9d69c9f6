using Committee.Domain.Tests.Support;
using Committee.Voting.Unvotes;

namespace Committee.Domain.Tests;

/// <summary>unvotes' ISO2 codes and names to the seats of the Assembly, without inventing a State.</summary>
public class SeatsTests
{
    /// <summary>The seat a row stands for on its date, named as the import names it, or null with the reason.</summary>
    private static (Seat? Seat, string? Problem) Of(string code, string country, DateOnly date)
    {
        var (key, problem) = Seats.KeyOf(code, country, date, SharedData.MemberStates);
        return (key is null ? null : Seats.Named(key, date, SharedData.MemberStates), problem);
    }

    private static Seat? Seat(string code, string country, int year, int month = 6, int day = 1) => Of(code, country, new DateOnly(year, month, day)).Seat;

    [Fact]
    public void Every_Member_State_has_exactly_one_ISO2_code_in_the_table()
    {
        Assert.Equal(193, Seats.Iso3ByIso2.Count);
        Assert.Equal(SharedData.MemberStates.All.Select(s => s.Iso3).Order(), Seats.Iso3ByIso2.Values.Order());
    }

    [Fact]
    public void Namibia_is_NA_not_a_missing_value() => Assert.Equal(new Seat("NAM", "Namibia"), Seat("NA", "Namibia", 2009));

    [Fact]
    public void Seats_follow_the_UNs_record_of_continuity()
    {
        Assert.Equal(new Seat("RUS", "Union of Soviet Socialist Republics"), Seat("RU", "Russia", 1980));
        Assert.Equal(new Seat("RUS", "Russian Federation"), Seat("RU", "Russia", 2009));
        Assert.Equal(new Seat("CHN", "China"), Seat("TW", "Taiwan", 1960));
        Assert.Null(Seat("TW", "Taiwan", 1972));
        Assert.Equal(new Seat("DEU", "Federal Republic of Germany"), Seat("", "Federal Republic of Germany", 1980));
        Assert.Equal("YEM", Seat("", "Yemen Arab Republic", 1980)!.Iso3);
        Assert.Equal(new Seat("YUG", "Yugoslavia"), Seat("YU", "Yugoslavia", 1980));
        Assert.Equal("SRB", Seat("YU", "Yugoslavia", 2009)!.Iso3);
        Assert.Null(Seat("YU", "Yugoslavia", 1995));
    }

    [Fact]
    public void Former_Member_States_keep_their_own_names_and_codes_and_nothing_unknown_is_mapped()
    {
        Assert.Equal(new Seat("CSK", "Czechoslovakia"), Seat("CS", "Czechoslovakia", 1980));
        Assert.Equal(new Seat("DDR", "German Democratic Republic"), Seat("DD", "German Democratic Republic", 1980));
        Assert.Equal(new Seat("YMD", "Democratic Yemen"), Seat("YD", "Yemen People's Republic", 1980));
        Assert.Equal(new Seat(null, "Zanzibar"), Seat("", "Zanzibar", 1963, 12, 20));
        var (seat, problem) = Of("XK", "Kosovo", new DateOnly(2010, 1, 1));
        Assert.Null(seat);
        Assert.Contains("not the ISO 3166-1 code of a Member State", problem);
        Assert.Null(Of("", "Somewhere", new DateOnly(1980, 1, 1)).Seat);
    }

    [Fact]
    public void The_seats_of_a_day_include_the_former_Member_States_of_the_time()
    {
        var in1980 = Seats.MembersOn(new DateOnly(1980, 10, 1), SharedData.MemberStates).ToList();
        Assert.Contains("CSK", in1980);
        Assert.Contains("DDR", in1980);
        Assert.DoesNotContain("CZE", in1980);
        Assert.Equal(192, Seats.MembersOn(new DateOnly(2009, 11, 19), SharedData.MemberStates).Count());
    }
}
