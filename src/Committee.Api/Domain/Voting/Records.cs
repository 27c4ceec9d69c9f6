using System.Globalization;
using System.Text;

namespace Committee.Domain;

/// <summary>How the Committee's report words a decision, and how it lists States.</summary>
public static class Records
{
    public static string Noun(DraftKind kind) => kind switch
    {
        DraftKind.DraftResolution => "draft resolution",
        DraftKind.DraftDecision => "draft decision",
        DraftKind.Amendment => "amendment",
        DraftKind.BudgetStatement => "statement",
        _ => "document",
    };

    /// <summary>"draft resolution A/C.3/64/L.22"; an amendment is "the amendment contained in document A/C.3/64/L.58".</summary>
    public static string Subject(Draft draft) =>
        draft.Kind == DraftKind.Amendment ? $"the amendment contained in document {draft.Symbol}" : $"{Noun(draft.Kind)} {draft.Symbol}";

    /// <summary>The sentence of the report: "Draft resolution A/C.3/64/L.22, as orally revised, was adopted by a recorded
    /// vote of 120 to 10, with 45 abstentions." Kind null: the decision was taken without a vote. A paragraph voted
    /// separately is "retained" or "not retained", as the Chair frames such votes.</summary>
    public static string Sentence(VoteQuestion question, Outcome outcome, Tally? tally, VoteKind? kind)
    {
        var qualifier = (question.AsOrallyRevised, question.AsAmended) switch
        {
            (true, true) => ", as orally revised and as amended,",
            (true, false) => ", as orally revised,",
            (false, true) => ", as amended,",
            _ => "",
        };
        var verb = (question.Kind, outcome) switch
        {
            (QuestionKind.Part, Outcome.Adopted) => "retained",
            (QuestionKind.Part, Outcome.Rejected) => "not retained",
            (_, Outcome.Adopted) => "adopted",
            _ => "rejected",
        };
        var how = (kind, tally) switch
        {
            (null, _) => "without a vote",
            (VoteKind.Recorded, { } t) => $"by a recorded vote of {Count(t.Yes)} to {Count(t.No)}{Abstentions(t.Abstain)}",
            (VoteKind.NonRecorded, { } t) => $"by {Count(t.Yes)} votes to {Count(t.No)}{Abstentions(t.Abstain)}",
            _ => throw new ArgumentException("a vote needs its tally", nameof(tally)),
        };
        return $"{Capitalized(question.Subject)}{qualifier} was {verb} {how}.";
    }

    /// <summary>Rule 129: "If all operative parts of the proposal have been rejected, the proposal shall be considered to
    /// have been rejected as a whole."</summary>
    public static string RejectedAsAWhole(Draft draft) =>
        $"{Capitalized(Subject(draft))} was rejected as a whole, all its operative paragraphs having been rejected (rule 129).";

    /// <summary>What the draft's action reads, from its record: "adopted by a recorded vote of 120 to 10, with 45 abstentions".</summary>
    public static string Verdict(string record)
    {
        var at = record.LastIndexOf(" was ", StringComparison.Ordinal);
        return (at < 0 ? record : record[(at + 5)..]).TrimEnd('.');
    }

    private static string Count(int n) => n == 0 ? "none" : n.ToString(CultureInfo.InvariantCulture);

    private static string Abstentions(int n) => n switch
    {
        0 => ", with no abstentions",
        1 => ", with 1 abstention",
        _ => $", with {n} abstentions",
    };

    private static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The order of the UN's lists: English alphabetical order of the names in use, letters compared without
    /// their accents and case ("Costa Rica, Côte d'Ivoire, Croatia"; "Tunisia, Türkiye, Turkmenistan"). The app runs
    /// with invariant globalization, where culture-aware comparison is ordinal (it would put "Côte d'Ivoire" after
    /// "Cuba") and Unicode decomposition is not available; so the accents of Latin letters are folded by a table, which
    /// gives the UN's order on every machine. Equal keys fall back to ordinal.</summary>
    public static readonly IComparer<string> UnOrder = Comparer<string>.Create((a, b) =>
    {
        var byKey = string.CompareOrdinal(SortKey(a), SortKey(b));
        return byKey != 0 ? byKey : string.CompareOrdinal(a, b);
    });

    private const string Accented = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽžČčĆćĐđŁłŃńŌōŚśŹźŻżĀāĒēĪīŪūŘřŞşŢţĞğİı";
    private const string Folded = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyySsZzCcCcDdLlNnOoSsZzZzAaEeIiUuRrSsTtGgIi";

    public static string SortKey(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var at = Accented.IndexOf(c);
            var letter = at >= 0 ? Folded[at] : c switch { '’' or '‘' => '\'', 'Æ' or 'æ' => 'a', 'Œ' or 'œ' => 'o', _ => c };
            folded.Append(char.ToLowerInvariant(letter));
        }
        return folded.ToString();
    }
}
