using System.Text.Json.Serialization;
using Committee.Infrastructure;

namespace Committee.Domain;

/// <summary>Voting: a question on the draft has been put to the vote and its consideration is not over (rule 128).
/// NoAction: a motion to adjourn the debate on it (a "no-action motion") was adopted.</summary>
public enum DraftStatus { Submitted, Introduced, Deferred, Voting, Withdrawn, Adopted, Rejected, NoAction }

public enum SponsorLayer { Original, Additional }

/// <summary>A State's sponsorship of the draft: printed on a version of it, or joined after issue (recorded by the
/// Secretary, by the delegation itself, or in a committee report: RecordedIn); withdrawal is marked, and the entry
/// leaves the stored draft only when the same State sponsors it again (<see cref="Draft.AsStored"/>).</summary>
public sealed record SponsorEntry(
    string Delegation, string Iso3, string? OnBehalfOf, SponsorLayer Layer, string? PrintedOn,
    DateTimeOffset JoinedAt, int? JoinedAtMeeting, SponsorshipSource? Source, DateTimeOffset? WithdrawnAt = null, int? WithdrawnAtMeeting = null,
    string? RecordedIn = null, SponsorshipSource? WithdrawalSource = null, string? WithdrawalRecordedIn = null);

/// <summary>The sponsors printed on one version of the document, as issued on its date; RecordedAt orders it among
/// the joinings and withdrawals.</summary>
public sealed record PrintedList(string Symbol, DateOnly Date, IReadOnlyList<Sponsor> Sponsors, DateTimeOffset RecordedAt);

/// <summary>Something the record says about the draft that no other event carries (e.g. the library's note
/// "The amendment was rejected by the Committee (A/78/481/Add.2)"), with where it comes from.</summary>
public sealed record DraftNote(string Text, string? Source, DateTimeOffset At);

public sealed record Introduction(string Delegation, string Iso3, string? OnBehalfOf, int Meeting, DateTimeOffset At);

public sealed record BudgetImplications(bool HasImplications, string? Statement, string? DocumentSymbol, DateTimeOffset At);

/// <summary>Changes read out on the version then current (Symbol): a later revision supersedes them.</summary>
public sealed record OralRevision(string Delegation, string Symbol, IReadOnlyList<ParagraphChange> Changes, int Meeting, DateTimeOffset At);

public sealed record Deferral(int Meeting, DateOnly? DeferredTo, DateTimeOffset At);

public sealed record ActionTaken(string Decision, int? Meeting, DateTimeOffset At);

/// <summary>The vote now open on the draft: until it closes, nothing else happens on the floor (rule 128).</summary>
public sealed record VoteInProgress(Guid VoteId, string Question, DateTimeOffset At);

/// <summary>A question on the draft decided: by a vote (VoteId) or without one; Record is the sentence of the report.</summary>
public sealed record Decision(string Question, Outcome Outcome, Guid? VoteId, string Record, int Meeting, DateTimeOffset At);

public sealed record Motion(MotionKind Kind, string MovedBy, string Iso3, int Meeting, DateTimeOffset At, Outcome? Outcome = null);

/// <summary>A request to vote a paragraph separately; a division motion is voted first when another delegation objects.</summary>
public sealed record DivisionRequest(string Paragraph, string RequestedBy, string? ObjectedBy, int Meeting, DateTimeOffset At,
    Outcome? MotionOutcome = null, Outcome? PartOutcome = null);

/// <summary>A draft as it stands: the aggregate its commands are decided on, and the read model the API returns.</summary>
public sealed class Draft : IStreamAggregate<Draft>
{
    public static string Noun => "draft";

    public Guid Id { get; set; }
    public long Version { get; set; }
    public DraftKind Kind { get; set; }
    public Concerned? Concerns { get; set; }
    public string Symbol { get; set; } = "";
    /// <summary>Every document of the draft, in the order of issue (<see cref="VersionOrder"/>).</summary>
    public List<string> Symbols { get; set; } = [];
    /// <summary>Earlier versions known to exist (the draft was recorded from a later one) whose documents are not recorded.</summary>
    public List<string> Unrecorded { get; set; } = [];
    public string Title { get; set; } = "";
    public int Session { get; set; }
    public string AgendaItem { get; set; } = "";
    public string AgendaItemTitle { get; set; } = "";
    public DateOnly Date { get; set; }
    public DraftStatus Status { get; set; }
    /// <summary>Every sponsorship in the order it began, as folded; as stored and served (<see cref="AsStored"/>), each
    /// State's latest: the current sponsors, and the last withdrawal of a State that no longer sponsors the draft.</summary>
    public List<SponsorEntry> Sponsors { get; set; } = [];
    public List<PrintedList> PrintedLists { get; set; } = [];

