namespace Committee.Domain.Tests.Support;

/// <summary>Deterministic drafts for the 64th session, built only by folding events through <see cref="Draft.Fold"/>.</summary>
internal static class Given
{
    public const int Session = 64;
    public const string Symbol = "A/C.3/64/L.22";
    public const string RecordedBy = "secretary@test";

    public static readonly Guid DraftId = Guid.Parse("0192f0a0-0000-7000-8000-000000000022");
    public static readonly DateOnly IssuedOn = new(2009, 10, 20);
    public static readonly DateTimeOffset SubmittedAt = On(2009, 10, 20, 15);

    public static Sponsor Belarus => new("BLR", "Belarus");
    public static Sponsor Philippines => new("PHL", "Philippines");
    public static Sponsor ZambiaForTheAfricanGroup => new("ZMB", "Zambia", "African Group");

    public static readonly IReadOnlyList<string> Preamble =
    [
        "Recalling its resolution 63/194 of 18 December 2008 on improving the coordination of efforts against trafficking in persons,",
        "Welcoming the Human Rights Council resolution of 12 June 2009 on trafficking in persons, especially women and children,",
    ];

    public static readonly IReadOnlyList<string> Operative =
    [
        "Urges Member States to ratify the Protocol to Prevent, Suppress and Punish Trafficking in Persons;",
        "Requests the Secretary-General to report to the General Assembly at its sixty-fifth session.",
    ];

    public static DateTimeOffset On(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>L.22 as issued on 20 October 2009 by Belarus, the Philippines and Zambia (on behalf of the African Group).</summary>
    public static DraftSubmitted Submitted(
        IReadOnlyList<Sponsor>? sponsors = null, IReadOnlyList<string>? operative = null, IReadOnlyList<string>? preamble = null,
        string symbol = Symbol, int session = Session, Guid? id = null) =>
        new(id ?? DraftId, symbol, "Improving the coordination of efforts against trafficking in persons", session,
            "104", "Crime prevention and criminal justice", IssuedOn,
            sponsors ?? [Belarus, Philippines, ZambiaForTheAfricanGroup], preamble ?? Preamble, operative ?? Operative, SubmittedAt);

    public static Draft Draft(params IEnumerable<object> events) =>
        events.Aggregate((Draft?)null, Committee.Domain.Draft.Fold) ?? throw new InvalidOperationException("no events");

    /// <summary>L.22 as submitted, then the given events.</summary>
    public static Draft SubmittedDraft(params IEnumerable<object> later) => Draft([Submitted(), .. later]);

    /// <summary>Folds further events (for instance a decision's result) into the draft.</summary>
    public static Draft Then(this Draft draft, params IEnumerable<object> events) =>
        events.Aggregate(draft, Committee.Domain.Draft.Fold);

    public static DraftIntroduced Introduced(int meeting = 10, Sponsor? by = null) =>
        new(DraftId, by ?? Belarus, meeting, On(2009, 10, 28));

    public static DraftOrallyRevised OrallyRevised(int meeting, params ParagraphChange[] changes) =>
        new(DraftId, Belarus, changes, meeting, On(2009, 11, 12));

    public static ActionDeferred Deferred(int meeting = 14) => new(DraftId, meeting, null, On(2009, 11, 12));

    public static AdoptedWithoutVote Adopted(int meeting = 15) => new(DraftId, meeting, false, On(2009, 11, 19));

    public static DraftWithdrawn Withdrawn(int? meeting = 15) => new(DraftId, meeting, On(2009, 11, 19));

    public static FloorContext DuringMeeting(int meeting, DateTimeOffset? at = null) => new(at ?? On(2009, 11, 19), RecordedBy, meeting);

    public static FloorContext BetweenMeetings(DateTimeOffset? at = null) => new(at ?? On(2009, 11, 18), RecordedBy, null);
}
