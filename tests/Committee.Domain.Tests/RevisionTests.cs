using Committee.Domain.Tests.Support;
using Committee.Drafts;

namespace Committee.Domain.Tests;

public class RevisionTests
{
    private static readonly DateOnly RevisedOn = new(2009, 11, 10);
    private static readonly DateTimeOffset RecordedAt = Given.On(2009, 11, 10, 16);
    private static readonly IReadOnlyList<string> RevisedOperative =
    [
        "Urges Member States to ratify or accede to the Protocol;",
        "Decides to convene a high-level meeting on trafficking in persons;",
        "Requests the Secretary-General to report to the General Assembly at its sixty-fifth session.",
    ];

    private static ReviseDraft Command(
        string symbol = "A/C.3/64/L.22/Rev.1", DateOnly? date = null, IReadOnlyList<SponsorRequest>? sponsors = null,
        IReadOnlyList<string>? operative = null, string? title = null) =>
        new(1, symbol, date ?? RevisedOn,
            sponsors ?? [new("Belarus"), new("Philippines"), new("Zambia", "African Group"), new("Turkey"), new("Qatar")],
            Given.Preamble, operative ?? RevisedOperative, title);

    private static IReadOnlyList<object> Revise(Draft draft, ReviseDraft command, FloorContext? context = null) =>
        ReviseDraftEndpoint.Decide(draft, command, context ?? Given.BetweenMeetings(RecordedAt), SharedData.MemberStates);

    private static Draft RevisedOnce()
    {
        var draft = Given.SubmittedDraft();
        return draft.Then(Revise(draft, Command()));
    }

    [Fact]
    public void The_first_revision_is_Rev_1_and_supersedes_the_L_document()
    {
        var revised = Assert.IsType<DraftRevised>(Assert.Single(Revise(Given.SubmittedDraft(), Command())));

        Assert.Equal(("A/C.3/64/L.22/Rev.1", "A/C.3/64/L.22", RevisedOn, RecordedAt), (revised.Symbol, revised.Supersedes, revised.Date, revised.At));
        Assert.Equal(RevisedOperative, revised.Operative);
        Assert.Equal("Improving the coordination of efforts against trafficking in persons", revised.Title);
    }

    [Fact]
    public void After_Rev_1_the_next_revision_is_Rev_2() =>
        Assert.Equal("A/C.3/64/L.22/Rev.2", Assert.IsType<DraftRevised>(Revise(RevisedOnce(), Command("A/C.3/64/L.22/Rev.2"))[0]).Symbol);

    [Theory]
    [InlineData("A/C.3/64/L.22/Rev.2")]
    [InlineData("A/C.3/64/L.22")]
    [InlineData("A/C.3/64/L.23/Rev.1")]
    [InlineData("A/C.3/64/L.22/Corr.1")]
    public void A_revision_must_carry_the_next_Rev_symbol(string symbol) =>
        Refused.Unprocessable("symbol", () => Revise(Given.SubmittedDraft(), Command(symbol)), "A/C.3/64/L.22/Rev.1", symbol);

    [Fact]
    public void Rev_1_cannot_be_issued_twice() =>
        Refused.Unprocessable("symbol", () => Revise(RevisedOnce(), Command("A/C.3/64/L.22/Rev.1")), "A/C.3/64/L.22/Rev.2");

    [Fact]
    public void An_adopted_draft_cannot_be_revised() =>
        Refused.Conflict("id", () => Revise(Given.SubmittedDraft(Given.Introduced(), Given.Adopted(meeting: 15)), Command()),
            "adopted without a vote", "meeting 15");

    [Fact]
    public void A_withdrawn_draft_cannot_be_revised() =>
        Refused.Conflict("id", () => Revise(Given.SubmittedDraft(Given.Withdrawn(meeting: 15)), Command()), "withdrawn by its sponsors");

    [Fact]
    public void A_revision_cannot_be_dated_before_the_version_it_replaces() =>
        Refused.Unprocessable("date", () => Revise(Given.SubmittedDraft(), Command(date: Given.IssuedOn.AddDays(-1))), "2009-10-20");

    [Fact]
    public void A_revision_dated_the_same_day_as_the_version_it_replaces_is_accepted() =>
        Assert.Single(Revise(Given.SubmittedDraft(), Command(date: Given.IssuedOn)));

