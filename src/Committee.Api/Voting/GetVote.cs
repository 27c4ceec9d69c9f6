using System.Text;
using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Committee.Voting.Unvotes;
using Marten;
using Wolverine.Http;

namespace Committee.Voting;

public sealed record BallotView(string Delegation, string? Iso3, BallotChoice Vote);

/// <summary>The official record of a vote: the report's sentence, the lists by the names in use on that day in the
/// UN's alphabetical order (non-voting States are not listed in a committee report; they are given apart, as the
/// UN Digital Library does), and the notes that go with it.</summary>
public sealed record VoteRecord(
    string? Sentence, IReadOnlyList<string> InFavour, IReadOnlyList<string> Against, IReadOnlyList<string> Abstaining,
    IReadOnlyList<NonVotingState> NotVoting, IReadOnlyList<string> Notes);

public sealed record VoteView(
    Guid VoteId, Guid? DraftId, string? Symbol, VoteQuestion Question, VoteKind Kind, Majority Majority, VoteStatus Status,
    DateOnly Date, int? Meeting, VoteSource Source, int Yes, int No, int Abstain, int? NonVoting, Outcome? Outcome,
    IReadOnlyList<BallotView> Ballots, VoteRecord? Record, OfficialTally? OfficialTally, long Version);

public static class GetVoteEndpoint
{
    /// <summary>A vote: question, running or final tally, ballots, result and, once closed, the official record.</summary>
    [WolverineGet("/api/votes/{voteId}", OperationId = "GetVote"), Tags("Voting")]
    [ProducesResponseType<VoteView>(200)]
    public static async Task<IResult> Get(Guid voteId, IQuerySession query, MemberStates states, CancellationToken cancellation) =>
        await query.LoadAsync<Vote>(voteId, cancellation) is { } vote
            ? Results.Json(View(await Seats.ExpandAsync(vote, query, states, cancellation)), Json.Options)
            : Problems.NotFound("voteId", $"there is no vote {voteId}");