    /// <summary>False for a document recorded from its metadata only (an import): it has no paragraphs, and no rule
    /// about paragraphs applies to it.</summary>
    public bool TextKnown { get; set; } = true;
    public List<string> Preamble { get; set; } = [];
    public List<string> Operative { get; set; } = [];
    public Introduction? Introduction { get; set; }
    public BudgetImplications? BudgetImplications { get; set; }
    public List<OralRevision> OralRevisions { get; set; } = [];
    public List<Deferral> Deferrals { get; set; } = [];
    public ActionTaken? Action { get; set; }
    public List<DraftNote> Notes { get; set; } = [];
    /// <summary>An amendment's changes to the draft it concerns, applied if it is adopted (rule 130).</summary>
    public List<ParagraphChange> Changes { get; set; } = [];
    public VoteInProgress? OpenVote { get; set; }
    public List<Motion> Motions { get; set; } = [];
    public List<DivisionRequest> DivisionRequests { get; set; } = [];
    /// <summary>The Chair's order of the amendments, by symbol, furthest removed in substance first.</summary>
    public List<string> AmendmentOrder { get; set; } = [];
    public List<Decision> Decisions { get; set; } = [];
    /// <summary>An amendment to it was adopted: the text now voted is "as amended".</summary>
    public bool Amended { get; set; }

    /// <summary>Adopted or withdrawn: the text, and the sponsor list, are closed.</summary>
    [JsonIgnore] public bool ActionTaken => Action is not null;

    public IEnumerable<SponsorEntry> CurrentSponsors() => Sponsors.Where(s => s.WithdrawnAt is null);

    /// <summary>The text now stands as orally revised: changes were read out on the current version.</summary>
    [JsonIgnore] public bool OrallyRevised => OralRevisions.Any(r => r.Symbol == Symbol);

    public SponsorEntry? CurrentSponsor(string iso3) =>
        Sponsors.LastOrDefault(s => s.Iso3 == iso3 && s.WithdrawnAt is null);

    /// <summary>The stored draft keeps each State's latest sponsorship: the current one, or its last withdrawal. A
    /// State's earlier entries, withdrawn before it sponsored again, stay in the events, from which the sponsorship
    /// timeline is folded. Every command reads and writes the stored draft, so a State joining and withdrawing again
    /// and again must not grow it. No rule reads a withdrawn entry: dropping one before or after a fold gives the
    /// same draft.</summary>
    public static Draft AsStored(Draft draft)
    {
        // Called for every event a command appends: a draft without a withdrawal (most of them) costs no allocation.
        if (!draft.Sponsors.Exists(s => s.WithdrawnAt is not null)) return draft;
        var later = new HashSet<string>();
        var kept = Enumerable.Reverse(draft.Sponsors).Where(s => later.Add(s.Iso3) || s.WithdrawnAt is null).Reverse().ToList();
        if (kept.Count < draft.Sponsors.Count) draft.Sponsors = kept;
        return draft;
    }

