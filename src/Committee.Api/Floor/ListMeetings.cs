using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Floor;

public static class ListMeetingsEndpoint
{
    /// <summary>The meetings a session has held, each with its date: pages show an action's meeting by its date.</summary>
    [WolverineGet("/api/sessions/{session}/meetings", OperationId = "ListMeetings"), Tags("Floor")]
    [ProducesResponseType<IReadOnlyList<MeetingHeld>>(200)]
    public static async Task<IResult> Get(int session, IQuerySession query, CancellationToken cancellation) =>
        Results.Json(await MeetingDates.OfAsync(query, session, cancellation), Json.Options);
}
