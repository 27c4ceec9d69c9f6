using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Sponsorship;

public sealed record WithdrawSponsorship(long ExpectedVersion, IReadOnlyList<SponsorRequest> Delegations);

public static class WithdrawSponsorshipEndpoint
{
    /// <summary>Sponsors withdraw their sponsorship before action; their joining stays on the record. The secretariat
    /// records any sponsor's withdrawal; a delegation's token withdraws its own State only.</summary>
    [WolverinePost("/api/drafts/{id}/sponsor-withdrawals", OperationId = "WithdrawSponsorship"), Tags("Sponsorship")]
    [Authorize(Policy = Security.SponsorPolicy)]
    [ProducesResponseType<Draft>(200), ProducesResponseType<ProblemDetails>(403), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static Task<IResult> Post(Guid id, WithdrawSponsorship command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command,
            (draft, context) => Decide(draft!, command, context, states, Signatory.Of(http.User)));

    public static IReadOnlyList<object> Decide(Draft draft, WithdrawSponsorship command, FloorContext context, MemberStates states, Signatory by)
    {
        if (command.Delegations.Count == 0) throw Refusal.Invalid("delegations", "name at least one delegation");
        var leaving = Sponsors.Resolve(command.Delegations, SponsoredText.Of(draft), states, "delegations");
        by.MayActFor(leaving, "delegations");
        DraftRules.ActionNotYetTaken(draft, "withdraw a sponsorship (the list closed when the Committee took action)");
        for (var i = 0; i < leaving.Count; i++)
            DraftRules.CurrentSponsor(draft, leaving[i].Iso3, leaving[i].Delegation, $"delegations[{i}]");
        return [new SponsorshipWithdrawn(draft.Id, leaving, context.MeetingInProgress, context.Happened, by.Source, by.Document)];
    }
}
