using Committee.Domain;

namespace Committee.History;

/// <summary>A sponsor as printed on the document, and the group it acts for when a footnote says so.</summary>
public sealed record PrintedSponsor(string Name, string? OnBehalfOf);

/// <summary>A footnote: its marker ("1", "*"), its text, and where it is referenced ("PP4", "OP2", "sponsors").</summary>
public sealed record DocumentNote(string Marker, string Text, string? Reference);

/// <summary>What a UN draft says about itself, read from its text.</summary>
public sealed record ParsedDocument(
    string? Symbol, DateOnly Date, int Session, string Committee, string AgendaItem, string AgendaItemTitle,
    bool Revised, DraftKind Kind, string Title, IReadOnlyList<PrintedSponsor> Sponsors,
    IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative, IReadOnlyList<DocumentNote> Notes);

/// <summary>A part of the document that could not be found or read, and why.</summary>
public sealed record MissingPart(string Field, string Reason);

/// <summary>Either the document, or everything that kept it from being read.</summary>
public sealed record DocumentReading(ParsedDocument? Document, IReadOnlyList<MissingPart> Missing);
