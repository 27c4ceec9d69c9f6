using Committee.Domain.Tests.Support;
using Committee.Drafts;

namespace Committee.Domain.Tests;

public class SubmissionTests
{
    private static readonly DateTimeOffset RecordedAt = Given.On(2009, 10, 20, 16);

    private static SubmitDraft Command(
        string symbol = Given.Symbol, int session = Given.Session, string title = "Improving the coordination of efforts against trafficking in persons",
        IReadOnlyList<SponsorRequest>? sponsors = null, IReadOnlyList<string>? preamble = null, IReadOnlyList<string>? operative = null) =>
        new(symbol, title, session, "104", "Crime prevention and criminal justice", Given.IssuedOn,
            sponsors ?? [new("Belarus"), new("PHL"), new("Zambia", "the States Members of the United Nations that are members of the African Group")],
            preamble ?? Given.Preamble, operative ?? Given.Operative);

    private static IReadOnlyList<object> Submit(SubmitDraft command) =>
        SubmitDraftEndpoint.Decide(Given.DraftId, command, Given.BetweenMeetings(RecordedAt), SharedData.MemberStates);

    [Fact]
    public void A_well_formed_draft_is_submitted_with_its_printed_sponsors_and_the_recording_time()
    {
        var submitted = Assert.IsType<DraftSubmitted>(Assert.Single(Submit(Command())));

        Assert.Equal(Given.DraftId, submitted.DraftId);
        Assert.Equal("A/C.3/64/L.22", submitted.Symbol);
        Assert.Equal(64, submitted.Session);
        Assert.Equal(Given.IssuedOn, submitted.Date);
        Assert.Equal(RecordedAt, submitted.At);
        Assert.Equal([new Sponsor("BLR", "Belarus"), new Sponsor("PHL", "Philippines"), new Sponsor("ZMB", "Zambia", "African Group")],
            submitted.Sponsors);
        Assert.Equal(Given.Operative, submitted.Operative);
        Assert.Equal(Given.Preamble, submitted.Preamble);
    }

    [Fact]
    public void Text_is_trimmed()
    {
        var submitted = (DraftSubmitted)Submit(Command(symbol: "  A/C.3/64/L.22 ", title: " Title ", operative: ["  Decides to remain seized of the matter. "]))[0];
        Assert.Equal(("A/C.3/64/L.22", "Title", "Decides to remain seized of the matter."), (submitted.Symbol, submitted.Title, submitted.Operative[0]));
    }

    [Fact]
    public void A_draft_submitted_by_the_Chair_may_have_no_country_sponsors() =>
        Assert.Empty(((DraftSubmitted)Submit(Command(sponsors: []))[0]).Sponsors);

    [Fact]
    public void Folding_the_submission_gives_a_submitted_draft_whose_printed_sponsors_are_the_original_layer()
    {
        var draft = Given.Draft(Submit(Command()));

        Assert.Equal(DraftStatus.Submitted, draft.Status);
        Assert.Equal(["A/C.3/64/L.22"], draft.Symbols);
        Assert.All(draft.Sponsors, s => Assert.Equal((SponsorLayer.Original, "A/C.3/64/L.22"), (s.Layer, s.PrintedOn)));
        Assert.All(draft.Sponsors, s => Assert.Equal(new DateTimeOffset(2009, 10, 20, 0, 0, 0, TimeSpan.Zero), s.JoinedAt));
        Assert.Equal("African Group", draft.CurrentSponsor("ZMB")?.OnBehalfOf);
        Assert.Null(draft.Introduction);
        Assert.False(draft.ActionTaken);
    }

    [Theory]
    [InlineData("A/C.3/64/L22")]
    [InlineData("A/C.2/64/L.22")]
    [InlineData("A/64/L.22")]
    [InlineData("A/C.3/64/L.22/Corr.1")]
    [InlineData("L.22")]
    public void A_symbol_that_is_not_a_Third_Committee_L_symbol_is_malformed(string symbol) =>
        Refused.Invalid("symbol", () => Submit(Command(symbol: symbol)), symbol, "A/C.3/64/L.22");

    [Fact]
    public void A_missing_symbol_is_malformed() =>
        Refused.Invalid("symbol", () => Submit(Command(symbol: " ")), "required");

    [Fact]
    public void A_symbol_of_another_session_is_refused_naming_both_sessions() =>
        Refused.Unprocessable("symbol", () => Submit(Command(symbol: "A/C.3/78/L.22")), "78th", "64th");

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void A_session_number_out_of_range_is_malformed(int session) =>
        Refused.Invalid("session", () => Submit(Command(session: session)), "session");

    [Fact]
    public void A_missing_title_is_malformed() =>
        Refused.Invalid("title", () => Submit(Command(title: "  ")), "title");

    [Fact]
    public void A_draft_without_an_operative_paragraph_is_refused() =>
        Refused.Unprocessable("operative", () => Submit(Command(operative: [])), "operative paragraph");

    [Fact]
    public void An_empty_operative_paragraph_is_malformed_naming_its_index() =>
        Refused.Invalid("operative[1]", () => Submit(Command(operative: ["Urges Member States;", " "])), "empty");

    [Fact]
    public void An_empty_preambular_paragraph_is_malformed_naming_its_index() =>
        Refused.Invalid("preamble[0]", () => Submit(Command(preamble: [""])), "empty");

    [Fact]
    public void An_unknown_sponsor_is_refused_naming_its_index() =>
        Refused.Unprocessable("sponsors[1]", () => Submit(Command(sponsors: [new("Belarus"), new("Atlantis")])), "Atlantis");

    [Fact]
    public void A_sponsor_not_yet_admitted_on_the_draft_date_is_refused() =>
        Refused.Unprocessable("sponsors[0]", () => Submit(Command(sponsors: [new("South Sudan")])), "admitted");

    [Fact]
    public void A_sponsor_on_behalf_of_an_unknown_group_is_refused_on_its_onBehalfOf_field() =>
        Refused.Unprocessable("sponsors[0].onBehalfOf", () => Submit(Command(sponsors: [new("Zambia", "Group of Ruritania")])), "Ruritania");
}
