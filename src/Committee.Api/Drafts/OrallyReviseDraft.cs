using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record OrallyReviseDraft(long ExpectedVersion, string Delegation, IReadOnlyList<ParagraphChange> Changes);

public static class OrallyReviseDraftEndpoint
{
    /// <summary>A sponsor reads out changes to its own text before action; the draft is then "as orally revised".</summary>
    [WolverinePost("/api/drafts/{id}/oral-revisions", OperationId = "OrallyReviseDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, OrallyReviseDraft command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context, states));

    public static IReadOnlyList<object> Decide(Draft draft, OrallyReviseDraft command, FloorContext context, MemberStates states)
    {
        DraftRules.VotingNotBegun(draft, "revise the draft orally");
        var meeting = DraftRules.AtMeeting(context, draft, "revise the draft orally");
        var by = Sponsors.Resolve(new SponsorRequest(command.Delegation), SponsoredText.Of(draft), states, "delegation");
        DraftRules.CurrentSponsor(draft, by.Iso3, by.Delegation, "delegation");
        if (command.Changes.Count == 0) throw Refusal.Invalid("changes", "an oral revision needs at least one change");
        if (!draft.TextKnown)
            throw Refusal.Unprocessable("changes", $"the text of {draft.Symbol} is not recorded (textKnown: false): there is no paragraph to revise");
        // Changes are read out in order, each on the text as the previous one left it.
        var text = new Draft { Preamble = [.. draft.Preamble], Operative = [.. draft.Operative] };
        for (var i = 0; i < command.Changes.Count; i++)
        {
            if (Paragraphs.Problem(text, command.Changes[i]) is { } problem) throw Refusal.Unprocessable($"changes[{i}]", problem);
            Paragraphs.Apply(text, command.Changes[i]);
        }
        if (text.Operative.Count == 0) throw Refusal.Unprocessable("changes", "the revision would leave the draft without an operative paragraph");
        return [new DraftOrallyRevised(draft.Id, by, command.Changes, meeting, context.Happened)];
    }
}
