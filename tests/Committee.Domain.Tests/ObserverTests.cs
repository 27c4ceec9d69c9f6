using Committee.Delegations;
using Committee.Domain.Tests.Support;

namespace Committee.Domain.Tests;

/// <summary>Observers sponsor by their own rights (PROCEDURE §4.4); a refusal names the rule.</summary>
public class ObserverTests
{
    private static readonly DateOnly In2009 = new(2009, 11, 10);
    private static readonly DateOnly In2023 = new(2023, 11, 1);
    private static readonly DateOnly In2024 = new(2024, 10, 15);

    private static Sponsor Resolve(string delegation, SponsoredText draft, string? onBehalfOf = null) =>
        Sponsors.Resolve(new SponsorRequest(delegation, onBehalfOf), draft, SharedData.MemberStates, "delegations[0]");

    [Fact]
    public void The_Holy_See_may_sponsor_a_draft_that_refers_to_the_Holy_See() =>
        Assert.Equal(new Sponsor("VAT", "Holy See"),
            Resolve("Holy See", new SponsoredText(64, In2009, "Welcoming the contribution of the Holy See to the conference,")));

    [Fact]
    public void The_Holy_See_may_not_sponsor_a_draft_that_does_not_refer_to_it() =>
        Refused.Unprocessable("delegations[0]", () => Resolve("Holy See", new SponsoredText(64, In2009, "Improving the coordination of efforts against trafficking in persons")),
            "Holy See", "refer to the Holy See", "58/314");

    [Theory]
    [InlineData(64, "2009-11-10")]
    [InlineData(78, "2023-11-01")]
    public void The_State_of_Palestine_may_not_sponsor_before_the_79th_session(int session, string date) =>
        Refused.Unprocessable("delegations[0]", () => Resolve("State of Palestine", new SponsoredText(session, DateOnly.Parse(date), "")),
            "State of Palestine", "79th session", "ES-10/23");

    [Fact]
    public void The_State_of_Palestine_sponsors_from_the_79th_session_including_on_behalf_of_a_group()
    {
        var text = new SponsoredText(79, In2024, "");
        Assert.Equal(new Sponsor("PSE", "State of Palestine"), Resolve("PSE", text));
        Assert.Equal(new Sponsor("PSE", "State of Palestine", "Group of 77 and China"), Resolve("Palestine", text, "the Group of 77 and China"));
    }

    [Theory]
    [InlineData("European Union")]
    [InlineData("EU")]
    public void The_European_Union_never_sponsors(string name)
    {
        Refused.Unprocessable("delegations[0]", () => Resolve(name, new SponsoredText(64, In2009, "")), "European Union", "cannot sponsor", "65/276");
        Refused.Unprocessable("delegations[0]", () => Resolve(name, new SponsoredText(80, new DateOnly(2025, 10, 1), "the European Union")), "65/276");
    }

    [Fact]
    public void A_name_that_is_neither_a_Member_State_nor_an_observer_is_refused_naming_both() =>
        Refused.Unprocessable("delegations[0]", () => Resolve("Ruritania", new SponsoredText(78, In2023, "")), "Ruritania", "Member State", "observer");

    [Fact]
    public void Observers_are_found_by_code_name_and_alias()
    {
        Assert.Equal("State of Palestine", Observers.Find("pse")?.Name);
        Assert.Equal("State of Palestine", Observers.Find("Palestine")?.Name);
        Assert.Equal("VAT", Observers.Find("Holy See")?.Code);
        Assert.Null(Observers.Find("Switzerland"));
    }
}
