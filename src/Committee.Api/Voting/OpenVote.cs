using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Voting;

/// <summary>Opens a vote on the next question of the voting order (GET /api/drafts/{id}/voting-order gives the keys:
/// "proposal", "amendment:A/C.3/64/L.58", "part:OP3", "division:OP3", "motion:adjournDebate"). Article19 lists the
/// States that have no vote under Article 19 of the Charter. ExpectedVersion, if given, is the draft's.</summary>
public sealed record OpenVote(
    string Question, VoteKind Kind, Majority Majority = Majority.Simple, long? ExpectedVersion = null, IReadOnlyList<string>? Article19 = null);

public static class OpenVoteEndpoint
{
    /// <summary>The Secretary opens a vote on a question of the draft, at the meeting in progress; returns the vote (its id) with 201.</summary>
    [WolverinePost("/api/drafts/{id}/votes", OperationId = "OpenVote"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Vote>(201)]
    public static async Task<IResult> Post(Guid id, OpenVote command, StreamCommands<FloorContext> commands, MemberStates states, IQuerySession query, HttpContext http)
    {
        var draft = await query.LoadAsync<Draft>(id, http.RequestAborted);
        if (draft is null) return Problems.NotFound("id", $"there is no draft {id}");
        var amendments = await VotingOrder.AmendmentsTo(query, id, http.RequestAborted);
        var voteId = Guid.CreateVersion7();
        return await commands.Execute<Vote, Draft>(http, voteId, null, command, _ => [id],
            (_, drafts, context) => Decide(voteId, drafts[id], amendments, command, context, states),
            session: draft.Session, mustExist: false, keyRequired: false, location: vote => $"/api/votes/{vote.Id}",
            onConflict: () => Refusal.Conflict("id", $"{draft.Symbol} changed while the vote was being opened (another vote or floor action): reload it and try again"));
    }

    public static Decided Decide(Guid voteId, Draft draft, IReadOnlyList<Draft> amendments, OpenVote command, FloorContext context, MemberStates states)
    {
        DraftRules.ActionNotYetTaken(draft, "open a vote");
        var meeting = DraftRules.AtMeeting(context, draft, "open a vote");
        if (command.ExpectedVersion is { } expected && expected != draft.Version)
            throw Refusal.Conflict("expectedVersion", $"{draft.Symbol} has changed since version {expected}: it is now at version {draft.Version}");
        if (draft.Introduction is null)
            throw Refusal.Unprocessable("id", $"{draft.Symbol} has not been introduced: a sponsor introduces it before the Committee takes action");
        if (draft.Kind == DraftKind.Amendment)
            throw Refusal.Unprocessable("id", $"{draft.Symbol} is an amendment: it is voted on as a question of the draft it amends ({draft.Concerns?.Symbol})");

        var key = DraftRules.Required(command.Question, "question");
        var order = VotingOrder.Of(draft, amendments);
        var asked = order.FirstOrDefault(q => q.Question.Key.Equals(key, StringComparison.OrdinalIgnoreCase) && q.State == QuestionState.Pending)
                    ?? order.LastOrDefault(q => q.Question.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (asked is null)
            throw Refusal.Unprocessable("question", $"'{key}' is not a question on {draft.Symbol}: the voting order is {string.Join(", ", order.Select(q => q.Question.Key))}");
        if (asked.State == QuestionState.Decided)
            throw Refusal.Conflict("question", $"{asked.Question.Subject} has already been decided ({asked.Outcome?.ToString().ToLowerInvariant()})");
        if (asked.State == QuestionState.Skipped)
            throw Refusal.Conflict("question", $"{asked.Question.Subject} is not put to the vote: {asked.Reason}");
        var next = VotingOrder.Next(order)!;
        if (next.Question.Key != asked.Question.Key)
            throw Refusal.Conflict("question", $"out of order: {next.Question.Subject} is put to the vote first (rules 119, 129 and 130)");

        var day = context.Day;
        var withoutVote = new List<NonVotingState>();
        var article19 = command.Article19 ?? [];
        for (var i = 0; i < article19.Count; i++)
        {
            var state = Voters.Member(article19[i], day, states, $"article19[{i}]");
            if (withoutVote.Any(n => n.Iso3 == state.Iso3)) throw Refusal.Unprocessable($"article19[{i}]", $"{state.NameOn(day)} is named twice");
            withoutVote.Add(new NonVotingState(state.Iso3, state.NameOn(day), NonVotingReason.Article19));
        }
        var question = asked.Question;
        return new Decided(
            [new VoteOpened(voteId, draft.Id, draft.Symbol, draft.Session, meeting, day, question, command.Kind, command.Majority, withoutVote, context.Happened)],
            new Dictionary<Guid, IReadOnlyList<object>>
            {
                [draft.Id] = [new QuestionPutToTheVote(draft.Id, voteId, question, command.Kind, command.Majority, meeting, context.Happened)],
            });
    }
}
