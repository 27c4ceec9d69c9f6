using System.Text.Json.Serialization;
using Committee.Infrastructure;

namespace Committee.Domain;

/// <summary>An event on a vote's own stream: one stream per question put to the vote, so that the ballots of a
/// recorded vote never contend with the draft's stream.</summary>
public interface IVoteEvent : ICommitteeEvent
{
    Guid VoteId { get; }
}

/// <summary>Green, red or yellow on the board: in favour, against, abstaining.</summary>
public enum BallotChoice { Yes, No, Abstain }

/// <summary>How a vote is taken (rule 127): a non-recorded vote gives the tally only; a recorded vote lists every State.</summary>
public enum VoteKind { Recorded, [JsonStringEnumMemberName("non-recorded")] NonRecorded }

/// <summary>Simple majority of members present and voting (rule 125), or two thirds of them (rule 83, plenary
/// important questions; rule 123, reconsideration).</summary>
public enum Majority { Simple, [JsonStringEnumMemberName("two-thirds")] TwoThirds }

public enum Outcome { Adopted, Rejected }

/// <summary>What is put to the vote, in the order of rules 119 and 129–131.</summary>
public enum QuestionKind { Motion, DivisionMotion, Amendment, Part, Proposal }

/// <summary>Procedural motions in their precedence under rule 119: (a) suspend the meeting, (b) adjourn the meeting,
/// (c) adjourn the debate on the question (the basis of a "no-action motion", rule 116), (d) close the debate.</summary>
public enum MotionKind { SuspendMeeting, AdjournMeeting, AdjournDebate, CloseDebate }

/// <summary>Why a State eligible to vote appears in no list: it did not vote, or it has no vote under Article 19.</summary>
public enum NonVotingReason { DidNotVote, Article19 }

/// <summary>A question as put to the vote. Key names it in the voting order ("proposal", "amendment:A/C.3/64/L.58",
/// "part:OP3", "division:OP3", "motion:adjournDebate"); Subject is how the record names it.</summary>
public sealed record VoteQuestion(
    string Key, QuestionKind Kind, string Subject, Guid? AmendmentId = null, string? Paragraph = null, MotionKind? Motion = null,
    string? MovedBy = null, bool AsAmended = false, bool AsOrallyRevised = false);

public sealed record Tally(int Yes, int No, int Abstain)
{
    /// <summary>Rule 126: members casting an affirmative or negative vote; abstainers are not voting.</summary>
    public int PresentAndVoting => Yes + No;
}

/// <summary>One State's ballot, by the name in use on the day of the vote. Iso3 is null only for a former Member State
/// that never had a code (Zanzibar, 1963–1964), in imported records.</summary>
public sealed record Ballot(string? Iso3, string Delegation, BallotChoice Vote);

public sealed record NonVotingState(string? Iso3, string Delegation, NonVotingReason Reason);

/// <summary>Where a vote's record comes from: the Committee's own floor (the official record as taken), or a
/// third-party dataset, by name, with the dataset's own reference to the roll call.</summary>
public sealed record VoteSource(string Name, string? Reference = null)
{
    public static readonly VoteSource Floor = new("committee floor");

    public bool IsDataset => this != Floor;
}

/// <summary>The Secretary opens the vote on a question of a draft (on the draft's stream: <see cref="QuestionPutToTheVote"/>).
/// States listed under Article 19 have no vote in it.</summary>
public sealed record VoteOpened(
    Guid VoteId, Guid DraftId, string Symbol, int Session, int Meeting, DateOnly Date, VoteQuestion Question, VoteKind Kind,
    Majority Majority, IReadOnlyList<NonVotingState> WithoutVote, DateTimeOffset At) : IVoteEvent;

/// <summary>Ballots as they arrive: one from a delegation, or a batch from the electronic board. A later ballot of
/// the same State replaces its earlier one until the vote is closed.</summary>
public sealed record BallotsCast(Guid VoteId, IReadOnlyList<Ballot> Ballots, DateTimeOffset At) : IVoteEvent, IConcernsDelegations
{
    IEnumerable<string> IConcernsDelegations.Delegations => Ballots.Where(b => b.Iso3 is not null).Select(b => b.Iso3!);
}

/// <summary>The vote is closed and locked: the tally, the result under the majority required, and the States eligible
/// to vote that appear in no list. A non-recorded vote carries only the tally the Chair announced.</summary>
public sealed record VoteClosed(
    Guid VoteId, Tally Tally, Outcome Outcome, IReadOnlyList<NonVotingState> NonVoting, DateTimeOffset At) : IVoteEvent;