    /// <summary>The one place an event changes a draft: used by Marten's projection and by the command pipeline.</summary>
    public static Draft Fold(Draft? draft, object @event)
    {
        draft ??= new Draft();
        switch (@event)
        {
            case DraftSubmitted e when draft.Symbols.Count > 0:
                draft.Issued(e);
                break;
            case DraftSubmitted e:
                draft.Id = e.DraftId;
                draft.Kind = e.Kind;
                draft.Concerns = e.Concerns;
                draft.Symbol = e.Symbol;
                draft.Symbols = [.. e.Earlier ?? [], e.Symbol];
                draft.Unrecorded = [.. e.Earlier ?? []];
                draft.Title = e.Title;
                draft.Session = e.Session;
                draft.AgendaItem = e.AgendaItem;
                draft.AgendaItemTitle = e.AgendaItemTitle;
                draft.Date = e.Date;
                draft.Status = DraftStatus.Submitted;
                draft.TextKnown = e.TextKnown;
                draft.Preamble = [.. e.Preamble];
                draft.Operative = [.. e.Operative];
                draft.Sponsors = e.Sponsors.Select(s => Printed(s, e.Symbol, e.Date)).ToList();
                draft.PrintedLists = [new PrintedList(e.Symbol, e.Date, e.Sponsors, e.At)];
                draft.Changes = [.. e.Changes ?? []];
                break;
            case DraftRevised e:
                draft.Symbol = e.Symbol;
                draft.Symbols.Add(e.Symbol);
                draft.Title = e.Title;
                draft.Date = e.Date;
                draft.TextKnown = e.TextKnown;
                draft.Preamble = [.. e.Preamble];
                draft.Operative = [.. e.Operative];
                draft.PrintedLists.Add(new PrintedList(e.Symbol, e.Date, e.Sponsors, e.At));
                // The revision re-states the printed list: those already sponsoring keep their entry and join date.
                foreach (var sponsor in e.Sponsors.Where(s => draft.CurrentSponsor(s.Iso3) is null))
                    draft.Sponsors.Add(Printed(sponsor, e.Symbol, e.Date));
                break;
            case DraftCorrected e:
                draft.Symbols.Add(e.Symbol);
                draft.Title = e.Title;
                draft.Preamble = [.. e.Preamble];
                draft.Operative = [.. e.Operative];
                break;
            case AddendumIssued e:
                draft.Symbols.Add(e.Symbol);
                break;
            case DraftNoted e:
                draft.Notes.Add(new DraftNote(e.Text, e.Source, e.At));
                break;
            case DraftIntroduced e:
                draft.Introduction = new Introduction(e.IntroducedBy.Delegation, e.IntroducedBy.Iso3, e.IntroducedBy.OnBehalfOf, e.Meeting, e.At);
                draft.Status = DraftStatus.Introduced;
                break;
            case SponsorsJoined e:
                draft.Sponsors.AddRange(e.Sponsors.Select(s => new SponsorEntry(
                    s.Delegation, s.Iso3, s.OnBehalfOf, SponsorLayer.Additional, null, e.At, e.Meeting, e.Source, RecordedIn: e.RecordedIn)));
                break;
            case SponsorshipWithdrawn e:
                foreach (var sponsor in e.Sponsors)
                {
                    var index = draft.Sponsors.FindLastIndex(s => s.Iso3 == sponsor.Iso3 && s.WithdrawnAt is null);
                    if (index >= 0) draft.Sponsors[index] = draft.Sponsors[index] with
                    {
                        WithdrawnAt = e.At, WithdrawnAtMeeting = e.Meeting, WithdrawalSource = e.Source, WithdrawalRecordedIn = e.RecordedIn,
                    };
                }
                break;
            case DraftOrallyRevised e:
                foreach (var change in e.Changes) Paragraphs.Apply(draft, change);
                draft.OralRevisions.Add(new OralRevision(e.RevisedBy.Delegation, draft.Symbol, e.Changes, e.Meeting, e.At));
                break;
            case ProgrammeBudgetImplicationsStated e:
                draft.BudgetImplications = new BudgetImplications(e.HasImplications, e.Statement, e.DocumentSymbol, e.At);
                break;
            case ActionDeferred e:
                draft.Deferrals.Add(new Deferral(e.Meeting, e.DeferredTo, e.At));
                draft.Status = DraftStatus.Deferred;
                break;
            case DraftWithdrawn e:
                draft.Status = DraftStatus.Withdrawn;
                draft.Action = new ActionTaken("withdrawn by its sponsors", e.Meeting, e.At);
                break;
            case AdoptedWithoutVote e:
                draft.Status = DraftStatus.Adopted;
                var qualified = e.AsAmended ? ", as amended" : e.AsOrallyRevised ? ", as orally revised" : "";
                draft.Action = new ActionTaken($"adopted without a vote{qualified}", e.Meeting, e.At);
                draft.Decisions.Add(new Decision(VotingOrder.ProposalKey, Outcome.Adopted, null, $"{Records.Subject(draft)}{qualified} was adopted without a vote.", e.Meeting, e.At));
                break;
            case QuestionPutToTheVote e:
                draft.Status = DraftStatus.Voting;
                draft.OpenVote = new VoteInProgress(e.VoteId, e.Question.Key, e.At);
                break;
            case QuestionDecided e:
                draft.OpenVote = null;
                draft.Decisions.Add(new Decision(e.Question.Key, e.Outcome, e.VoteId, e.Record, e.Meeting, e.At));
                draft.Settle(e.Question, e.Outcome);
                break;
            case AmendmentAdopted e:
                foreach (var change in e.Changes) Paragraphs.Apply(draft, change);
                draft.Amended = true;
                break;
            case AmendmentDecided e:
                draft.Status = e.Outcome == Outcome.Adopted ? DraftStatus.Adopted : DraftStatus.Rejected;
                draft.Action = new ActionTaken(Records.Verdict(e.Record), e.Meeting, e.At);
                break;
            case DraftAdoptedByVote e:
                draft.Close(DraftStatus.Adopted, e.VoteId, Outcome.Adopted, e.Record, e.Meeting, e.At);
                break;
            case DraftRejected e:
                draft.Close(DraftStatus.Rejected, e.VoteId, Outcome.Rejected, e.Record, e.Meeting, e.At);
                break;
            case NoActionTaken e:
                draft.OpenVote = null;
                draft.Status = DraftStatus.NoAction;
                draft.Action = new ActionTaken("set aside without a decision: a motion to adjourn the debate on it (no-action motion) was adopted", e.Meeting, e.At);
                break;
            case MotionMoved e:
                draft.Motions.Add(new Motion(e.Motion, e.MovedBy.Delegation, e.MovedBy.Iso3, e.Meeting, e.At));
                break;
            case DivisionRequested e:
                draft.DivisionRequests.Add(new DivisionRequest(e.Paragraph.ToUpperInvariant(), e.RequestedBy.Delegation, e.ObjectedBy?.Delegation, e.Meeting, e.At));
                break;
            case AmendmentsOrdered e:
                draft.AmendmentOrder = [.. e.FurthestFirst];
                break;
        }
        return draft;
    }

