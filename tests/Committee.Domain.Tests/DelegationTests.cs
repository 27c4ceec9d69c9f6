using Committee.Delegations;
using Committee.Domain.Tests.Support;

namespace Committee.Domain.Tests;

public class DelegationTests
{
    private static readonly DateOnly In2009 = new(2009, 11, 10);
    private static readonly DateOnly In2023 = new(2023, 11, 1);
    private static MemberStates States => SharedData.MemberStates;

    private static Committee.Domain.Sponsor Resolve(string delegation, DateOnly date, string? onBehalfOf = null) =>
        Sponsors.Resolve(new SponsorRequest(delegation, onBehalfOf), Drafted(date), States, "sponsors[0]");

    /// <summary>A draft of that date, in the session the date falls in (sessions open in September), with no text.</summary>
    private static SponsoredText Drafted(DateOnly date) => new(date.Month >= 9 ? date.Year - 1945 : date.Year - 1946, date, "");

    [Fact]
    public void The_shared_list_has_193_States_of_which_192_were_members_during_the_64th_session()
    {
        Assert.Equal(193, States.All.Count);
        Assert.Equal(192, States.All.Count(s => s.IsMemberOn(In2009)));
        Assert.Equal(193, States.All.Count(s => s.IsMemberOn(new DateOnly(2011, 7, 14))));
    }

    [Theory]
    [InlineData("African States", 54)]
    [InlineData("Asia-Pacific States", 55)] // 54 and Türkiye, which takes part in both groups
    [InlineData("Eastern European States", 23)]
    [InlineData("Latin American and Caribbean States", 33)]
    [InlineData("Western European and other States", 28)] // without the United States, an observer
    public void Regional_groups_have_their_DGACM_membership_today(string group, int members) =>
        Assert.Equal(members, States.MembersOf(group, In2023).Count());

    [Fact]
    public void The_United_States_attends_WEOG_as_an_observer_and_is_in_no_group() =>
        Assert.Empty(States.ByIso3("USA")!.Memberships);

    [Theory]
    [InlineData("TUR", "TUR")]
    [InlineData("tur", "TUR")]
    [InlineData(" ZMB ", "ZMB")]
    [InlineData("Zambia", "ZMB")]
    [InlineData("zambia", "ZMB")]
    [InlineData("Russian Federation", "RUS")]
    [InlineData("Côte d'Ivoire", "CIV")]
    public void A_delegation_is_found_by_ISO3_code_or_name(string delegation, string iso3) =>
        Assert.Equal(iso3, States.Find(delegation, In2009)?.Iso3);

    [Fact]
    public void Turkey_in_2009_and_Turkiye_in_2023_are_the_same_State_stored_under_the_name_then_in_use()
    {
        var in2009 = Resolve("Turkey", In2009);
        var in2023 = Resolve("Türkiye", In2023);

        Assert.Equal("TUR", in2009.Iso3);
        Assert.Equal(in2009.Iso3, in2023.Iso3);
        Assert.Equal("Turkey", in2009.Delegation);
        Assert.Equal("Türkiye", in2023.Delegation);
    }

    [Fact]
    public void A_name_not_yet_or_no_longer_in_use_is_stored_as_the_name_in_use_at_the_date()
    {
        Assert.Equal("Turkey", Resolve("Türkiye", In2009).Delegation);
        Assert.Equal("Türkiye", Resolve("Turkey", In2023).Delegation);
    }

    [Fact]
    public void Swaziland_in_2009_and_Eswatini_in_2023_are_the_same_State_stored_under_the_name_then_in_use()
    {
        var in2009 = Resolve("Swaziland", In2009);
        var in2023 = Resolve("Eswatini", In2023);

        Assert.Equal(("SWZ", "Swaziland"), (in2009.Iso3, in2009.Delegation));
        Assert.Equal(("SWZ", "Eswatini"), (in2023.Iso3, in2023.Delegation));
        Assert.Equal("Swaziland", Resolve("SWZ", In2009).Delegation);
    }

    [Theory]
    [InlineData("TUR", 2009, "Turkey")]
    [InlineData("TUR", 2022, "Türkiye")]
    [InlineData("SWZ", 2017, "Swaziland")]
    [InlineData("SWZ", 2018, "Eswatini")]
    [InlineData("MKD", 2018, "the former Yugoslav Republic of Macedonia")]
    [InlineData("MKD", 2019, "North Macedonia")]
    [InlineData("LBY", 2010, "Libyan Arab Jamahiriya")]
    [InlineData("CPV", 2009, "Cape Verde")]
    [InlineData("NLD", 2009, "Netherlands")]
    [InlineData("SRB", 2004, "Serbia and Montenegro")]
    public void NameOn_gives_the_name_used_in_UN_records_that_year(string iso3, int year, string name) =>
        Assert.Equal(name, States.ByIso3(iso3)!.NameOn(new DateOnly(year, 12, 1)));

