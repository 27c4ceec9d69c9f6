using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record IntroduceDraft(long ExpectedVersion, string Delegation, string? OnBehalfOf = null);

public static class IntroduceDraftEndpoint
{
    /// <summary>A sponsor introduces the draft at the meeting in progress.</summary>
    [WolverinePost("/api/drafts/{id}/introduction", OperationId = "IntroduceDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, IntroduceDraft command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context, states));

    public static IReadOnlyList<object> Decide(Draft draft, IntroduceDraft command, FloorContext context, MemberStates states)
    {
        DraftRules.ActionNotYetTaken(draft, "introduce the draft");
        var meeting = DraftRules.AtMeeting(context, draft, "introduce the draft");
        if (draft.Introduction is { } earlier)
            throw Refusal.Conflict("id", $"{draft.Symbol} was already introduced by {earlier.Delegation} at meeting {earlier.Meeting}");
        var by = Sponsors.Resolve(new SponsorRequest(command.Delegation, command.OnBehalfOf), SponsoredText.Of(draft), states, "delegation");
        DraftRules.CurrentSponsor(draft, by.Iso3, by.Delegation, "delegation");
        return [new DraftIntroduced(draft.Id, by, meeting, context.Happened)];
    }
}