    /// <summary>A version issued on a draft already recorded from another: an earlier one fills its place (the text in
    /// force stays the later one's; its printed sponsors date from it); a later one becomes the version in force.
    /// Either order of recording gives the same draft, so folding by the date things happened does too.</summary>
    private void Issued(DraftSubmitted e)
    {
        Unrecorded.Remove(e.Symbol);
        foreach (var earlier in (e.Earlier ?? []).Where(s => !Symbols.Contains(s)))
        {
            Symbols.Add(earlier);
            Unrecorded.Add(earlier);
        }
        if (!Symbols.Contains(e.Symbol)) Symbols.Add(e.Symbol);
        VersionOrder.Sort(Symbols);
        PrintedLists.Add(new PrintedList(e.Symbol, e.Date, e.Sponsors, e.At));
        PrintedLists.Sort((a, b) => VersionOrder.Compare(a.Symbol, b.Symbol));
        if (VersionOrder.Compare(e.Symbol, Symbol) > 0)
        {
            (Symbol, Title, Date, TextKnown, Preamble, Operative) = (e.Symbol, e.Title, e.Date, e.TextKnown, [.. e.Preamble], [.. e.Operative]);
            foreach (var sponsor in e.Sponsors.Where(s => CurrentSponsor(s.Iso3) is null))
                Sponsors.Add(Printed(sponsor, e.Symbol, e.Date));
            return;
        }
        // Printed on the earlier version too: the sponsorship dates from it.
        foreach (var sponsor in e.Sponsors)
        {
            var index = Sponsors.FindIndex(s => s.Iso3 == sponsor.Iso3 && s.Layer == SponsorLayer.Original && s.WithdrawnAt is null);
            if (index < 0) Sponsors.Add(Printed(sponsor, e.Symbol, e.Date));
            else if (Sponsors[index].PrintedOn is { } on && VersionOrder.Compare(e.Symbol, on) < 0)
                Sponsors[index] = Printed(sponsor, e.Symbol, e.Date);
        }
    }

    private void Close(DraftStatus status, Guid? voteId, Outcome outcome, string record, int meeting, DateTimeOffset at)
    {
        OpenVote = null;
        Status = status;
        Action = new ActionTaken(Records.Verdict(record), meeting, at);
        Decisions.Add(new Decision(VotingOrder.ProposalKey, outcome, voteId, record, meeting, at));
    }

    /// <summary>What a decided question leaves pending: the motion or division settled; a paragraph not retained is
    /// deleted, and the separate votes still to come on later paragraphs of that part are renumbered with it.</summary>
    private void Settle(VoteQuestion question, Outcome outcome)
    {
        switch (question.Kind)
        {
            case QuestionKind.Motion:
                var motion = Motions.FindIndex(m => m.Kind == question.Motion && m.Outcome is null);
                if (motion >= 0) Motions[motion] = Motions[motion] with { Outcome = outcome };
                break;
            case QuestionKind.DivisionMotion:
                var division = DivisionRequests.FindIndex(d => d.Paragraph == question.Paragraph && d.MotionOutcome is null && d.PartOutcome is null);
                if (division >= 0) DivisionRequests[division] = DivisionRequests[division] with { MotionOutcome = outcome };
                break;
            case QuestionKind.Part:
                var part = DivisionRequests.FindIndex(d => d.Paragraph == question.Paragraph && d.PartOutcome is null);
                if (part >= 0) DivisionRequests[part] = DivisionRequests[part] with { PartOutcome = outcome };
                if (outcome == Outcome.Rejected && question.Paragraph is { } deleted)
                {
                    Paragraphs.Apply(this, new ParagraphChange(deleted, ParagraphChangeKind.Deleted, null));
                    for (var i = 0; i < DivisionRequests.Count; i++)
                        if (DivisionRequests[i].PartOutcome is null && Paragraphs.After(DivisionRequests[i].Paragraph, deleted) is { } renumbered)
                            DivisionRequests[i] = DivisionRequests[i] with { Paragraph = renumbered };
                }
                break;
        }
    }

    private static SponsorEntry Printed(Sponsor sponsor, string symbol, DateOnly date) =>
        new(sponsor.Delegation, sponsor.Iso3, sponsor.OnBehalfOf, SponsorLayer.Original, symbol,
            new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null, null);
}
