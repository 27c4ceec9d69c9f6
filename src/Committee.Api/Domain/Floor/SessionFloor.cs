using System.Security.Cryptography;
using System.Text;
using Committee.Infrastructure;

namespace Committee.Domain;

public sealed record MeetingInProgress(int Number, DateOnly Date, DateTimeOffset OpenedAt);

public sealed record OnTheFloor(string AgendaItem, string AgendaItemTitle, Guid? DraftId, string? Symbol);

/// <summary>A session of the Committee as its own stream: the meetings held and what is on the floor.</summary>
public sealed class SessionFloor : IStreamAggregate<SessionFloor>
{
    public static string Noun => "session";

    public Guid Id { get; set; }
    public long Version { get; set; }
    public int Session { get; set; }
    public int LastMeeting { get; set; }
    public MeetingInProgress? Meeting { get; set; }
    public OnTheFloor? Floor { get; set; }

    /// <summary>Each session's stream has a fixed id, so a draft's command finds its session without a lookup.</summary>
    public static Guid StreamId(int session) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"committee/third-committee/session/{session}")));

    public static SessionFloor Fold(SessionFloor? floor, object @event)
    {
        floor ??= new SessionFloor();
        switch (@event)
        {
            case MeetingOpened e:
                floor.Id = StreamId(e.Session);
                floor.Session = e.Session;
                floor.LastMeeting = e.Meeting;
                floor.Meeting = new MeetingInProgress(e.Meeting, e.Date, e.At);
                floor.Floor = null;
                break;
            case MeetingClosed:
                floor.Meeting = null;
                floor.Floor = null;
                break;
            case AgendaItemTakenUp e:
                floor.Floor = new OnTheFloor(e.AgendaItem, e.AgendaItemTitle, null, null);
                break;
            case DraftTakenUp e:
                floor.Floor = new OnTheFloor(e.AgendaItem, e.AgendaItemTitle, e.DraftId, e.Symbol);
                break;
        }
        return floor;
    }
}
