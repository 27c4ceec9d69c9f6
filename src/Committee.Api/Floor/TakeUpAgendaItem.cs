using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Floor;

public sealed record TakeUpAgendaItem(string AgendaItem, string AgendaItemTitle, long? ExpectedVersion = null);

public static class TakeUpAgendaItemEndpoint
{
    /// <summary>The Committee takes up an agenda item at the meeting in progress.</summary>
    [WolverinePost("/api/sessions/{session}/floor/agenda-item", OperationId = "TakeUpAgendaItem"), Tags("Floor")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(int session, TakeUpAgendaItem command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<SessionFloor>(http, SessionFloor.StreamId(session), command.ExpectedVersion, command,
            (floor, context) => Decide(floor!, command, context), keyRequired: false);

    public static IReadOnlyList<object> Decide(SessionFloor floor, TakeUpAgendaItem command, FloorContext context)
    {
        var meeting = floor.Meeting?.Number ?? throw Refusal.Conflict("meeting", "no meeting is in progress");
        return [new AgendaItemTakenUp(floor.Session, meeting, DraftRules.Required(command.AgendaItem, "agendaItem"),
            DraftRules.Title(command.AgendaItemTitle, "agendaItemTitle"), context.Happened)];
    }
}