    /// <summary>The official record as JSON, or as CSV (one row per State) when the client accepts text/csv.</summary>
    [WolverineGet("/api/votes/{voteId}/record", OperationId = "GetVoteRecord"), Tags("Voting")]
    [ProducesResponseType<VoteRecord>(200)]
    public static Task<IResult> Record(Guid voteId, IQuerySession query, MemberStates states, HttpContext http) =>
        Export(voteId, query, states, http, http.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>The official record as JSON.</summary>
    [WolverineGet("/api/votes/{voteId}/record.json", OperationId = "GetVoteRecordJson"), Tags("Voting")]
    [ProducesResponseType<VoteRecord>(200)]
    public static Task<IResult> RecordJson(Guid voteId, IQuerySession query, MemberStates states, HttpContext http) => Export(voteId, query, states, http, csv: false);

    /// <summary>The official record as CSV: vote, date, question, source, delegation, iso3, vote (yes, no, abstain, non-voting), reason.</summary>
    [WolverineGet("/api/votes/{voteId}/record.csv", OperationId = "GetVoteRecordCsv"), Tags("Voting")]
    [Produces("text/csv")]
    public static Task<IResult> RecordCsv(Guid voteId, IQuerySession query, MemberStates states, HttpContext http) => Export(voteId, query, states, http, csv: true);

    private static async Task<IResult> Export(Guid voteId, IQuerySession query, MemberStates states, HttpContext http, bool csv)
    {
        if (await query.LoadAsync<Vote>(voteId, http.RequestAborted) is not { } stored) return Problems.NotFound("voteId", $"there is no vote {voteId}");
        var vote = await Seats.ExpandAsync(stored, query, states, http.RequestAborted);
        if (vote.IsOpen) return Problems.For(Refusal.Conflict("voteId", "the vote is still open: its record is made when it is closed"));
        return csv ? Results.Text(Csv(vote), "text/csv; charset=utf-8") : Results.Json(RecordOf(vote), Json.Options);
    }

    public static VoteView View(Vote vote)
    {
        var tally = vote.Tally ?? Majorities.Count(vote.Ballots);
        return new VoteView(vote.Id, vote.DraftId, vote.Symbol, vote.Question, vote.Kind, vote.Majority, vote.Status, vote.Date, vote.Meeting,
            vote.Source, tally.Yes, tally.No, tally.Abstain, vote.IsOpen || vote.Kind == VoteKind.NonRecorded ? null : vote.NonVoting.Count, vote.Outcome,
            vote.Ballots.OrderBy(b => b.Delegation, Records.UnOrder).Select(b => new BallotView(b.Delegation, b.Iso3, b.Vote)).ToList(),
            vote.IsOpen ? null : RecordOf(vote), vote.Official, vote.Version);
    }

    public static VoteRecord RecordOf(Vote vote)
    {
        List<string> Listed(BallotChoice choice) => vote.Kind == VoteKind.NonRecorded ? [] :
            vote.Ballots.Where(b => b.Vote == choice).Select(b => b.Delegation).OrderBy(n => n, Records.UnOrder).ToList();
        var sentence = vote.Outcome is { } outcome && vote.Tally is { } tally ? Records.Sentence(vote.Question, outcome, tally, vote.Kind) : null;
        var notes = new List<string>();
        if (vote.Source.IsDataset)
            notes.Add($"Tally and lists as recorded in the dataset {vote.Source.Name} ({vote.Source.Reference}); the dataset does not record absences, so the Member States of that day with no vote in it are listed as not voting. The result is read by a simple majority of those present and voting.");
        foreach (var c in vote.Corrections)
            notes.Add($"The record was corrected on the authority of {c.Authority}: {c.Delegation} is recorded as {Position(c.To)}{(c.From is { } f ? $" (previously {Position(f)})" : "")}.");
        foreach (var i in vote.Intentions)
            notes.Add($"Subsequently, the delegation of {i.Delegation} informed the Committee that it had intended to {Intended(i.Intended)}.");
        if (vote.Official is { } official)
            notes.Add(official.Tally == vote.Tally
                ? $"The official tally ({official.Authority}) agrees: {Figures(official.Tally)}."
                : $"The official tally ({official.Authority}) is {Figures(official.Tally)}; the dataset's is {Figures(vote.Tally!)}. Both stand as recorded.");
        return new VoteRecord(sentence, Listed(BallotChoice.Yes), Listed(BallotChoice.No), Listed(BallotChoice.Abstain), vote.NonVoting, notes);

        static string Position(BallotChoice choice) => choice switch { BallotChoice.Yes => "in favour", BallotChoice.No => "against", _ => "abstaining" };
        static string Intended(BallotChoice choice) => choice switch { BallotChoice.Yes => "vote in favour", BallotChoice.No => "vote against", _ => "abstain" };
        static string Figures(Tally t) => $"{t.Yes} in favour, {t.No} against, {t.Abstain} abstentions";
    }

    public static string Csv(Vote vote)
    {
        var csv = new StringBuilder("vote_id,date,question,source,delegation,iso3,vote,reason\n");
        void Row(string delegation, string? iso3, string choice, string reason) =>
            csv.Append(string.Join(',', new[] { vote.Id.ToString(), vote.Date.ToString("yyyy-MM-dd"), vote.Question.Subject,
                vote.Source.Reference is { } r ? $"{vote.Source.Name} {r}" : vote.Source.Name, delegation, iso3 ?? "", choice, reason }.Select(Delegations.Csv.Field))).Append('\n');
        foreach (var ballot in vote.Ballots.OrderBy(b => b.Delegation, Records.UnOrder))
            Row(ballot.Delegation, ballot.Iso3, ballot.Vote.ToString().ToLowerInvariant(), "");
        foreach (var state in vote.NonVoting)
            Row(state.Delegation, state.Iso3, "non-voting", state.Reason == NonVotingReason.Article19 ? "Article 19" : "");
        return csv.ToString();
    }
}
