using System.Text.Json.Serialization;
using Committee.Infrastructure;

namespace Committee.Domain;

public enum VoteStatus { Open, Closed }

public sealed record VoteStatement(string Iso3, string Delegation, BallotChoice Intended, BallotChoice? AsRecorded, DateTimeOffset At);

public sealed record VoteCorrection(string Iso3, string Delegation, BallotChoice? From, BallotChoice To, string Authority, DateTimeOffset At);

public sealed record OfficialTally(Tally Tally, string Authority, DateTimeOffset At);

/// <summary>A vote on one question: the aggregate its commands are decided on and the document GET returns.</summary>
public sealed class Vote : IStreamAggregate<Vote>
{
    public static string Noun => "vote";

    public Guid Id { get; set; }
    /// <summary>The id again, by the name the API uses for it.</summary>
    public Guid VoteId => Id;
    public long Version { get; set; }
    public int Session { get; set; }
    public Guid? DraftId { get; set; }
    public string? Symbol { get; set; }
    public int? Meeting { get; set; }
    public DateOnly Date { get; set; }
    public VoteQuestion Question { get; set; } = new("", QuestionKind.Proposal, "");
    public VoteKind Kind { get; set; }
    public Majority Majority { get; set; }
    public VoteSource Source { get; set; } = VoteSource.Floor;
    public VoteStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Each State's current ballot, in the order first cast (a change keeps the place).</summary>
    public List<Ballot> Ballots { get; set; } = [];
    /// <summary>States listed at opening as having no vote under Article 19 of the Charter.</summary>
    public List<NonVotingState> WithoutVote { get; set; } = [];
    /// <summary>At closing: every State entitled to be in the room that is in no list, and why.</summary>
    public List<NonVotingState> NonVoting { get; set; } = [];
    public Tally? Tally { get; set; }
    public Outcome? Outcome { get; set; }
    public List<VoteStatement> Intentions { get; set; } = [];
    public List<VoteCorrection> Corrections { get; set; } = [];
    public OfficialTally? Official { get; set; }
    public string? Description { get; set; }
    public string? Resolution { get; set; }
    public List<string> Issues { get; set; } = [];
    public bool Important { get; set; }
    /// <summary>An imported roll call's lists by seat; its Ballots and NonVoting are filled from them with the names of
    /// the day when it is read (by the voting module, Seats.ExpandAsync). They are its event's: the fold sets them,
    /// the stored document does not repeat them (870,109 ballots written and parsed once, not twice), and readers of
    /// the document take them from the event.</summary>
    [JsonIgnore] public SeatLists? Dataset { get; set; }

    /// <summary>A stored vote given back the lists its document leaves out, from events of its stream: those of the last
    /// roll call imported among them.</summary>
    public void RestoreDataset(IEnumerable<object> events)
    {
        if (events.OfType<RollCallImported>().LastOrDefault() is { } imported) Dataset = imported.Lists;
    }

    [JsonIgnore] public bool IsOpen => Status == VoteStatus.Open;

    public Ballot? BallotOf(string iso3) => Ballots.FirstOrDefault(b => b.Iso3 == iso3);

    public static Vote Fold(Vote? vote, object @event)
    {
        vote ??= new Vote();
        switch (@event)
        {
            case VoteOpened e:
                vote.Id = e.VoteId;
                vote.DraftId = e.DraftId;
                vote.Symbol = e.Symbol;
                vote.Session = e.Session;
                vote.Meeting = e.Meeting;
                vote.Date = e.Date;
                vote.Question = e.Question;
                vote.Kind = e.Kind;
                vote.Majority = e.Majority;
                vote.Status = VoteStatus.Open;
                vote.OpenedAt = e.At;
                vote.WithoutVote = [.. e.WithoutVote];
                break;
            case BallotsCast e:
                foreach (var ballot in e.Ballots) vote.Record(ballot);
                break;
            case VoteClosed e:
                vote.Status = VoteStatus.Closed;
                vote.ClosedAt = e.At;
                vote.Tally = e.Tally;
                vote.Outcome = e.Outcome;
                vote.NonVoting = [.. e.NonVoting];
                break;
            case VoteIntentionStated e:
                vote.Intentions.Add(new VoteStatement(e.Iso3, e.Delegation, e.Intended, e.AsRecorded, e.At));
                break;
            case RecordedVoteCorrected e:
                vote.Record(new Ballot(e.Iso3, e.Delegation, e.To));
                vote.NonVoting.RemoveAll(n => n.Iso3 == e.Iso3);
                vote.Tally = Majorities.Count(vote.Ballots);
                vote.Corrections.Add(new VoteCorrection(e.Iso3, e.Delegation, e.From, e.To, e.Authority, e.At));
                break;
            case RollCallImported e:
                vote.Id = e.VoteId;
                vote.Source = e.Source;
                vote.Session = e.Session;
                vote.Date = e.Date;
                vote.Question = new VoteQuestion("roll-call", e.Amendment ? QuestionKind.Amendment : e.Paragraph ? QuestionKind.Part : QuestionKind.Proposal, e.Subject);
                vote.Description = e.Description;
                vote.Resolution = e.Resolution;
                vote.Issues = [.. e.Issues];
                vote.Important = e.Important;
                vote.Kind = VoteKind.Recorded;
                vote.Majority = Majority.Simple;
                vote.Status = VoteStatus.Closed;
                vote.OpenedAt = e.At;
                vote.ClosedAt = e.At;
                vote.Dataset = e.Lists;
                vote.Tally = new Tally(e.Lists.InFavour.Count, e.Lists.Against.Count, e.Lists.Abstaining.Count);
                vote.Outcome = Majorities.Decide(vote.Tally, Majority.Simple);
                break;
            case OfficialTallyRecorded e:
                vote.Official = new OfficialTally(e.Tally, e.Authority, e.At);
                break;
        }
        return vote;
    }

    private void Record(Ballot ballot)
    {
        var index = Ballots.FindIndex(b => b.Iso3 == ballot.Iso3);
        if (index >= 0) Ballots[index] = ballot;
        else Ballots.Add(ballot);
    }
}

/// <summary>Keeps each vote's state in the same transaction as its events.</summary>
public sealed class VoteProjection : StreamAggregateProjection<Vote, IVoteEvent>;
