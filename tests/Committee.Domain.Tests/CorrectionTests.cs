using Committee.Domain.Tests.Support;
using Committee.Drafts;

namespace Committee.Domain.Tests;

public class CorrectionTests
{
    private static readonly DateOnly CorrectedOn = new(2009, 10, 26);

    private static IReadOnlyList<object> Correct(Draft draft, string symbol, string? title = null,
        IReadOnlyList<string>? preamble = null, IReadOnlyList<string>? operative = null) =>
        CorrectDraftEndpoint.Decide(draft, new CorrectDraft(1, symbol, CorrectedOn, title, preamble, operative), Given.BetweenMeetings(Given.On(2009, 10, 26)));

    private static DraftRevised Rev1 => new(Given.DraftId, "A/C.3/64/L.22/Rev.1", Given.Symbol, new DateOnly(2009, 11, 10),
        "Improving the coordination of efforts against trafficking in persons", [Given.Belarus], Given.Preamble, Given.Operative, Given.On(2009, 11, 10));

    [Fact]
    public void The_first_corrigendum_of_the_L_document_is_Corr_1_and_replaces_only_the_parts_given()
    {
        var corrected = Assert.IsType<DraftCorrected>(Assert.Single(Correct(Given.SubmittedDraft(), "A/C.3/64/L.22/Corr.1", operative: ["Corrected text."])));

        Assert.Equal("A/C.3/64/L.22/Corr.1", corrected.Symbol);
        Assert.Equal(["Corrected text."], corrected.Operative);
        Assert.Equal(Given.Preamble, corrected.Preamble);
        Assert.Equal("Improving the coordination of efforts against trafficking in persons", corrected.Title);
    }

    [Fact]
    public void After_folding_the_draft_keeps_its_version_symbol_records_the_Corr_and_carries_the_corrected_text()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(Correct(draft, "A/C.3/64/L.22/Corr.1", title: "Corrected title"));

        Assert.Equal(Given.Symbol, draft.Symbol);
        Assert.Equal(["A/C.3/64/L.22", "A/C.3/64/L.22/Corr.1"], draft.Symbols);
        Assert.Equal("Corrected title", draft.Title);
    }

    [Fact]
    public void The_second_corrigendum_is_Corr_2()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(Correct(draft, "A/C.3/64/L.22/Corr.1", title: "Corrected title"));

        Assert.Equal("A/C.3/64/L.22/Corr.2", ((DraftCorrected)Correct(draft, "A/C.3/64/L.22/Corr.2", title: "Again")[0]).Symbol);
    }

    [Fact]
    public void A_corrigendum_to_a_revision_corrects_the_Rev_and_is_numbered_from_1()
    {
        var draft = Given.SubmittedDraft(new DraftCorrected(Given.DraftId, "A/C.3/64/L.22/Corr.1", CorrectedOn, "t", Given.Preamble, Given.Operative, Given.On(2009, 10, 26)), Rev1);

        Assert.Equal("A/C.3/64/L.22/Rev.1/Corr.1", ((DraftCorrected)Correct(draft, "A/C.3/64/L.22/Rev.1/Corr.1", title: "t")[0]).Symbol);
        Refused.Unprocessable("symbol", () => Correct(draft, "A/C.3/64/L.22/Corr.2", title: "t"), "A/C.3/64/L.22/Rev.1/Corr.1");
    }

    [Fact]
    public void A_corrigendum_does_not_count_as_a_revision() =>
        Assert.Equal("A/C.3/64/L.22/Rev.2",
            Symbols.NextRevision(Given.SubmittedDraft(Rev1, new DraftCorrected(Given.DraftId, "A/C.3/64/L.22/Rev.1/Corr.1", CorrectedOn, "t", Given.Preamble, Given.Operative, Given.On(2009, 11, 11)))));

    [Theory]
    [InlineData("A/C.3/64/L.22/Corr.2")]
    [InlineData("A/C.3/64/L.22/Rev.1/Corr.1")]
    [InlineData("A/C.3/64/L.22")]
    public void A_corrigendum_must_carry_the_next_Corr_symbol_of_the_current_version(string symbol) =>
        Refused.Unprocessable("symbol", () => Correct(Given.SubmittedDraft(), symbol, title: "t"), "A/C.3/64/L.22/Corr.1", symbol);

    [Fact]
    public void A_corrigendum_must_correct_at_least_one_part() =>
        Refused.Invalid("title", () => Correct(Given.SubmittedDraft(), "A/C.3/64/L.22/Corr.1"), "title", "preamble", "operative");

    [Fact]
    public void A_corrigendum_cannot_remove_every_operative_paragraph() =>
        Refused.Unprocessable("operative", () => Correct(Given.SubmittedDraft(), "A/C.3/64/L.22/Corr.1", operative: []), "operative paragraph");

    [Fact]
    public void A_corrigendum_cannot_blank_the_title() =>
        Refused.Invalid("title", () => Correct(Given.SubmittedDraft(), "A/C.3/64/L.22/Corr.1", title: " "), "title");

    [Fact]
    public void An_adopted_draft_cannot_be_corrected_by_this_command() =>
        Refused.Conflict("id", () => Correct(Given.SubmittedDraft(Given.Introduced(), Given.Adopted()), "A/C.3/64/L.22/Corr.1", title: "t"), "adopted");
}
