using Committee.Drafts;
using Committee.Infrastructure;

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

    /// <summary>The view with a draft as it now stands: the one projection of drafts into it, live or as of a moment.</summary>
    public SessionView With(Draft draft)
    {
        Drafts.RemoveAll(d => d.Id == draft.Id);
        Drafts.Add(new SessionDraft(draft.Id, draft.Symbol, draft.Title, draft.AgendaItem, draft.AgendaItemTitle, draft.Status, draft.Version));
        // One order whatever the order of updates, so that a rebuilt view equals the live one.
        Drafts.Sort((a, b) => a.Id.CompareTo(b.Id));
        return this;
    }

    /// <summary>The view with the session's meetings and floor as they now stand.</summary>
    public SessionView With(SessionFloor floor)
    {
        MeetingsHeld = floor.LastMeeting;
        Meeting = floor.Meeting;
        Floor = floor.Floor;
        return this;
    }
}

public sealed class SessionViewReadModel : IFeedReadModel
{
    public IReadOnlyList<Type> Documents { get; } = [typeof(SessionView)];

    public async Task Project(Draft draft, IReadModelDocuments documents)
    {
        var view = await documents.Load<SessionView>(draft.Session) ?? new SessionView { Id = draft.Session };
        documents.Store(view.With(draft));
    }

    public async Task Project(SessionFloor floor, IReadModelDocuments documents)
    {
        var view = await documents.Load<SessionView>(floor.Session) ?? new SessionView { Id = floor.Session };
        documents.Store(view.With(floor));
    }
}
