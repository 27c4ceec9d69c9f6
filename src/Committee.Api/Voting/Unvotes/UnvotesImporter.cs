using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Committee.Delegations;
using Committee.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Npgsql;
using Weasel.Core;

namespace Committee.Voting.Unvotes;

/// <summary>A row the importer could not take, with where it is and why.</summary>
public sealed record RejectedRow(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

public sealed record ImportProgress(int RollCallsDone, int RollCallsToImport, long BallotsDone, TimeSpan Elapsed);

public sealed record ImportReport(
    int RollCallsRead, int RollCallsImported, int RollCallsAlreadyPresent, long BallotsImported, long NonVotingRecorded,
    int Malformed, IReadOnlyList<RejectedRow> MalformedExamples, int BallotsBeforeAdmission, IReadOnlyList<string> BeforeAdmissionExamples,
    IReadOnlyDictionary<string, int> FormerMemberBallots, TimeSpan Elapsed)
{
    public double BallotsPerSecond => Elapsed.TotalSeconds > 0 ? BallotsImported / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Brings unvotes' General Assembly roll calls into the event store, one vote stream per roll call with one
/// <see cref="RollCallImported"/> event carrying its ballots, its source (the dataset, by name, and the rcid) and the
/// Member States of that day with no vote in the dataset, recorded as not voting (the dataset drops absences).
/// Streams are written with Marten's bulk event import (COPY) and the votes' documents with Marten's bulk insert; the
/// voting-record rows follow on the daemon, as a live vote's do. Ids derive from the rcid, and each of the two is
/// written only where it is missing, so a rerun (or a run after an interruption) writes nothing that is already there.
/// </summary>
public sealed class UnvotesImporter(IDocumentStore store, MemberStates states, TimeProvider clock)
{
    public const string DatasetName = "unvotes";
    public const int BatchSize = 1000;
    private const int ExampleCount = 10;

    public static Guid VoteIdFor(int rcid) => new(MD5.HashData(Encoding.UTF8.GetBytes($"committee/unvotes/rcid/{rcid}")));

    private sealed record RollCall(int Rcid, int Session, DateOnly Date, bool Important, string Resolution, bool Amendment, bool Paragraph, string Short, string Description);

    private sealed record Row(string Code, string Country, BallotChoice Vote, int Line);

    public async Task<ImportReport> ImportAsync(string folder, Func<int, int, bool>? include = null, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var clockStart = Stopwatch.StartNew();
        var malformed = new List<RejectedRow>();
        var malformedCount = 0;
        void Reject(string file, int line, string reason)
        {
            malformedCount++;
            if (malformed.Count < ExampleCount) malformed.Add(new RejectedRow(file, line, reason));
        }

        var rollCalls = ReadRollCalls(Path.Combine(folder, "roll_calls.csv"), Reject);
        var issues = ReadIssues(Path.Combine(folder, "roll_call_issues.csv"), rollCalls, Reject);
        var rows = ReadVotes(Path.Combine(folder, "votes.csv"), rollCalls, Reject);

        var wanted = rollCalls.Values.Where(r => include?.Invoke(r.Rcid, r.Session) ?? true).OrderBy(r => r.Rcid).ToList();
        var ids = wanted.Select(r => VoteIdFor(r.Rcid)).ToArray();
        var schema = store.Options.Schema.DatabaseSchemaName;
        var (haveStream, haveDocument) = await ExistingAsync(schema, ids, cancellation);

        var at = clock.GetUtcNow();
        var beforeAdmission = 0;
        var beforeAdmissionExamples = new List<string>();
        var former = new Dictionary<string, int>();
        var imported = 0;
        var present = 0;
        long ballots = 0, nonVoting = 0;
        var done = 0;
        // The next batch is built while the previous one is written: PostgreSQL's work and ours overlap.
        Task writing = Task.CompletedTask;
        foreach (var batch in wanted.Chunk(BatchSize))
        {
            var missing = batch.Where(call => VoteIdFor(call.Rcid) is var id && !(haveStream.Contains(id) && haveDocument.Contains(id))).ToList();
            present += batch.Length - missing.Count;
            // Roll calls are independent: they are built side by side, then their notes gathered in rcid order.
            var built = missing.AsParallel().AsOrdered()
                .Select(call => Build(call, rows.GetValueOrDefault(call.Rcid) ?? [], issues.GetValueOrDefault(call.Rcid) ?? [], at)).ToList();
            foreach (var b in built)
            {
                foreach (var (line, reason) in b.Rejected) Reject("votes.csv", line, reason);
                beforeAdmission += b.BeforeAdmission.Count;
                beforeAdmissionExamples.AddRange(b.BeforeAdmission.Take(ExampleCount - beforeAdmissionExamples.Count));
                foreach (var name in b.Former) former[name] = former.GetValueOrDefault(name) + 1;
                imported++;
                ballots += b.Event.Lists.InFavour.Count + b.Event.Lists.Against.Count + b.Event.Lists.Abstaining.Count;
                nonVoting += b.Event.Lists.NotVoting.Count;
            }
            await writing;
            var (written, total) = (done += batch.Length, ballots);
            writing = WriteAsync(built, haveStream, haveDocument, cancellation)
                .ContinueWith(t => { t.GetAwaiter().GetResult(); progress?.Report(new ImportProgress(written, wanted.Count, total, clockStart.Elapsed)); },
                    cancellation, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        await writing;
        return new ImportReport(rollCalls.Count, imported, present, ballots, nonVoting, malformedCount, malformed,
            beforeAdmission, beforeAdmissionExamples, former, clockStart.Elapsed);
    }

    /// <summary>A roll call made ready to write: its event, its vote document and voting-record row, and what was
    /// noticed on the way (rows refused, ballots dated before an admission, ballots of former Member States).</summary>
    private sealed record Built(
        RollCallImported Event, Vote Vote, List<(int Line, string Reason)> Rejected, List<string> BeforeAdmission, List<string> Former);

    private Built Build(RollCall call, IReadOnlyList<Row> rows, IReadOnlyList<string> issues, DateTimeOffset at)
    {
        var rejected = new List<(int, string)>();
        var beforeAdmission = new List<string>();
        var former = new List<string>();
        var lists = new Dictionary<BallotChoice, List<string>> { [BallotChoice.Yes] = [], [BallotChoice.No] = [], [BallotChoice.Abstain] = [] };
        var seats = new HashSet<string>();
        foreach (var row in rows)
        {
            var (seat, problem) = Seats.Of(row.Code, row.Country, call.Date, states);
            if (seat is null) { rejected.Add((row.Line, problem!)); continue; }
            var key = Seats.Key(seat);
            if (!seats.Add(key))
            {
                rejected.Add((row.Line, $"a second vote for the seat of {seat.Name} in rcid {call.Rcid}"));
                continue;
            }
            if (seat.Iso3 is null || states.ByIso3(seat.Iso3) is not { } member) former.Add(seat.Name);
            else if (!member.IsMemberOn(call.Date))
                beforeAdmission.Add($"rcid {call.Rcid} ({call.Date:yyyy-MM-dd}): {seat.Name}, admitted {member.AdmissionDate:yyyy-MM-dd}");
            lists[row.Vote].Add(key);
        }
        var absent = Seats.MembersOn(call.Date, states).Where(k => !seats.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var e = new RollCallImported(VoteIdFor(call.Rcid), new VoteSource(DatasetName, $"rcid {call.Rcid}"), call.Session, call.Date, Subject(call),
            call.Description.Length > 0 ? call.Description : null, call.Resolution.Length > 0 ? call.Resolution : null,
            issues, call.Important, call.Amendment, call.Paragraph,
            new SeatLists(lists[BallotChoice.Yes], lists[BallotChoice.No], lists[BallotChoice.Abstain], absent), at);
        var vote = Vote.Fold(null, e);
        vote.Version = 1;
        return new Built(e, vote, rejected, beforeAdmission, former);
    }

    /// <summary>How the record names the question: the dataset's short title, else the start of its description, and its resolution code.</summary>
    private static string Subject(RollCall call)
    {
        var title = call.Short.Length > 0 ? call.Short : call.Description.Length > 120 ? call.Description[..120].TrimEnd() + "…" : call.Description;
        var what = title.Length > 0 ? title : $"roll call {call.Rcid}";
        return call.Resolution.Length > 0 ? $"{what} ({call.Resolution})" : what;
    }

    /// <remarks>The votes' documents are committed before their events: the daemon projects an event from its stream's
    /// snapshot, which must be there when the event becomes visible (a command writes both in one transaction).</remarks>
    private async Task WriteAsync(List<Built> built, HashSet<Guid> haveStream, HashSet<Guid> haveDocument, CancellationToken cancellation)
    {
        var documents = built.Where(b => !haveDocument.Contains(b.Vote.Id)).Select(b => b.Vote).ToList();
        if (documents.Count > 0) await store.BulkInsertAsync(documents, BulkInsertMode.InsertsOnly, documents.Count, cancellation);
        var streams = built.Where(b => !haveStream.Contains(b.Vote.Id)).ToList();
        if (streams.Count > 0)
            await store.BulkInsertEventStreamAsync(JasperFx.StorageConstants.DefaultTenantId,
                streams.Select(b => new BulkEventStreamHeader { Id = b.Vote.Id, Version = 1, AggregateType = typeof(Vote) }).ToList(),
                Events(streams.Select(b => b.Event)), streams.Count, cancellation);
    }

    private static async IAsyncEnumerable<IEvent> Events(IEnumerable<RollCallImported> events)
    {
        foreach (var e in events)
        {
            yield return new Event<RollCallImported>(e)
            {
                Id = Guid.CreateVersion7(), StreamId = e.VoteId, Version = 1, Timestamp = e.At, UserName = "import unvotes",
            };
            await Task.CompletedTask;
        }
    }

    private async Task<(HashSet<Guid> Streams, HashSet<Guid> Documents)> ExistingAsync(string schema, Guid[] ids, CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        async Task<HashSet<Guid>> Ids(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("ids", ids);
            var found = new HashSet<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) found.Add(reader.GetGuid(0));
            return found;
        }
        var documentTable = store.Options.Schema.For<Vote>();
        return (await Ids($"select id from {schema}.mt_streams where id = any(@ids)"),
            await Ids($"select id from {documentTable} where id = any(@ids)"));
    }

    private static Dictionary<int, RollCall> ReadRollCalls(string path, Action<string, int, string> reject)
    {
        var calls = new Dictionary<int, RollCall>();
        var rows = Csv.Read(File.ReadAllText(path)).ToList();
        var header = rows[0];
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"roll_calls.csv has no column {name}");
        var (rcid, session, important, date, unres, amend, para, shortTitle, descr) =
            (Col("rcid"), Col("session"), Col("importantvote"), Col("date"), Col("unres"), Col("amend"), Col("para"), Col("short"), Col("descr"));
        for (var i = 1; i < rows.Count; i++)
        {
            var r = rows[i];
            var line = i + 1;
            if (r.Length == 1 && r[0].Length == 0) continue;
            if (r.Length != header.Length) { reject("roll_calls.csv", line, $"{r.Length} fields, expected {header.Length}"); continue; }
            if (!int.TryParse(r[rcid], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) { reject("roll_calls.csv", line, $"rcid '{r[rcid]}' is not a number"); continue; }
            if (!int.TryParse(r[session], NumberStyles.None, CultureInfo.InvariantCulture, out var s)) { reject("roll_calls.csv", line, $"session '{r[session]}' is not a number"); continue; }
            if (!DateOnly.TryParseExact(r[date], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { reject("roll_calls.csv", line, $"date '{r[date]}' is not yyyy-mm-dd"); continue; }
            if (!calls.TryAdd(id, new RollCall(id, s, d, r[important] == "1", r[unres].Trim(), r[amend] == "1", r[para] == "1", r[shortTitle].Trim(), r[descr].Trim())))
                reject("roll_calls.csv", line, $"rcid {id} appears twice");
        }
        return calls;
    }

    private static Dictionary<int, List<string>> ReadIssues(string path, Dictionary<int, RollCall> calls, Action<string, int, string> reject)
    {
        var issues = new Dictionary<int, List<string>>();
        if (!File.Exists(path)) return issues;
        var rows = Csv.Read(File.ReadAllText(path)).ToList();
        for (var i = 1; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Length == 1 && r[0].Length == 0) continue;
            if (r.Length < 2 || !int.TryParse(r[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rcid) || r[1].Length == 0)
            { reject("roll_call_issues.csv", i + 1, "expected rcid, short_name, issue"); continue; }
            if (!calls.ContainsKey(rcid)) { reject("roll_call_issues.csv", i + 1, $"rcid {rcid} is not in roll_calls.csv"); continue; }
            var list = issues.TryGetValue(rcid, out var l) ? l : issues[rcid] = [];
            if (!list.Contains(r[1])) list.Add(r[1]);
        }
        return issues;
    }

    /// <summary>Reads votes.csv (870,109 rows): rcid, "country", "code", "vote". Every row is either taken or reported.
    /// The file is read whole and cut at line ends into as many parts as there are processors, parsed side by side into
    /// spans; the few hundred distinct names, codes and votes are kept once each, so that rows cost no strings of their own.</summary>
    private static Dictionary<int, List<Row>> ReadVotes(string path, Dictionary<int, RollCall> calls, Action<string, int, string> reject)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var headerEnd = text.IndexOf('\n') is var h and >= 0 ? h : text.Length;
        if (text.AsSpan(0, headerEnd).TrimEnd('\r').ToString().Replace("\"", "") != "rcid,country,country_code,vote")
            throw new InvalidDataException($"votes.csv does not start with the header rcid,country,country_code,vote: '{text[..Math.Min(headerEnd, 80)]}'");
        var parts = Math.Max(1, Environment.ProcessorCount * 2);
        var starts = new List<int> { Math.Min(headerEnd + 1, text.Length) };
        for (var i = 1; i < parts; i++)
        {
            var at = text.IndexOf('\n', Math.Max(starts[^1], (int)((long)text.Length * i / parts)));
            if (at < 0) break;
            starts.Add(at + 1);
        }
        starts.Add(text.Length);
        var firstLines = new int[starts.Count - 1];
        firstLines[0] = 2;
        for (var i = 1; i < firstLines.Length; i++) firstLines[i] = firstLines[i - 1] + text.AsSpan(starts[i - 1], starts[i] - starts[i - 1]).Count('\n');
        var results = new (Dictionary<int, List<Row>> Rows, List<(int Line, string Reason)> Rejected)[firstLines.Length];
        Parallel.For(0, firstLines.Length, i => results[i] = ReadPart(text, starts[i], starts[i + 1], firstLines[i], calls));

        var byRollCall = new Dictionary<int, List<Row>>();
        foreach (var (part, rejected) in results)
        {
            foreach (var (line, reason) in rejected) reject("votes.csv", line, reason);
            foreach (var (rcid, list) in part)
                if (byRollCall.TryGetValue(rcid, out var earlier)) earlier.AddRange(list);
                else byRollCall[rcid] = list;
        }
        return byRollCall;
    }

    private static (Dictionary<int, List<Row>>, List<(int, string)>) ReadPart(string text, int start, int end, int firstLine, Dictionary<int, RollCall> calls)
    {
        var byRollCall = new Dictionary<int, List<Row>>();
        var rejected = new List<(int, string)>();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        string Intern(ReadOnlySpan<char> value)
        {
            if (lookup.TryGetValue(value, out var known)) return known;
            var copy = value.ToString();
            strings.Add(copy);
            return copy;
        }
        var fields = new List<string>(4);
        var line = firstLine - 1;
        for (var position = start; position < end;)
        {
            var newline = text.IndexOf('\n', position, end - position);
            var stop = newline < 0 ? end : newline;
            var current = text.AsSpan(position, stop - position).TrimEnd('\r');
            position = stop + 1;
            line++;
            if (current.IsEmpty) continue;
            if (!Split(current, fields, Intern) || fields.Count != 4) { rejected.Add((line, $"expected 4 fields: {current}")); continue; }
            if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rcid)) { rejected.Add((line, $"rcid '{fields[0]}' is not a number")); continue; }
            if (!calls.ContainsKey(rcid)) { rejected.Add((line, $"rcid {rcid} is not in roll_calls.csv")); continue; }
            BallotChoice? choice = fields[3] switch { "yes" => BallotChoice.Yes, "no" => BallotChoice.No, "abstain" => BallotChoice.Abstain, _ => null };
            if (choice is null) { rejected.Add((line, $"vote '{fields[3]}' is not yes, no or abstain")); continue; }
            if (fields[1].Length == 0) { rejected.Add((line, "no country")); continue; }
            var list = byRollCall.TryGetValue(rcid, out var l) ? l : byRollCall[rcid] = new List<Row>(180);
            list.Add(new Row(fields[2], fields[1], choice.Value, line));
        }
        return (byRollCall, rejected);
    }

    /// <summary>One CSV line into fields (quoted fields may hold commas and doubled quotes); false if a quote is left open.</summary>
    private static bool Split(ReadOnlySpan<char> text, List<string> fields, Func<ReadOnlySpan<char>, string> intern)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            if (i < text.Length && text[i] == '"')
            {
                var start = ++i;
                var doubled = false;
                while (true)
                {
                    var close = text[i..].IndexOf('"');
                    if (close < 0) return false;
                    close += i;
                    if (close + 1 < text.Length && text[close + 1] == '"') { doubled = true; i = close + 2; continue; }
                    var value = text[start..close];
                    fields.Add(doubled ? intern(value.ToString().Replace("\"\"", "\"")) : intern(value));
                    i = close + 1;
                    break;
                }
            }
            else
            {
                var comma = text[i..].IndexOf(',');
                var end = comma < 0 ? text.Length : i + comma;
                fields.Add(intern(text[i..end]));
                i = end;
            }
            if (i >= text.Length) return true;
            if (text[i] != ',') return false;
            i++;
        }
    }
}
