using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Sponsorship;

public sealed record JoinSponsors(long ExpectedVersion, IReadOnlyList<SponsorRequest> Delegations);

public static class JoinSponsorsEndpoint
{
    /// <summary>Delegations join the sponsors after the draft was issued, until the Committee takes action. The
    /// secretariat records any delegation; a delegation's token signs on for its own State only (e-sponsorship).</summary>
    [WolverinePost("/api/drafts/{id}/sponsors", OperationId = "JoinSponsors"), Tags("Sponsorship")]
    [Authorize(Policy = Security.SponsorPolicy)]
    [ProducesResponseType<Draft>(200), ProducesResponseType<ProblemDetails>(403), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static Task<IResult> Post(Guid id, JoinSponsors command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command,
            (draft, context) => Decide(draft!, command, context, states, Signatory.Of(http.User)));

    public static IReadOnlyList<object> Decide(Draft draft, JoinSponsors command, FloorContext context, MemberStates states, Signatory by)
    {
        if (command.Delegations.Count == 0) throw Refusal.Invalid("delegations", "name at least one delegation");
        var joining = Sponsors.Resolve(command.Delegations, SponsoredText.Of(draft), states, "delegations");
        by.MayActFor(joining, "delegations");
        DraftRules.ActionNotYetTaken(draft, "join the sponsors (the list closed when the Committee took action)");
        for (var i = 0; i < joining.Count; i++)
            if (draft.CurrentSponsor(joining[i].Iso3) is { } already)
                throw Refusal.Conflict($"delegations[{i}]", $"{already.Delegation} is already a sponsor of {draft.Symbol}");
        return [new SponsorsJoined(draft.Id, joining, context.MeetingInProgress, by.Source, context.Happened, by.Document)];
    }
}
