using Committee.Drafts;
using Committee.Infrastructure;
using Marten;

namespace Committee.Floor;

public sealed record SessionDraft(
    Guid Id, string Symbol, string Title, string AgendaItem, string AgendaItemTitle, DraftStatus Status, long Version);

/// <summary>A session at a glance: the meeting in progress, what is on the floor, and its drafts by status.</summary>
public sealed class SessionView
{
    public int Id { get; set; }
    public int MeetingsHeld { get; set; }
    public MeetingInProgress? Meeting { get; set; }
    public OnTheFloor? Floor { get; set; }
    public List<SessionDraft> Drafts { get; set; } = [];
}

public static class SessionViewHandler
{
    public static async Task Handle(DraftChanged message, IDocumentSession session)
    {
        var draft = await session.LoadAsync<Draft>(message.DraftId);
        if (draft is null) return;
        var view = await session.LoadAsync<SessionView>(draft.Session) ?? new SessionView { Id = draft.Session };
        view.Drafts.RemoveAll(d => d.Id == draft.Id);
        view.Drafts.Add(new SessionDraft(draft.Id, draft.Symbol, draft.Title, draft.AgendaItem, draft.AgendaItemTitle, draft.Status, draft.Version));
        session.Store(view);
    }

    public static async Task Handle(SessionChanged message, IDocumentSession session)
    {
        var floor = await session.LoadAsync<SessionFloor>(SessionFloor.StreamId(message.Session));
        if (floor is null) return;
        var view = await session.LoadAsync<SessionView>(message.Session) ?? new SessionView { Id = message.Session };
        view.MeetingsHeld = floor.LastMeeting;
        view.Meeting = floor.Meeting;
        view.Floor = floor.Floor;
        session.Store(view);
    }
}
