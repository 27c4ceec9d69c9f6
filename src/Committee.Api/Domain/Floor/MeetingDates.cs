using Marten;

namespace Committee.Domain;

public sealed record MeetingHeld(int Number, DateOnly Date);

/// <summary>The date of each meeting of a session, from its stream's MeetingOpened events: what a page shows as
/// "when" (the meeting's date), beside the moment an action was typed in.</summary>
public static class MeetingDates
{
    public static async Task<IReadOnlyList<MeetingHeld>> OfAsync(IQuerySession query, int session, CancellationToken cancellation)
    {
        var events = await query.Events.FetchStreamAsync(SessionFloor.StreamId(session), token: cancellation);
        return events.Select(e => e.Data).OfType<MeetingOpened>().Select(m => new MeetingHeld(m.Meeting, m.Date)).ToList();
    }
}
