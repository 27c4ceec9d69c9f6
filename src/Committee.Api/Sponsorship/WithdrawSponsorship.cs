using Committee.Delegations;
using Committee.Drafts;
using Committee.Floor;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Sponsorship;

public sealed record WithdrawSponsorship(long ExpectedVersion, IReadOnlyList<SponsorRequest> Delegations);

public static class WithdrawSponsorshipEndpoint
{
    /// <summary>Sponsors withdraw their sponsorship before action; their joining stays on the record.</summary>
    [WolverinePost("/api/drafts/{id}/sponsor-withdrawals", OperationId = "WithdrawSponsorship"), Tags("Sponsorship")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, WithdrawSponsorship command, StreamCommands commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context, states));

    public static IReadOnlyList<object> Decide(Draft draft, WithdrawSponsorship command, FloorContext context, MemberStates states)
    {
        DraftRules.ActionNotYetTaken(draft, "withdraw a sponsorship");
        if (command.Delegations.Count == 0) throw Refusal.Invalid("delegations", "name at least one delegation");
        var leaving = Sponsors.Resolve(command.Delegations, draft.Date, states, "delegations");
        for (var i = 0; i < leaving.Count; i++)
            DraftRules.CurrentSponsor(draft, leaving[i].Iso3, leaving[i].Delegation, $"delegations[{i}]");
        return [new SponsorshipWithdrawn(draft.Id, leaving, context.MeetingInProgress, context.At)];
    }
}
