using System.Text.RegularExpressions;
using Committee.Domain;
using Committee.Infrastructure;

namespace Committee.History;

/// <summary>Each event of a draft's stream told as the Committee's records would tell it. An event this module does
/// not know (added by another module later) is still told, by its type and its meeting: the trail never fails.</summary>
public static partial class AuditSentences
{
    // A sentence may end on "…, on behalf of the African Group," when nothing follows the name: the comma goes.
    public static string For(RecordedEvent e) => Tell(e).TrimEnd(',');

    private static string Tell(RecordedEvent e) => e.Data switch
    {
        DraftSubmitted { Late: true } s => $"Issued as {s.Symbol}, dated {Date(s.Date)}, by {Names(s.Sponsors)}{NotRecorded(s.TextKnown)} (recorded after a later version)",
        DraftSubmitted s => $"Submitted as {s.Symbol}{KindSuffix(s.Kind)}{Concerning(s.Concerns)}, dated {Date(s.Date)}, by {Names(s.Sponsors)}{Before(s.Earlier)}",
        DraftRevised r => $"Revised as {r.Symbol}, dated {Date(r.Date)}, with {Count(r.Sponsors.Count, "sponsor")} on its face: {Names(r.Sponsors)}",
        DraftCorrected c => $"Corrected by {c.Symbol}, dated {Date(c.Date)}",
        DraftIntroduced i => $"Introduced by {Name(i.IntroducedBy)}{At(i.Meeting)}",
        SponsorsJoined j => $"{Names(j.Sponsors)} joined as {(j.Sponsors.Count == 1 ? "sponsor" : "sponsors")}{At(j.Meeting)}{Through(j.Source)}",
        SponsorshipWithdrawn w => $"{Names(w.Sponsors)} withdrew {(w.Sponsors.Count == 1 ? "its sponsorship" : "their sponsorships")}{At(w.Meeting)}",
        DraftOrallyRevised o => $"Orally revised by {Name(o.RevisedBy)}{At(o.Meeting)}: {string.Join("; ", o.Changes.Select(Change))}",
        ProgrammeBudgetImplicationsStated p => p.HasImplications
            ? $"The Secretary stated the programme budget implications{(p.DocumentSymbol is { } d ? $" ({d})" : "")}{At(p.Meeting)}"
            : $"The Secretary stated that the draft has no programme budget implications{At(p.Meeting)}",
        ActionDeferred d => $"Action deferred{At(d.Meeting)}{(d.DeferredTo is { } to ? $", to {Date(to)}" : "")}",
        DraftWithdrawn w => $"Withdrawn by its sponsors{At(w.Meeting)}",
        AdoptedWithoutVote a => $"Adopted without a vote{(a.AsOrallyRevised ? ", as orally revised," : "")}{At(a.Meeting)}",
        QuestionPutToTheVote q => $"{Capitalised(q.Question.Subject)} put to a {(q.Kind == VoteKind.Recorded ? "recorded" : "non-recorded")} vote{At(q.Meeting)}",
        // The record's own sentence tells the kind of vote and its tally.
        QuestionDecided d => $"{d.Record.TrimEnd('.')}{At(d.Meeting)}",
        DraftAdoptedByVote a => $"{a.Record.TrimEnd('.')}{At(a.Meeting)}",
        DraftRejected r => $"{r.Record.TrimEnd('.')}{At(r.Meeting)}",
        NoActionTaken n => $"{n.Record.TrimEnd('.')}{At(n.Meeting)}",
        _ => $"{Words(e.Type)}{At(e.Meeting)}",
    };

    /// <summary>" at the 41st meeting", or nothing between meetings.</summary>
    public static string At(int? meeting) => meeting is { } m ? $" at the {English.Ordinal(m)} meeting" : "";

    /// <summary>"Zambia, on behalf of the African Group" in running text.</summary>
    public static string Name(Sponsor s) => s.OnBehalfOf is null ? s.Delegation : $"{s.Delegation}, on behalf of the {s.OnBehalfOf},";

    /// <summary>"Belarus, Philippines and Zambia (on behalf of the African Group)".</summary>
    public static string Names(IReadOnlyList<Sponsor> sponsors)
    {
        if (sponsors.Count == 1) return Name(sponsors[0]);
        var names = sponsors.Select(s => s.OnBehalfOf is null ? s.Delegation : $"{s.Delegation} (on behalf of the {s.OnBehalfOf})").ToList();
        return names.Count == 0 ? "no sponsor" : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    private static string Change(ParagraphChange c) => c.Kind switch
    {
        ParagraphChangeKind.Inserted => $"{c.Paragraph.ToUpperInvariant()} inserted",
        ParagraphChangeKind.Deleted => $"{c.Paragraph.ToUpperInvariant()} deleted",
        _ => $"{c.Paragraph.ToUpperInvariant()} replaced",
    };

    private static string KindSuffix(DraftKind kind) => kind switch
    {
        DraftKind.DraftResolution => "",
        DraftKind.DraftDecision => " (draft decision)",
        DraftKind.Amendment => " (amendment)",
        DraftKind.BudgetStatement => " (statement of programme budget implications)",
        _ => " (note)",
    };

    private static string Before(IReadOnlyList<string>? earlier) => earlier is { Count: > 0 }
        ? $"; it revises {string.Join(", ", earlier)}, not recorded (text unknown)" : "";

    private static string NotRecorded(bool textKnown) => textKnown ? "" : " (text not recorded)";

    private static string Concerning(Concerned? concerns) => concerns is null ? "" : $", concerning {concerns.Symbol}";

    private static string Through(SponsorshipSource source) => source == SponsorshipSource.ESponsorship ? ", through e-sponsorship" : "";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"VoteRecorded" reads "Vote recorded".</summary>
    private static string Words(string type)
    {
        var words = CamelWords().Replace(type, " $1").Trim().ToLowerInvariant();
        return words.Length == 0 ? type : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")] private static partial Regex CamelWords();
}
