namespace Committee.Domain;

/// <summary>An event on a session's stream.</summary>
public interface ISessionEvent : Committee.Infrastructure.ICommitteeEvent
{
    int Session { get; }
}

// The session's own stream: its meetings and what is on the floor.

public sealed record MeetingOpened(int Session, int Meeting, DateOnly Date, DateTimeOffset At) : ISessionEvent;

public sealed record MeetingClosed(int Session, int Meeting, DateTimeOffset At) : ISessionEvent;

public sealed record AgendaItemTakenUp(int Session, int Meeting, string AgendaItem, string AgendaItemTitle, DateTimeOffset At) : ISessionEvent;

public sealed record DraftTakenUp(
    int Session, int Meeting, Guid DraftId, string Symbol, string AgendaItem, string AgendaItemTitle, DateTimeOffset At) : ISessionEvent;