    [Fact]
    public void Every_State_a_member_in_2009_is_named_as_the_shared_data_says_it_was_named_in_the_64th_session()
    {
        var wrong = States.All.Where(s => s.IsMemberOn(In2009))
            .Select(s => (s.Iso3, Expected: NameUsedIn2009(s.Iso3), Actual: s.NameOn(In2009)))
            .Where(n => n.Expected != n.Actual)
            .Select(n => $"{n.Iso3}: expected '{n.Expected}', NameOn gives '{n.Actual}'")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void The_Czech_Republic_sponsoring_a_2009_draft_resolves_under_its_2009_name()
    {
        // PROCEDURE §4.3: "Czech Republic" in the 64th session, "Czechia" (short name) from 2016.
        var sponsor = Resolve("Czech Republic", In2009);
        Assert.Equal(("CZE", "Czech Republic"), (sponsor.Iso3, sponsor.Delegation));
        Assert.Equal(("CZE", "Czechia"), (Resolve("Czechia", In2023).Iso3, Resolve("Czechia", In2023).Delegation));
    }

    [Fact]
    public void South_Sudan_cannot_sponsor_a_2009_draft_because_it_was_admitted_in_2011()
    {
        Refused.Unprocessable("sponsors[1]",
            () => Sponsors.Resolve([new("Zambia"), new("South Sudan")], Drafted(In2009), States, "sponsors"),
            "South Sudan", "admitted", "2011");
        Assert.Equal("SSD", Resolve("South Sudan", new DateOnly(2011, 7, 14)).Iso3);
    }

    [Fact]
    public void An_unknown_delegation_is_refused_naming_it() =>
        Refused.Unprocessable("sponsors[0]", () => Resolve("Ruritania", In2009), "Ruritania", "not a Member State");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_delegation_is_malformed(string blank) =>
        Refused.Invalid("sponsors[0]", () => Resolve(blank, In2009), "required");

    [Theory]
    [InlineData("Turkey", "TUR")]
    [InlineData("Swaziland", "Eswatini")]
    [InlineData("Zambia", "zambia")]
    public void A_State_named_twice_in_one_list_is_refused_at_the_second_mention(string first, string second) =>
        Refused.Unprocessable("sponsors[2]",
            () => Sponsors.Resolve([new(first), new("Belarus"), new(second)], Drafted(In2009), States, "sponsors"), "twice");

    [Theory]
    [InlineData("African Group")]
    [InlineData("african group")]
    [InlineData("Group of African States")]
    [InlineData("the African Group")]
    [InlineData("the States Members of the United Nations that are members of the African Group")]
    [InlineData("On behalf of the States Members of the United Nations that are members of the African Group.")]
    public void The_African_Group_resolves_by_name_alias_and_printed_long_form(string printed) =>
        Assert.Equal("African Group", Groups.Find(printed)?.Name);

    [Theory]
    [InlineData("GRULAC", "Group of Latin American and Caribbean States")]
    [InlineData("WEOG", "Western European and other States Group")]
    [InlineData("G77", "Group of 77 and China")]
    [InlineData("the States Members of the United Nations that are members of the Group of 77 and China", "Group of 77 and China")]
    [InlineData("Arab Group", "Group of Arab States")]
    [InlineData("Organization of Islamic Cooperation", "Organisation of Islamic Cooperation")]
    public void Other_groups_resolve_by_alias_or_long_form(string printed, string group) =>
        Assert.Equal(group, Groups.Find(printed)?.Name);

    [Fact]
    public void The_Asian_Group_as_it_was_called_before_2011_resolves_to_the_Asia_Pacific_group() =>
        // PROCEDURE §4.2: Asia-Pacific States were "renamed from 'Asian Group' in 2011"; 64th-session documents use the old name.
        Assert.Equal("Asia-Pacific Group", Groups.Find("Asian Group")?.Name);

    [Fact]
    public void A_sponsor_acting_on_behalf_of_a_group_carries_the_group_name()
    {
        var zambia = Resolve("Zambia", In2009, "the States Members of the United Nations that are members of the African Group");
        Assert.Equal(new Committee.Domain.Sponsor("ZMB", "Zambia", "African Group"), zambia);
    }

    [Fact]
    public void An_unknown_group_is_refused_on_the_onBehalfOf_field() =>
        Refused.Unprocessable("sponsors[0].onBehalfOf", () => Resolve("Zambia", In2009, "Group of Friends of Ruritania"), "Ruritania", "group");

    [Fact]
    public void ParseNames_reads_Serbias_history_through_its_predecessor_seat()
    {
        var names = MemberStates.ParseNames(MemberStateRows.Column("SRB", "name_history"), "Serbia");
        Assert.Equal(
            [new StateName("Federal Republic of Yugoslavia", null), new StateName("Serbia and Montenegro", 2003), new StateName("Serbia", 2006)],
            names);
    }

    [Fact]
    public void ParseNames_skips_Tanzanias_union_of_two_predecessors_which_is_no_name()
    {
        var names = MemberStates.ParseNames(MemberStateRows.Column("TZA", "name_history"), "United Republic of Tanzania");
        Assert.Equal([new StateName("United Republic of Tanzania", 1964)], names);
    }

    [Fact]
    public void ParseNames_keeps_the_brackets_that_are_part_of_Bolivias_name_and_takes_the_year_from_the_last_ones()
    {
        var names = MemberStates.ParseNames(MemberStateRows.Column("BOL", "name_history"), "Bolivia (Plurinational State of)");
        Assert.Equal([new StateName("Bolivia", null), new StateName("Bolivia (Plurinational State of)", 2009)], names);
    }

    [Fact]
    public void ParseNames_of_an_empty_history_is_the_current_name_alone() =>
        Assert.Equal([new StateName("Zambia", null)], MemberStates.ParseNames("", "Zambia"));

    /// <summary>The 2009 name from the shared data, without the editorial note some rows carry ("… [renamed from 'Bolivia' in 2009]").</summary>
    private static string NameUsedIn2009(string iso3)
    {
        var name = MemberStateRows.Column(iso3, "name_used_in_2009");
        var note = name.IndexOf(" [", StringComparison.Ordinal);
        return note >= 0 ? name[..note] : name;
    }
}
