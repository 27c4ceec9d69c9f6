using Committee.Domain.Tests.Support;
using Committee.History;

namespace Committee.Domain.Tests;

public class AuditTrailTests
{
    private static long _version;

    private static RecordedEvent Recorded(object data, DateTimeOffset? at = null) =>
        new(++_version, _version, at ?? Given.On(2009, 11, 19), "secretariat", data);

    private static readonly DraftRevised Rev1 = new(Given.DraftId, "A/C.3/64/L.22/Rev.1", "A/C.3/64/L.22", new DateOnly(2009, 11, 10),
        "Improving the coordination of efforts against trafficking in persons",
        [Given.Belarus, new Sponsor("AZE", "Azerbaijan"), Given.ZambiaForTheAfricanGroup], Given.Preamble,
        [Given.Operative[0], "Invites Member States to share best practices;", Given.Operative[1]], Given.On(2009, 11, 10));

    [Fact]
    public void Each_action_reads_as_the_record_would_tell_it()
    {
        string Say(object e) => AuditSentences.For(Recorded(e));
        Assert.Equal("Submitted as A/C.3/64/L.22, dated 20 October 2009, by Belarus, Philippines and Zambia (on behalf of the African Group)", Say(Given.Submitted()));
        Assert.Equal("Zambia, on behalf of the African Group, joined as sponsor at the 41st meeting",
            Say(new SponsorsJoined(Given.DraftId, [Given.ZambiaForTheAfricanGroup], 41, SponsorshipSource.Secretariat, Given.On(2009, 11, 12))));
        Assert.Equal("Qatar and Ecuador joined as sponsors, through e-sponsorship",
            Say(new SponsorsJoined(Given.DraftId, [new Sponsor("QAT", "Qatar"), new Sponsor("ECU", "Ecuador")], null, SponsorshipSource.ESponsorship, Given.On(2009, 11, 12))));
        Assert.Equal("Qatar withdrew its sponsorship at the 42nd meeting", Say(new SponsorshipWithdrawn(Given.DraftId, [new Sponsor("QAT", "Qatar")], 42, Given.On(2009, 11, 12))));
        Assert.Equal("Revised as A/C.3/64/L.22/Rev.1, dated 10 November 2009, with 3 sponsors on its face: Belarus, Azerbaijan and Zambia (on behalf of the African Group)", Say(Rev1));
        Assert.Equal("Introduced by Belarus at the 10th meeting", Say(Given.Introduced()));
        Assert.Equal("Orally revised by Belarus at the 43rd meeting: OP2 replaced; OP3 inserted",
            Say(Given.OrallyRevised(43, new ParagraphChange("op2", ParagraphChangeKind.Replaced, "x"), new ParagraphChange("OP3", ParagraphChangeKind.Inserted, "y"))));
        Assert.Equal("The Secretary stated that the draft has no programme budget implications at the 43rd meeting",
            Say(new ProgrammeBudgetImplicationsStated(Given.DraftId, false, null, null, 43, Given.On(2009, 11, 19))));
        Assert.Equal("Action deferred at the 41st meeting", Say(Given.Deferred(41)));
        Assert.Equal("Adopted without a vote, as orally revised, at the 43rd meeting", Say(new AdoptedWithoutVote(Given.DraftId, 43, true, Given.On(2009, 11, 19))));
        Assert.Equal("Withdrawn by its sponsors", Say(Given.Withdrawn(null)));
    }

    private sealed record RecordedVoteTaken(Guid DraftId, int Meeting, int Yes, int No);

    [Fact]
    public void An_event_this_module_does_not_know_is_told_by_its_type_and_meeting()
    {
        var e = Recorded(new RecordedVoteTaken(Given.DraftId, 44, 120, 3));
        Assert.Equal("Recorded vote taken at the 44th meeting", AuditSentences.For(e));
        Assert.Equal(44, e.Meeting);
    }

    [Fact]
    public void Versions_are_the_documents_issued_and_the_text_after_each_oral_revision()
    {
        var history = new object[]
        {
            Given.Submitted(), Given.Introduced(),
            new SponsorsJoined(Given.DraftId, [new Sponsor("QAT", "Qatar")], 10, SponsorshipSource.Secretariat, Given.On(2009, 10, 28)),
            Rev1,
            Given.OrallyRevised(43, new ParagraphChange("OP1", ParagraphChangeKind.Replaced, "Urges all Member States to ratify the Protocol;")),
            new AdoptedWithoutVote(Given.DraftId, 43, true, Given.On(2009, 11, 19)),
        }.Select(e => Recorded(e)).ToList();
        var versions = TextVersions.Of(history);
        Assert.Equal(["A/C.3/64/L.22", "A/C.3/64/L.22/Rev.1", "A/C.3/64/L.22/Rev.1 as orally revised at the 43rd meeting"], versions.Select(v => v.Label));
        Assert.Equal([history[0].Version, history[3].Version, history[4].Version], versions.Select(v => v.Version));
        Assert.Equal("Urges all Member States to ratify the Protocol;", versions[2].Text!.Operative[0]);
        Assert.Equal(Given.Operative, versions[0].Text!.Operative);
    }
}
