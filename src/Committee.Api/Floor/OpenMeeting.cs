using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Floor;

/// <summary>Opens the next meeting of the session (numbered in order; the number may be given to check it).</summary>
public sealed record OpenMeeting(DateOnly Date, int? Meeting = null, long? ExpectedVersion = null);

public static class OpenMeetingEndpoint
{
    [WolverinePost("/api/sessions/{session}/meetings", OperationId = "OpenMeeting"), Tags("Floor")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(int session, OpenMeeting command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<SessionFloor>(http, SessionFloor.StreamId(session), command.ExpectedVersion, command,
            (floor, context) => Decide(session, floor, command, context), session: session, mustExist: false, keyRequired: false,
            location: floor => $"/api/sessions/{floor.Session}");

    public static IReadOnlyList<object> Decide(int session, SessionFloor? floor, OpenMeeting command, FloorContext context)
    {
        DraftRules.SessionNumber(session, "session");
        SessionCalendar.Check(session, command.Date, "date", "the meeting");
        if (floor?.Meeting is { } open)
            throw Refusal.Conflict("meeting", $"meeting {open.Number} is in progress: close it before opening another");
        var next = (floor?.LastMeeting ?? 0) + 1;
        if (command.Meeting is { } number && number != next)
            throw Refusal.Unprocessable("meeting", $"meetings are numbered in order: the next meeting of the {English.Ordinal(session)} session is the {English.Ordinal(next)}");
        return [new MeetingOpened(session, next, command.Date, Dated.On(command.Date, context.At))];
    }
}
