using System.Security.Cryptography;
using System.Text;
using Committee.Delegations;
using Committee.Domain;
using Committee.Drafts;
using Committee.Infrastructure;
using Committee.Sponsorship;
using Marten;

namespace Committee.Imports;

/// <summary>
/// Turns the library's records of a session's L documents (its CSV or its MARCXML export, told apart by their content)
/// into drafts, through the commands' own decisions (submit,
/// revise, addendum, join, withdraw, note) and the command path: no rule is bypassed. Each document is one
/// transaction, recorded as of its issue date by "import/undl", with no meeting. A draft's stream id follows from
/// its L symbol, so a second run finds every document recorded and appends nothing. Names are repaired where that is
/// unambiguous; a name that cannot be resolved, or that a rule refuses, is reported by document and left out; the
/// import goes on.
/// </summary>
public sealed class UndlImport(StreamCommands<FloorContext> commands, IDocumentStore store, MemberStates states)
{
    public const string RecordedBy = "import/undl";

    /// <summary>The library's CSV gives an agenda item's code and the agenda's symbol, not the item's title (MARC's 991$c does).</summary>
    private const string NoAgendaTitle = "title not in the library record";

    public static Guid StreamIdOf(string originalSymbol) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"committee/third-committee/draft/{originalSymbol}")));

    public async Task<UndlImportReport> Run(string path, Action<string>? progress, CancellationToken cancellation)
    {
        var report = new UndlImportReport();
        var text = await File.ReadAllTextAsync(path, cancellation);
        var documents = new List<UndlDocument>();
        foreach (var (row, where) in UndlMarc.IsMarcXml(text) ? MarcRecords(text) : CsvRows(text, path))
        {
            report.Documents++;
            try
            {
                documents.Add(UndlDocument.Read(row ?? throw new FormatException(where)));
            }
            catch (FormatException e)
            {
                report.NotImported.Add(new ImportIssue(row?.GetValueOrDefault("symbol") is { Length: > 0 } symbol ? symbol : where, "", e.Message));
            }
        }
        // A chain's original before its revisions; a draft before the amendments and statements that concern it.
        var ordered = documents.OrderBy(d => d.Concerns is not null).ThenBy(d => d.Number).ThenBy(d => d.Place).ThenBy(d => d.Revision).ToList();
        var names = new UndlNames(states);
        for (var i = 0; i < ordered.Count; i++)
        {
            progress?.Invoke($"[{i + 1,3}/{ordered.Count}] {ordered[i].Symbol}");
            await Import(ordered[i], names, report, cancellation);
        }
        return report;
    }

    /// <summary>The CSV's rows by its column names; a row of the wrong width is null, with why.</summary>
    private static IEnumerable<(IReadOnlyDictionary<string, string>? Row, string Where)> CsvRows(string text, string path)
    {
        var rows = Csv.Read(text).ToList();
        if (rows.Count == 0) throw new FormatException($"{path} is empty");
        var header = rows[0];
        return rows.Skip(1).Select((row, i) => row.Length == header.Length
            ? ((IReadOnlyDictionary<string, string>?)header.Zip(row).ToDictionary(c => c.First, c => c.Second), $"line {i + 2}")
            : (null, $"line {i + 2} has {row.Length} fields, not {header.Length}"));
    }

    private static IEnumerable<(IReadOnlyDictionary<string, string>? Row, string Where)> MarcRecords(string xml) =>
        UndlMarc.Records(xml).Select((row, i) => ((IReadOnlyDictionary<string, string>?)row, $"record {i + 1}"));

    private sealed record Reading(
        IReadOnlyList<SponsorRequest> Printed, IReadOnlyList<SponsorRequest> Additional, IReadOnlyList<SponsorRequest> Removed,
        IReadOnlyList<NoteDraft> Notes);

    private async Task Import(UndlDocument document, UndlNames names, UndlImportReport report, CancellationToken cancellation)
    {
        Guid id;
        DraftSymbol? concerned = null;
        await using (var query = store.QuerySession())
        {
            var recorded = await query.LoadAsync<DraftSymbol>(document.Original, cancellation);
            if (recorded is null && document.Place != ChainPlace.Original)
            {
                report.NotImported.Add(new ImportIssue(document.Symbol, "", $"its original {document.Original} is not recorded"));
                return;
            }
            id = recorded?.DraftId ?? StreamIdOf(document.Original);
            if (document.Concerns is { } target) concerned = await query.LoadAsync<DraftSymbol>(target, cancellation);
        }
        var reading = Read(document, names, report);
        var context = new FloorContext(new DateTimeOffset(document.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), RecordedBy, null);
        var issues = new List<ImportIssue>();
        int appended;
        try
        {
            appended = (await commands.Record<Draft>(id, context, (draft, at) => Decide(document, id, draft, at, concerned, reading, issues), cancellation)).Count;
        }
        catch (Refusal refusal)
        {
            report.NotImported.Add(new ImportIssue(document.Symbol, "", $"{refusal.Field}: {refusal.Reason}"));
            return;
        }
        catch (Exception e) when (StreamCommands.IsConflict(e))
        {
            report.NotImported.Add(new ImportIssue(document.Symbol, "", "another writer changed the draft meanwhile: run the import again"));
            return;
        }
        report.Unresolved.AddRange(issues);
        if (appended == 0) report.AlreadyRecorded++;
        else (report.Recorded, report.Events) = (report.Recorded + 1, report.Events + appended);
    }

    /// <summary>The document's events, each decided on the draft as the previous ones left it; nothing when the document
    /// is already recorded. A joining or withdrawal the rules refuse is reported and left out, the rest recorded.</summary>
    private List<object> Decide(UndlDocument document, Guid id, Draft? draft, FloorContext context, DraftSymbol? concerned, Reading reading,
        List<ImportIssue> issues)
    {
        if (draft is not null && (document.Place == ChainPlace.Original || draft.Symbols.Contains(document.Symbol))) return [];
        var events = new List<object>();
        events.AddRange(document.Place switch
        {
            ChainPlace.Original => SubmitDraftEndpoint.Decide(id, new SubmitDraft(document.Symbol, document.Title, document.Session,
                    document.AgendaItem, document.AgendaItemTitle ?? $"{NoAgendaTitle} (agenda {document.AgendaSymbol})", document.Date, reading.Printed, [], [],
                    document.Kind, document.Concerns, TextKnown: false), context, states, concerned),
            ChainPlace.Revision => ReviseDraftEndpoint.Decide(draft!, new ReviseDraft(draft!.Version, document.Symbol, document.Date,
                    reading.Printed, [], [], document.Title, TextKnown: false), context, states),
            _ => IssueAddendumEndpoint.Decide(draft!, new IssueAddendum(draft!.Version, document.Symbol, document.Date, document.Title), context),
        });
        var after = StreamAggregate.After(draft, events)!;

        var joinedBy = Signatory.Report(document.AdditionalRecordedIn);
        var joining = Accepted(reading.Additional, document, issues,
            one => JoinSponsorsEndpoint.Decide(after, new JoinSponsors(after.Version, [one]), context, states, joinedBy));
        if (joining.Count > 0) after = Then(after, events, JoinSponsorsEndpoint.Decide(after, new JoinSponsors(after.Version, joining), context, states, joinedBy));

        var removedBy = Signatory.Report(document.RemovedRecordedIn);
        var leaving = Accepted(reading.Removed, document, issues,
            one => WithdrawSponsorshipEndpoint.Decide(after, new WithdrawSponsorship(after.Version, [one]), context, states, removedBy));
        if (leaving.Count > 0) after = Then(after, events, WithdrawSponsorshipEndpoint.Decide(after, new WithdrawSponsorship(after.Version, leaving), context, states, removedBy));

        foreach (var note in reading.Notes) events.AddRange(NoteDraftEndpoint.Decide(after, note, context));
        return events;
    }

    private static Draft Then(Draft draft, List<object> events, IReadOnlyList<object> more)
    {
        events.AddRange(more);
        return StreamAggregate.After(draft, more)!;
    }

    /// <summary>Each name the decision accepts on its own; the others reported with the decision's reason.</summary>
    private static List<SponsorRequest> Accepted(IReadOnlyList<SponsorRequest> requests, UndlDocument document, List<ImportIssue> issues,
        Func<SponsorRequest, IReadOnlyList<object>> decide)
    {
        var accepted = new List<SponsorRequest>();
        foreach (var request in requests)
        {
            try
            {
                decide(request);
                accepted.Add(request);
            }
            catch (Refusal refusal)
            {
                issues.Add(new ImportIssue(document.Symbol, request.Delegation, refusal.Reason));
            }
        }
        return accepted;
    }

    /// <summary>The document's lists, read into names Committee knows, and its notes. A name that is no State or
    /// observer, or that the sponsorship rules refuse for this draft, is reported and left out.</summary>
    private Reading Read(UndlDocument document, UndlNames names, UndlImportReport report)
    {
        var text = SponsoredText.Of(document.Session, document.Date, document.Title, [], []);
        List<SponsorRequest> List(string? list)
        {
            var requests = new List<SponsorRequest>();
            var seen = new HashSet<string>();
            foreach (var listed in list is null ? [] : names.Split(list, document.Date))
            {
                var name = names.Read(listed.Name, document.Date);
                if (name.Repair is not null && name.Known is not null) report.Repaired(document.Symbol, listed.Name, name.Known, name.Repair);
                if (name.Known is null)
                {
                    report.Unresolved.Add(new ImportIssue(document.Symbol, listed.Name, "not the name of a Member State or an observer"));
                    continue;
                }
                string? group = null;
                if (listed.OnBehalfOf is { } phrase)
                {
                    group = Groups.Find(phrase)?.Name;
                    if (group is null && UndlNames.ReadGroup(phrase) is { } repaired)
                        report.Repaired(document.Symbol, phrase, group = repaired.Name, "stray words before the group's name");
                    if (group is null) report.Unresolved.Add(new ImportIssue(document.Symbol, $"{listed.Name} [on behalf of {phrase}]",
                        $"'{phrase}' is not a group Committee knows: {name.Known} is recorded as sponsoring for itself"));
                }
                var request = new SponsorRequest(name.Known, group);
                try
                {
                    if (!seen.Add(Sponsors.Resolve(request, text, states, "delegation").Iso3))
                        report.Unresolved.Add(new ImportIssue(document.Symbol, listed.Name, $"{name.Known} is named twice in one list: recorded once"));
                    else requests.Add(request);
                }
                catch (Refusal refusal)
                {
                    report.Unresolved.Add(new ImportIssue(document.Symbol, listed.Name, refusal.Reason));
                }
            }
            return requests;
        }

        // The report's "X and Y are original sponsors" adds to the list printed on the document (MARC 710 counts them).
        var printed = List(document.PrintedSponsors);
        printed.AddRange(List(document.OriginalSponsorsNoted).Where(r => printed.All(p => p.Delegation != r.Delegation)));
        var source = $"UNDL record {document.UndlId}";
        var notes = new List<NoteDraft>();
        if (document.SubmittedBy is { } by) notes.Add(new NoteDraft(0, $"{document.Symbol}: {by}", $"{source}, MARC 245$c"));
        notes.AddRange(document.LibraryNotes.Select(n => new NoteDraft(0, n, $"{source}, MARC 515")));
        if (document.Resolution is not null || document.CommitteeReport is not null)
        {
            var committeeReport = RepairReport(document, report);
            notes.Add(new NoteDraft(0, $"{document.Symbol}: {string.Join("; ", new[] {
                document.Resolution is { } r ? $"became resolution {r}" : null,
                committeeReport is { } c ? $"committee report {c}" : null }.OfType<string>())}", $"{source}, MARC 993"));
        }
        if (document.Related is { Count: > 0 } related)
            notes.Add(new NoteDraft(0, $"{document.Symbol}: related documents {string.Join(", ", related)}", $"{source}, MARC 993"));
        return new Reading(printed, List(document.AdditionalSponsors), List(document.RemovedFromSponsors), notes);
    }

    /// <summary>One record links to "AA/78/481/Add.2" (PROCEDURE §6.2): no General Assembly symbol starts with "AA/".</summary>
    private static string? RepairReport(UndlDocument document, UndlImportReport report)
    {
        if (document.CommitteeReport is not { } symbol || !symbol.StartsWith("AA/", StringComparison.Ordinal)) return document.CommitteeReport;
        report.Repaired(document.Symbol, symbol, symbol[1..], "document symbol");
        return symbol[1..];
    }
}
