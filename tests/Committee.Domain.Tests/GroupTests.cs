using Committee.Delegations;
using Committee.Domain.Tests.Support;

namespace Committee.Domain.Tests;

/// <summary>Groups and their membership carry dates (PROCEDURE §4.2): a group's name, who belonged to it, and who may
/// act on its behalf, all as on the draft's date.</summary>
public class GroupTests
{
    private static MemberStates States => SharedData.MemberStates;

    private static Sponsor Resolve(string delegation, int session, DateOnly date, string onBehalfOf) =>
        Sponsors.Resolve(new SponsorRequest(delegation, onBehalfOf), new SponsoredText(session, date, ""), States, "sponsors[0]");

    [Fact]
    public void A_sponsor_for_the_Asia_Pacific_group_is_recorded_under_the_groups_name_at_the_date()
    {
        Assert.Equal("Asian Group", Resolve("Philippines", 64, new DateOnly(2009, 11, 10), "Asia-Pacific Group").OnBehalfOf);
        Assert.Equal("Asia-Pacific Group", Resolve("Philippines", 78, new DateOnly(2023, 11, 1), "Asian Group").OnBehalfOf);
    }

    [Fact]
    public void South_Sudan_belongs_to_the_African_Group_from_its_admission()
    {
        Assert.Equal(53, States.MembersOf("African States", new DateOnly(2011, 7, 13)).Count());
        Assert.Equal(54, States.MembersOf("African States", new DateOnly(2011, 7, 14)).Count());
        Assert.DoesNotContain(States.MembersOf("African States", new DateOnly(2009, 11, 10)), s => s.Iso3 == "SSD");
    }

    [Fact]
    public void Israel_is_in_WEOG_from_May_2000_and_in_no_group_before()
    {
        Assert.DoesNotContain(States.MembersOf("Western European and other States", new DateOnly(1999, 12, 1)), s => s.Iso3 == "ISR");
        Assert.Empty(States.ByIso3("ISR")!.GroupsOn(new DateOnly(1999, 12, 1)));
        Assert.Contains(States.MembersOf("Western European and other States", new DateOnly(2009, 11, 10)), s => s.Iso3 == "ISR");
    }

    [Fact]
    public void Kiribati_was_in_no_group_in_2010_and_is_listed_under_Asia_Pacific_now_with_a_note()
    {
        var kiribati = States.ByIso3("KIR")!;
        Assert.Empty(kiribati.GroupsOn(new DateOnly(2010, 6, 1)));
        Assert.Equal(["Asia-Pacific States"], kiribati.GroupsOn(new DateOnly(2023, 11, 1)));
        Assert.Contains("not established", kiribati.Memberships.Single().Note);
    }

    [Fact]
    public void Turkiye_takes_part_in_two_groups_and_counts_first_in_WEOG() =>
        Assert.Equal(["Western European and other States", "Asia-Pacific States"], States.ByIso3("TUR")!.GroupsOn(new DateOnly(2023, 11, 1)));

    [Fact]
    public void A_State_may_act_only_for_a_regional_group_it_belonged_to_at_the_date()
    {
        Refused.Unprocessable("sponsors[0].onBehalfOf", () => Resolve("Belarus", 64, new DateOnly(2009, 11, 10), "African Group"),
            "Belarus", "not a member of the African Group", "2009");
        Refused.Unprocessable("sponsors[0].onBehalfOf", () => Resolve("Kiribati", 65, new DateOnly(2010, 11, 1), "Asia-Pacific Group"), "Asian Group");
        Assert.Equal("African Group", Resolve("South Sudan", 78, new DateOnly(2023, 11, 1), "Group of African States").OnBehalfOf);
    }

    [Fact]
    public void A_political_group_has_no_member_list_so_its_membership_is_not_checked()
    {
        var cuba = Resolve("Cuba", 78, new DateOnly(2023, 10, 10), "Group of 77 and China");
        Assert.Equal("Group of 77 and China", cuba.OnBehalfOf);
        Assert.False(Groups.Find("Movement of Non-Aligned Countries")!.HasMemberList);
        Assert.True(Groups.Find("Group of African States")!.HasMemberList);
    }

    [Theory]
    [InlineData("Southern African Development Community")]
    [InlineData("Economic Community of Central African States")]
    [InlineData("Organization of Islamic Cooperation")]
    public void The_groups_printed_on_78th_session_drafts_are_known(string printed) => Assert.NotNull(Groups.Find(printed));
}
