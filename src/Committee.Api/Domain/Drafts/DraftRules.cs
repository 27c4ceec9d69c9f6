using Committee.Infrastructure;

namespace Committee.Domain;

/// <summary>Conditions several floor actions share, each stated once.</summary>
public static class DraftRules
{
    /// <summary>Once the Committee has acted (adopted, or the sponsors withdrew it), the draft is closed.</summary>
    /// <summary>While a vote on it is open, nothing else happens on the draft (rule 128: once voting has begun, only
    /// points of order on the conduct of the vote).</summary>
    public static void ActionNotYetTaken(Draft draft, string attempted)
    {
        if (draft.Action is { } action)
            throw Refusal.Conflict("id",
                $"cannot {attempted}: {draft.Symbol} was {action.Decision}{(action.Meeting is { } m ? $" at meeting {m}" : "")}");
        if (draft.OpenVote is { } vote)
            throw Refusal.Conflict("id",
                $"cannot {attempted}: a vote on {draft.Symbol} is in progress (vote {vote.VoteId}); once voting has begun only points of order on its conduct are allowed (rule 128)");
    }

    /// <summary>The text is settled and the sponsors can no longer withdraw it once voting on it has begun (rule 122);
    /// from then on it changes only through amendments and separate votes.</summary>
    public static void VotingNotBegun(Draft draft, string attempted)
    {
        ActionNotYetTaken(draft, attempted);
        if (draft.Status == DraftStatus.Voting)
            throw Refusal.Conflict("id", $"cannot {attempted}: voting on {draft.Symbol} has begun (rules 122 and 128)");
    }

    /// <summary>A floor action happens at a meeting: one must be in progress in the draft's session.</summary>
    public static int AtMeeting(FloorContext context, Draft draft, string attempted) =>
        context.MeetingInProgress ?? throw Refusal.Conflict("meeting",
            $"cannot {attempted}: no meeting of the {English.Ordinal(draft.Session)} session is in progress");

    public static SponsorEntry CurrentSponsor(Draft draft, string iso3, string delegation, string field) =>
        draft.CurrentSponsor(iso3) ?? throw Refusal.Unprocessable(field, $"{delegation} is not a sponsor of {draft.Symbol}");

    /// <summary>A General Assembly session's number (the 64th opened in 2009).</summary>
    public static int SessionNumber(int session, string field) =>
        session is >= 1 and <= 999 ? session : throw Refusal.Invalid(field, "session must be a session number such as 64");

    /// <summary>A text that must be given, trimmed, within its limit (a name unless told otherwise).</summary>
    public static string Required(string? value, string field, int limit = Limits.Name) =>
        string.IsNullOrWhiteSpace(value) ? throw Refusal.Invalid(field, $"{field} is required") : Limits.Within(value.Trim(), limit, field);

    public static string Title(string? value, string field = "title") => Required(value, field, Limits.Title);

    /// <summary>A proposal is put to the Committee for decision; a budget statement or a note is not.</summary>
    public static bool IsProposal(DraftKind kind) => kind is DraftKind.DraftResolution or DraftKind.DraftDecision or DraftKind.Amendment;

    /// <summary>A proposal's text has at least one operative paragraph; a document recorded without its text has none.</summary>
    public static void TextAsKnown(bool textKnown, bool proposal, IReadOnlyList<string> preamble, IReadOnlyList<string> operative)
    {
        if (!textKnown && (preamble.Count > 0 || operative.Count > 0))
            throw Refusal.Invalid(operative.Count > 0 ? "operative" : "preamble", "a document recorded without its text (textKnown: false) has no paragraphs");
        if (textKnown && proposal && operative.Count == 0)
            throw Refusal.Unprocessable("operative", "a draft needs at least one operative paragraph (or textKnown: false, for a document recorded from its metadata only)");
    }

    /// <summary>A printed version's text: each part's paragraphs checked, and as many as the text known allows.</summary>
    public static (IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative) PrintedText(
        IReadOnlyList<string> preamble, IReadOnlyList<string> operative, bool textKnown, DraftKind kind)
    {
        var (checkedPreamble, checkedOperative) = (Paragraphs(preamble, "preamble"), Paragraphs(operative, "operative"));
        TextAsKnown(textKnown, IsProposal(kind), checkedPreamble, checkedOperative);
        return (checkedPreamble, checkedOperative);
    }

    public static IReadOnlyList<string> Paragraphs(IReadOnlyList<string> paragraphs, string field)
    {
        if (paragraphs.Count > Limits.Paragraphs)
            throw Refusal.Unprocessable(field, $"{field} has {paragraphs.Count:N0} paragraphs: at most {Limits.Paragraphs:N0} are taken");
        for (var i = 0; i < paragraphs.Count; i++)
            if (string.IsNullOrWhiteSpace(paragraphs[i])) throw Refusal.Invalid($"{field}[{i}]", "a paragraph cannot be empty");
        return paragraphs.Select((p, i) => Limits.Within(p.Trim(), Limits.Paragraph, $"{field}[{i}]")).ToList();
    }
}
