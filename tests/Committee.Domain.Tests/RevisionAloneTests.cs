using Committee.Domain.Tests.Support;
using Committee.Drafts;
using Committee.History;

namespace Committee.Domain.Tests;

/// <summary>A draft recorded from a later version (Rev.1 without L.22), and the earlier version recorded afterwards.</summary>
public class RevisionAloneTests
{
    private const string Rev1 = "A/C.3/64/L.22/Rev.1";
    private static readonly IReadOnlyList<string> RevisedOperative = [.. Given.Operative, "Decides to remain seized of the matter."];

    private static SubmitDraft Revision(string symbol = Rev1) =>
        new(symbol, "Improving the coordination of efforts against trafficking in persons", 64, "104", "Crime prevention and criminal justice",
            new DateOnly(2009, 11, 10), [new("Belarus"), new("Azerbaijan")], Given.Preamble, RevisedOperative);

    private static RecordEarlierVersion Original(DateOnly? date = null) =>
        new(null, Given.Symbol, date ?? Given.IssuedOn, "Improving the coordination of efforts against trafficking in persons",
            [new("Belarus"), new("Philippines")], Given.Preamble, Given.Operative);

    private static DraftSubmitted RevisionAlone() =>
        Assert.IsType<DraftSubmitted>(Assert.Single(SubmitDraftEndpoint.Decide(Given.DraftId, Revision(), Given.BetweenMeetings(Given.On(2009, 11, 10)), SharedData.MemberStates)));

    private static DraftSubmitted OriginalAfterwards(Draft draft) =>
        Assert.IsType<DraftSubmitted>(Assert.Single(RecordEarlierVersionEndpoint.Decide(draft, Original(), Given.BetweenMeetings(Given.On(2009, 10, 20)), SharedData.MemberStates)));

    [Fact]
    public void A_revision_alone_records_the_draft_with_its_earlier_versions_known_and_not_recorded()
    {
        var submitted = RevisionAlone();
        Assert.Equal([Given.Symbol], submitted.Earlier);
        var draft = Given.Draft(submitted);
        Assert.Equal(Rev1, draft.Symbol);
        Assert.Equal([Given.Symbol, Rev1], draft.Symbols);
        Assert.Equal([Given.Symbol], draft.Unrecorded);
        Assert.Equal("A/C.3/64/L.22/Rev.2", Symbols.NextRevision(draft));
        Assert.Equal(["A/C.3/64/L.22", "A/C.3/64/L.22/Rev.1"], VersionOrder.Earlier("A/C.3/64/L.22/Rev.2"));
    }

    [Fact]
    public void The_earlier_version_recorded_afterwards_takes_its_place_and_the_text_in_force_stays_the_later_one()
    {
        var draft = Given.Draft(RevisionAlone());
        var filled = draft.Then(OriginalAfterwards(draft));
        Assert.Equal(Rev1, filled.Symbol);
        Assert.Equal([Given.Symbol, Rev1], filled.Symbols);
        Assert.Empty(filled.Unrecorded);
        Assert.Equal(RevisedOperative, filled.Operative);
        Assert.Equal([Given.Symbol, Rev1], filled.PrintedLists.Select(p => p.Symbol));
        Assert.Equal(Given.Symbol, filled.CurrentSponsor("BLR")!.PrintedOn);
        Assert.Equal(Rev1, filled.CurrentSponsor("AZE")!.PrintedOn);

        Refused.Conflict("symbol", () => RecordEarlierVersionEndpoint.Decide(filled, Original(), Given.BetweenMeetings(), SharedData.MemberStates), "already recorded");
        Refused.Unprocessable("date", () => RecordEarlierVersionEndpoint.Decide(Given.Draft(RevisionAlone()), Original(new DateOnly(2009, 11, 12)), Given.BetweenMeetings(), SharedData.MemberStates),
            "issued before", Rev1);
    }

    [Fact]
    public void Versions_follow_the_order_of_issue_whatever_order_they_were_recorded_in()
    {
        var alone = RevisionAlone();
        var original = OriginalAfterwards(Given.Draft(alone));
        var onlyRevision = TextVersions.Of([new RecordedEvent(1, 1, Given.On(2026, 11, 30), "import", alone)]);
        Assert.Equal([($"{Given.Symbol} (text not recorded)", (long?)null, false), (Rev1, 1, true)],
            onlyRevision.Select(v => (v.Label, v.Version, v.Text is not null)));

        var both = TextVersions.Of([new RecordedEvent(1, 1, Given.On(2026, 11, 30), "import", alone), new RecordedEvent(2, 2, Given.On(2026, 11, 30, 11), "import", original)]);
        Assert.Equal([(Given.Symbol, (long?)2), (Rev1, 1)], both.Select(v => (v.Label, v.Version)));
        Assert.Equal(Given.Operative, both[0].Text!.Operative);
        Assert.Equal(RevisedOperative, both[1].Text!.Operative);

        // Folded in the order things happened, the draft reads as L.22 until Rev.1 was issued.
        var asIssued = Given.Draft(original);
        Assert.Equal(Given.Symbol, asIssued.Symbol);
        Assert.Equal(Given.Operative, asIssued.Operative);
        var then = asIssued.Then(alone);
        Assert.Equal(Rev1, then.Symbol);
        Assert.Equal([Given.Symbol, Rev1], then.Symbols);
        Assert.Empty(then.Unrecorded);
    }
}