    [Fact]
    public void Rev_2_cannot_be_dated_before_Rev_1() =>
        Refused.Unprocessable("date", () => Revise(RevisedOnce(), Command("A/C.3/64/L.22/Rev.2", date: RevisedOn.AddDays(-1))), "2009-11-10");

    [Fact]
    public void A_revision_needs_an_operative_paragraph() =>
        Refused.Unprocessable("operative", () => Revise(Given.SubmittedDraft(), Command(operative: [])), "operative paragraph");

    [Fact]
    public void A_revision_may_change_the_title_but_not_blank_it()
    {
        Assert.Equal("New title", ((DraftRevised)Revise(Given.SubmittedDraft(), Command(title: " New title "))[0]).Title);
        Refused.Invalid("title", () => Revise(Given.SubmittedDraft(), Command(title: " ")), "title");
    }

    [Fact]
    public void A_revisions_printed_sponsors_are_resolved_on_its_date() =>
        Refused.Unprocessable("sponsors[1]", () => Revise(Given.SubmittedDraft(), Command(sponsors: [new("Belarus"), new("Narnia")])), "Narnia");

    [Fact]
    public void After_folding_the_draft_carries_the_Rev_symbol_text_and_date_and_keeps_the_earlier_symbols()
    {
        var draft = RevisedOnce();

        Assert.Equal("A/C.3/64/L.22/Rev.1", draft.Symbol);
        Assert.Equal(["A/C.3/64/L.22", "A/C.3/64/L.22/Rev.1"], draft.Symbols);
        Assert.Equal(RevisedOn, draft.Date);
        Assert.Equal(RevisedOperative, draft.Operative);
    }

    [Fact]
    public void Original_sponsors_restated_on_the_Rev_keep_their_entry_and_join_date()
    {
        var draft = RevisedOnce();
        var issued = new DateTimeOffset(2009, 10, 20, 0, 0, 0, TimeSpan.Zero);

        foreach (var iso3 in new[] { "BLR", "PHL", "ZMB" })
        {
            var entry = Assert.Single(draft.Sponsors, s => s.Iso3 == iso3);
            Assert.Equal((SponsorLayer.Original, "A/C.3/64/L.22", issued), (entry.Layer, entry.PrintedOn, entry.JoinedAt));
        }
    }

    [Fact]
    public void New_names_printed_on_the_Rev_join_the_original_layer_printed_on_the_Rev()
    {
        var draft = RevisedOnce();
        var onRev = new DateTimeOffset(2009, 11, 10, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(5, draft.Sponsors.Count);
        foreach (var (iso3, name) in new[] { ("TUR", "Turkey"), ("QAT", "Qatar") })
        {
            var entry = Assert.Single(draft.Sponsors, s => s.Iso3 == iso3);
            Assert.Equal((name, SponsorLayer.Original, "A/C.3/64/L.22/Rev.1", onRev), (entry.Delegation, entry.Layer, entry.PrintedOn, entry.JoinedAt));
        }
    }

    [Fact]
    public void An_additional_sponsor_printed_on_the_Rev_keeps_its_joining_entry()
    {
        var joinedAt = Given.On(2009, 10, 30);
        var draft = Given.SubmittedDraft(new SponsorsJoined(Given.DraftId, [new Sponsor("TUR", "Turkey")], 11, SponsorshipSource.Secretariat, joinedAt));
        draft.Then(Revise(draft, Command()));

        var turkey = Assert.Single(draft.Sponsors, s => s.Iso3 == "TUR");
        Assert.Equal((SponsorLayer.Additional, joinedAt, 11), (turkey.Layer, turkey.JoinedAt, turkey.JoinedAtMeeting));
    }

    [Fact]
    public void A_sponsor_that_had_withdrawn_and_is_printed_on_the_Rev_sponsors_again_from_the_Rev()
    {
        var draft = Given.SubmittedDraft(new SponsorshipWithdrawn(Given.DraftId, [Given.Philippines], null, Given.On(2009, 10, 30)));
        draft.Then(Revise(draft, Command()));

        var entries = draft.Sponsors.Where(s => s.Iso3 == "PHL").ToList();
        Assert.Equal(2, entries.Count);
        Assert.NotNull(entries[0].WithdrawnAt);
        Assert.Equal(("A/C.3/64/L.22/Rev.1", null), (entries[1].PrintedOn, entries[1].WithdrawnAt));
    }
}
