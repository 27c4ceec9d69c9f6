using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Floor;

public sealed record CloseMeeting(long? ExpectedVersion = null);

public static class CloseMeetingEndpoint
{
    [WolverinePost("/api/sessions/{session}/meetings/{meeting}/closure", OperationId = "CloseMeeting"), Tags("Floor")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(int session, int meeting, CloseMeeting command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<SessionFloor>(http, SessionFloor.StreamId(session), command.ExpectedVersion, command,
            (floor, context) => Decide(floor!, meeting, context), keyRequired: false);

    public static IReadOnlyList<object> Decide(SessionFloor floor, int meeting, FloorContext context)
    {
        if (floor.Meeting?.Number != meeting)
            throw Refusal.Conflict("meeting", floor.Meeting is { } open
                ? $"meeting {meeting} is not in progress; meeting {open.Number} is"
                : $"meeting {meeting} is not in progress; no meeting is");
        return [new MeetingClosed(floor.Session, meeting, context.Happened)];
    }
}
