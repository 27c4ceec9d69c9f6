namespace Committee.Domain;

/// <summary>An event on a draft's stream.</summary>
public interface IDraftEvent : Committee.Infrastructure.ICommitteeEvent
{
    Guid DraftId { get; }
}

// The draft's stream, in the words of the Committee's records. Every event carries its draft, and the moment the
// secretariat recorded it (from the command's context); floor actions carry the meeting at which they happened.

/// <summary>A State on a sponsor list, by the name in use at the draft's date, acting for itself or for a group.</summary>
public sealed record Sponsor(string Iso3, string Delegation, string? OnBehalfOf = null);

/// <summary>What an L document is: a draft resolution or decision, an amendment to another draft, the
/// Secretary-General's statement of programme budget implications (rule 153) on another draft, or a note.</summary>
public enum DraftKind { DraftResolution, DraftDecision, Amendment, BudgetStatement, Note }

/// <summary>The draft another document concerns (an amendment's or a budget statement's target).</summary>
public sealed record Concerned(Guid DraftId, string Symbol);

/// <summary>An L document issued: "A/C.3/64/L.22", tabled with the sponsors printed on it. TextKnown is false when
/// the document is recorded from its metadata only, without its paragraphs.
/// A draft may be recorded from a later version: Symbol is then "…/Rev.n" and Earlier the versions before it, known
/// to exist but not recorded. Late marks such an earlier version recorded afterwards on the same draft: it takes its
/// place before the later ones, and the text in force stays theirs.</summary>
public sealed record DraftSubmitted(
    Guid DraftId, string Symbol, string Title, int Session, string AgendaItem, string AgendaItemTitle, DateOnly Date,
    IReadOnlyList<Sponsor> Sponsors, IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative, DateTimeOffset At,
    DraftKind Kind = DraftKind.DraftResolution, Concerned? Concerns = null, bool TextKnown = true,
    IReadOnlyList<ParagraphChange>? Changes = null, IReadOnlyList<string>? Earlier = null, bool Late = false) : IDraftEvent, IConcernsDelegations
{
    IEnumerable<string> IConcernsDelegations.Delegations => Sponsors.Select(s => s.Iso3);
}

public sealed record DraftIntroduced(Guid DraftId, Sponsor IntroducedBy, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>A revised draft ("…/Rev.1") replaces the previous version: new symbol, text and printed sponsors.</summary>
public sealed record DraftRevised(
    Guid DraftId, string Symbol, string Supersedes, DateOnly Date, string Title,
    IReadOnlyList<Sponsor> Sponsors, IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative, DateTimeOffset At,
    bool TextKnown = true) : IDraftEvent, IConcernsDelegations
{
    IEnumerable<string> IConcernsDelegations.Delegations => Sponsors.Select(s => s.Iso3);
}

/// <summary>An addendum ("A/C.3/78/L.1/Add.1") adds to a note. (Plenary's "L.n/Add.1" lists of later sponsors have no
/// committee counterpart: there, joinings are announced and recorded in the report, PROCEDURE §2.1.)</summary>
public sealed record AddendumIssued(Guid DraftId, string Symbol, DateOnly Date, string Title, DateTimeOffset At) : IDraftEvent;

/// <summary>A note on the record: what a source says about the draft that no other event carries.</summary>
public sealed record DraftNoted(Guid DraftId, string Text, string? Source, DateTimeOffset At) : IDraftEvent;

/// <summary>A corrigendum ("…/Corr.1") corrects the issued text.</summary>
public sealed record DraftCorrected(
    Guid DraftId, string Symbol, DateOnly Date, string Title,
    IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative, DateTimeOffset At) : IDraftEvent;

public enum ParagraphChangeKind { Replaced, Inserted, Deleted }

/// <summary>One change read out by a sponsor: "PP3" or "OP4", replaced, inserted (as that paragraph) or deleted.</summary>
public sealed record ParagraphChange(string Paragraph, ParagraphChangeKind Kind, string? Text);

public sealed record DraftOrallyRevised(
    Guid DraftId, Sponsor RevisedBy, IReadOnlyList<ParagraphChange> Changes, int Meeting, DateTimeOffset At) : IDraftEvent;

/// <summary>The Secretary's statement under rule 153: the draft has, or has no, programme budget implications.</summary>
public sealed record ProgrammeBudgetImplicationsStated(
    Guid DraftId, bool HasImplications, string? Statement, string? DocumentSymbol, int? Meeting, DateTimeOffset At) : IDraftEvent;

public sealed record ActionDeferred(Guid DraftId, int Meeting, DateOnly? DeferredTo, DateTimeOffset At) : IDraftEvent;

/// <summary>Withdrawn by its sponsors before voting began (rule 122).</summary>
public sealed record DraftWithdrawn(Guid DraftId, int? Meeting, DateTimeOffset At) : IDraftEvent;

public sealed record AdoptedWithoutVote(Guid DraftId, int Meeting, bool AsOrallyRevised, DateTimeOffset At, bool AsAmended = false) : IDraftEvent;