/// <summary>"Subsequently, the delegation of X informed the Committee that it had intended to vote in favour":
/// a statement on the record; the tally does not change.</summary>
public sealed record VoteIntentionStated(
    Guid VoteId, string Iso3, string Delegation, BallotChoice Intended, BallotChoice? AsRecorded, DateTimeOffset At) : IVoteEvent;

/// <summary>The record itself is amended, on an authority (the Chair's ruling, a corrigendum to the record).</summary>
public sealed record RecordedVoteCorrected(
    Guid VoteId, string Iso3, string Delegation, BallotChoice? From, BallotChoice To, string Authority, DateTimeOffset At) : IVoteEvent;

/// <summary>The four lists of a recorded vote by seat: ISO3 codes (ISO 3166-3 for a former Member State), or the
/// name of a former Member State that never had a code. Names in use on the day are read from the reference data.</summary>
public sealed record SeatLists(
    IReadOnlyList<string> InFavour, IReadOnlyList<string> Against, IReadOnlyList<string> Abstaining, IReadOnlyList<string> NotVoting);

/// <summary>A dataset's roll call, with where it came from (Source: the dataset by name, and its own reference to the
/// roll call). Lists are the dataset's per-country lists; NotVoting holds the States that could vote that day and are
/// in none of them (the dataset drops absences). The lists are stored as seats, compactly: 870,109 ballots in all.</summary>
public sealed record RollCallImported(
    Guid VoteId, VoteSource Source, int Session, DateOnly Date, string Subject, string? Description, string? Resolution,
    IReadOnlyList<string> Issues, bool Important, bool Amendment, bool Paragraph, SeatLists Lists, DateTimeOffset At) : IVoteEvent;

/// <summary>The official tally (committee report or verbatim record) set beside a dataset's; neither replaces the other.</summary>
public sealed record OfficialTallyRecorded(Guid VoteId, Tally Tally, string Authority, DateTimeOffset At) : IVoteEvent;

// ---- On the draft's stream: the questions put and the decisions taken, in the words of the Committee's report.

/// <summary>Voting on the draft has begun (rule 128): until the vote closes nothing but points of order.</summary>
public sealed record QuestionPutToTheVote(
    Guid DraftId, Guid VoteId, VoteQuestion Question, VoteKind Kind, Majority Majority, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>A question other than the proposal itself was decided, by a vote or without one (VoteId null).</summary>
public sealed record QuestionDecided(
    Guid DraftId, Guid? VoteId, VoteQuestion Question, Outcome Outcome, Tally? Tally, string Record, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>An amendment adopted: its changes are made to the text then voted on (rule 130).</summary>
public sealed record AmendmentAdopted(
    Guid DraftId, Guid AmendmentId, string Symbol, IReadOnlyList<ParagraphChange> Changes, Guid? VoteId, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>On the amendment's own stream: what became of it when its question was decided.</summary>
public sealed record AmendmentDecided(Guid DraftId, Guid TargetId, Outcome Outcome, Guid? VoteId, string Record, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>"Draft resolution A/C.3/64/L.22 was adopted by a recorded vote of 120 to 10, with 45 abstentions."</summary>
public sealed record DraftAdoptedByVote(
    Guid DraftId, Guid VoteId, VoteKind Kind, Tally Tally, bool AsAmended, bool AsOrallyRevised, string Record, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>Rejected by a vote on it, or because all its operative parts were rejected (rule 129).</summary>
public sealed record DraftRejected(Guid DraftId, Guid? VoteId, Tally? Tally, string Record, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>A motion to adjourn the debate on the draft ("no-action motion") was adopted: no decision is taken on it.</summary>
public sealed record NoActionTaken(Guid DraftId, Guid VoteId, string Record, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>A procedural motion moved on the draft, to be put to the vote before it (rule 119 precedence).</summary>
public sealed record MotionMoved(Guid DraftId, MotionKind Motion, Sponsor MovedBy, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>A delegation asks for a paragraph to be voted separately (rule 129); ObjectedBy, if another objects,
/// so that the motion for division is voted first.</summary>
public sealed record DivisionRequested(Guid DraftId, string Paragraph, Sponsor RequestedBy, Sponsor? ObjectedBy, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>The Chair's order of the pending amendments, the one furthest removed in substance first (rule 130).</summary>
public sealed record AmendmentsOrdered(Guid DraftId, IReadOnlyList<string> FurthestFirst, int? Meeting, DateTimeOffset At) : IDraftEvent;
