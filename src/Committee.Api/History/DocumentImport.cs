using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Committee.Delegations;
using Committee.Domain;
using Committee.Drafts;
using Committee.Infrastructure;
using Marten;

namespace Committee.History;

/// <summary>
/// Takes a UN draft from its text: reads it (<see cref="UnDocumentParser"/>), then tables it through the same
/// decisions and command pipeline as the JSON API: a new L document is submitted; a "…/Rev.n" of a draft already
/// recorded revises that draft's stream; a "…/Rev.n" of a draft not recorded records the draft from that version
/// (the earlier ones known to exist), and an earlier version imported afterwards takes its place in the draft. A text that cannot be read is refused with everything missing, and nothing
/// is stored. The import is keyed by its content, so importing the same text again answers as the first time.
/// </summary>
/// <summary>What identifies an import: the symbol and the text.</summary>
public sealed record ImportedText(string Symbol, string Text);

public sealed partial class DocumentImport(StreamCommands<FloorContext> commands, MemberStates states, IQuerySession query, TimeProvider clock)
{
    /// <summary>The text a document carries into the store must be storable, as a request's is (Infrastructure/Text):
    /// a document is read as plain text, past the checks on JSON bodies.</summary>
    private static Refusal? Unstorable(ParsedDocument document)
    {
        IEnumerable<(string Field, string Text)> texts =
        [
            ("title", document.Title), ("agendaItemTitle", document.AgendaItemTitle),
            .. document.Sponsors.Select((s, i) => ($"sponsors[{i}]", s.Name)),
            .. document.Preamble.Select((p, i) => ($"preamble[{i}]", p)),
            .. document.Operative.Select((p, i) => ($"operative[{i}]", p)),
            .. document.Notes.Select((n, i) => ($"notes[{i}]", n.Text)),
        ];
        foreach (var (field, text) in texts)
            if (Text.Problem(text) is { } problem)
                return Refusal.Unprocessable(field, $"the document's {field} {problem}");
        return null;
    }

    public async Task<IResult> ImportAsync(HttpContext http, string text, string? symbol, bool preview)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var reading = UnDocumentParser.Parse(text, name => states.Find(name, today) is not null);
        if (reading.Document is not { } document)
            return Problems.For(StatusCodes.Status422UnprocessableEntity, reading.Missing[0].Field,
                "the document cannot be read: " + string.Join("; ", reading.Missing.Select(m => m.Reason)),
                new Dictionary<string, object?> { ["missing"] = reading.Missing });
        if (Unstorable(document) is { } unstorable) return Problems.For(unstorable);
        if (preview) return Results.Json(document with { Symbol = symbol?.Trim() ?? document.Symbol }, Json.Options);

        try
        {
            var chosen = Symbol(document, symbol);
            if (!http.Request.Headers.ContainsKey(StreamCommands.IdempotencyHeader))
                http.Request.Headers[StreamCommands.IdempotencyHeader] = ContentKey(chosen, text);
            var sponsors = document.Sponsors.Select(s => new SponsorRequest(s.Name, s.OnBehalfOf)).ToList();
            // An import of the past is dated as the document was issued (its commands' rule, Dated.On); when it was
            // recorded is the store's timestamp.

            var earlier = VersionOrder.Earlier(chosen);
            var known = await query.LoadAsync<DraftSymbol>(chosen, http.RequestAborted)
                        ?? (earlier.Count > 0 ? await query.LoadAsync<DraftSymbol>(earlier[0], http.RequestAborted) : null);
            var onConflict = () => Refusal.Conflict("symbol", $"a draft with the symbol {chosen} already exists");
            if (known is null)
            {
                // A revision whose earlier versions are not recorded records the draft from it.
                var submission = new SubmitDraft(chosen, document.Title, document.Session, document.AgendaItem,
                    document.AgendaItemTitle, document.Date, sponsors, document.Preamble, document.Operative, document.Kind);
                var id = Guid.CreateVersion7();
                return await commands.Execute<Draft>(http, id, null, new ImportedText(chosen, text),
                    (_, context) => SubmitDraftEndpoint.Decide(id, submission, context, states),
                    session: document.Session, mustExist: false, keyRequired: false, location: draft => $"/api/drafts/{draft.Id}", onConflict: onConflict);
            }
            // Decided on the draft as fetched for writing; the request (symbol and text) identifies a retry. The symbol
            // is the draft's next revision, or an earlier version known to exist and not recorded yet.
            return await commands.Execute<Draft>(http, known.DraftId, null, new ImportedText(chosen, text),
                (draft, context) => draft!.Unrecorded.Contains(chosen) || draft.Symbols.Contains(chosen)
                    ? RecordEarlierVersionEndpoint.Decide(draft, new RecordEarlierVersion(null, chosen, document.Date, document.Title, sponsors,
                        document.Preamble, document.Operative), context, states)
                    : ReviseDraftEndpoint.Decide(draft, new ReviseDraft(draft.Version, chosen, document.Date, sponsors,
                        document.Preamble, document.Operative, document.Title), context, states),
                onConflict: onConflict);
        }
        catch (Refusal refusal) { return Problems.For(refusal); }
    }

    /// <summary>The symbol given, else the one printed; it must agree with what the text says it is.</summary>
    private static string Symbol(ParsedDocument document, string? given)
    {
        var symbol = given?.Trim() is { Length: > 0 } g ? g : document.Symbol
            ?? throw Refusal.Unprocessable("symbol", "the text does not carry its symbol: give it as ?symbol=, e.g. A/C.3/64/L.22/Rev.1");
        if (document.Symbol is { } printed && printed != symbol)
            throw Refusal.Unprocessable("symbol", $"the text carries the symbol {printed}, not {symbol}");
        if (document.Committee != "Third Committee")
            throw Refusal.Unprocessable("committee", $"this is a document of the {document.Committee}; Committee records the Third Committee");
        var isRevision = Revision().IsMatch(symbol);
        if (document.Revised && !isRevision)
            throw Refusal.Unprocessable("symbol", $"the text is a revised draft, so its symbol ends in /Rev.n, not {symbol}");
        if (!document.Revised && isRevision)
            throw Refusal.Unprocessable("symbol", $"{symbol} is a revision's symbol, but the text is not a revised draft");
        return symbol;
    }

    private static string ContentKey(string symbol, string text) =>
        "import:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(symbol + "\n" + text)))[..40];

    [GeneratedRegex(@"^(A/C\.3/[0-9]{1,3}/L\.[0-9]{1,4})/Rev\.[0-9]{1,2}$")] private static partial Regex Revision();
}
