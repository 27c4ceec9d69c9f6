using Marten;
using Marten.Events;

namespace Committee.Domain;

public sealed record MeetingHeld(int Number, DateOnly Date);

/// <summary>The date of each meeting of a session, from its stream's MeetingOpened events: what a page shows as
/// "when" (the meeting's date), beside the moment an action was typed in.</summary>
public static class MeetingDates
{
    /// <summary>Only the session stream's openings are read (by its stream id, then their type), not every floor action.</summary>
    public static async Task<IReadOnlyList<MeetingHeld>> OfAsync(IQuerySession query, int session, CancellationToken cancellation)
    {
        var stream = SessionFloor.StreamId(session);
        var opened = await query.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == stream && e.EventTypesAre(typeof(MeetingOpened))).OrderBy(e => e.Version).ToListAsync(cancellation);
        return opened.Select(e => e.Data).OfType<MeetingOpened>().Select(m => new MeetingHeld(m.Meeting, m.Date)).ToList();
    }
}
