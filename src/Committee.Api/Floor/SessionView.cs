using Committee.Domain;
using Committee.Infrastructure;
using Marten;

namespace Committee.Floor;

/// <summary>A draft as its session lists it: the row each change of the draft rewrites.</summary>
public sealed record SessionDraft(
    Guid Id, int Session, string Symbol, string Title, string AgendaItem, string AgendaItemTitle, DraftStatus Status, long Version)
{
    public static SessionDraft Of(Draft draft) =>
        new(draft.Id, draft.Session, draft.Symbol, draft.Title, draft.AgendaItem, draft.AgendaItemTitle, draft.Status, draft.Version);
}

/// <summary>A session at a glance: the meeting in progress, what is on the floor (its inline snapshot), and its
/// drafts by status (rows kept by the daemon).</summary>
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
        Drafts.Add(SessionDraft.Of(draft));
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

public sealed class SessionDraftsProjection() : StateProjection<Draft, IDraftEvent>(typeof(SessionDraft))
{
    protected override void Project(Draft draft, IReadOnlyList<object> events, IDocumentOperations operations) =>
        operations.Store(SessionDraft.Of(draft));
}
