using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
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
/// Streams are written with Marten's bulk event import (COPY), the votes' documents with Marten's bulk insert, and their
/// voting-record rows (the read model) with a COPY of the rows the daemon's projection would write, so that the import
/// ends with its read model in place (<see cref="Writes"/>). Ids derive from the rcid, and each part is written only
/// where it is missing, so a rerun (or a run after an interruption) writes nothing that is already there.
/// </summary>
public sealed class UnvotesImporter(IDocumentStore store, MemberStates states, TimeProvider clock)
{
    public const string DatasetName = "unvotes";
    public const int BatchSize = 2000;
    private const int ExampleCount = 10;

    public static Guid VoteIdFor(int rcid) => new(MD5.HashData(Encoding.UTF8.GetBytes($"committee/unvotes/rcid/{rcid}")));

    private sealed record RollCall(int Rcid, int Session, DateOnly Date, bool Important, string Resolution, bool Amendment, bool Paragraph, string Short, string Description)
    {
        public Guid Id { get; } = VoteIdFor(Rcid);
    }

    /// <summary>A row of votes.csv: its line, its country and code (an index into <see cref="VotesCsv.Countries"/>),
    /// its vote. It holds no reference, so that 870,109 of them cost the garbage collector nothing to trace.</summary>
    private readonly record struct Row(int Line, int Country, BallotChoice Vote);

    /// <summary>A country as votes.csv names it: its ISO2 code and name.</summary>
    private sealed record Country(string Code, string Name);

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
        var votes = ReadVotes(Path.Combine(folder, "votes.csv"), rollCalls, Reject);

        var wanted = rollCalls.Values.Where(r => include?.Invoke(r.Rcid, r.Session) ?? true).OrderBy(r => r.Rcid).ToList();
        var ids = wanted.Select(r => r.Id).ToArray();
        var inStore = await PresentAsync(ids, cancellation);
        // Who could vote on a day, in order: the same for every roll call of that day.
        var seatsOn = wanted.Select(r => r.Date).Distinct().ToDictionary(d => d, d => Seats.MembersOn(d, states).Order(StringComparer.Ordinal).ToArray());

        var at = clock.GetUtcNow();
        var beforeAdmission = 0;
        var beforeAdmissionExamples = new List<string>();
        var former = new Dictionary<string, int>();
        var imported = 0;
        var present = 0;
        long ballots = 0, nonVoting = 0;
        var done = 0;
        // Batches are built while earlier ones are written, and written on three lines side by side (documents, rows,
        // events): PostgreSQL's work and ours overlap. At most two batches wait for their events to be written.
        var writes = new Writes(store, cancellation);
        var inFlight = new Queue<Task>();
        foreach (var batch in wanted.Chunk(BatchSize))
        {
            while (inFlight.Count >= 2) await inFlight.Dequeue();
            var missing = batch.Where(call => !inStore.Whole(call.Id)).ToList();
            present += batch.Length - missing.Count;
            // Roll calls are independent: they are built side by side, then their notes gathered in rcid order.
            var built = missing.AsParallel().AsOrdered()
                .Select(call => Build(call, votes.ByRollCall.GetValueOrDefault(call.Rcid) ?? [], votes.Countries, seatsOn[call.Date],
                    issues.GetValueOrDefault(call.Rcid) ?? [], at)).ToList();
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
            var (written, total) = (done += batch.Length, ballots);
            inFlight.Enqueue(writes.Add(built, inStore)
                .ContinueWith(t => { t.GetAwaiter().GetResult(); progress?.Report(new ImportProgress(written, wanted.Count, total, clockStart.Elapsed)); },
                    cancellation, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
        }
        await Task.WhenAll(inFlight);
        await writes.Completion;
        return new ImportReport(rollCalls.Count, imported, present, ballots, nonVoting, malformedCount, malformed,
            beforeAdmission, beforeAdmissionExamples, former, clockStart.Elapsed);
    }

    /// <summary>A roll call made ready to write: its event, its vote document and voting-record row, and what was
    /// noticed on the way (rows refused, ballots dated before an admission, ballots of former Member States).</summary>
    private sealed record Built(
        RollCallImported Event, Vote Vote, List<(int Line, string Reason)> Rejected, List<string> BeforeAdmission, List<string> Former);

    private Built Build(RollCall call, IReadOnlyList<Row> rows, IReadOnlyList<Country> countries, string[] seatsOfTheDay,
        IReadOnlyList<string> issues, DateTimeOffset at)
    {
        var rejected = new List<(int, string)>();
        var beforeAdmission = new List<string>();
        var former = new List<string>();
        List<string> inFavour = new(rows.Count), against = new(rows.Count / 2), abstaining = new(rows.Count / 2);
        var seats = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var country = countries[row.Country];
            var (key, problem) = Seats.KeyOf(country.Code, country.Name, call.Date, states);
            if (key is null) { rejected.Add((row.Line, problem!)); continue; }
            if (!seats.Add(key))
            {
                rejected.Add((row.Line, $"a second vote for the seat of {Seats.Named(key, call.Date, states).Name} in rcid {call.Rcid}"));
                continue;
            }
            if (states.ByIso3(key) is not { } member) former.Add(Seats.Named(key, call.Date, states).Name);
            else if (!member.IsMemberOn(call.Date))
                beforeAdmission.Add($"rcid {call.Rcid} ({call.Date:yyyy-MM-dd}): {Seats.Named(key, call.Date, states).Name}, admitted {member.AdmissionDate:yyyy-MM-dd}");
            (row.Vote switch { BallotChoice.Yes => inFavour, BallotChoice.No => against, _ => abstaining }).Add(key);
        }
        var absent = seatsOfTheDay.Where(k => !seats.Contains(k)).ToList();
        var e = new RollCallImported(call.Id, new VoteSource(DatasetName, $"rcid {call.Rcid}"), call.Session, call.Date, Subject(call),
            call.Description.Length > 0 ? call.Description : null, call.Resolution.Length > 0 ? call.Resolution : null,
            issues, call.Important, call.Amendment, call.Paragraph, new SeatLists(inFavour, against, abstaining, absent), at);
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

    /// <summary>What of each roll call is already in the store: its stream, its vote document, its voting-record row.</summary>
    private sealed record Present(HashSet<Guid> Streams, HashSet<Guid> Documents, HashSet<Guid> Rows)
    {
        public bool Whole(Guid id) => Streams.Contains(id) && Documents.Contains(id);
    }

    /// <summary>The import's writes on three lines, each taking its batches one after the other in its own connection and
    /// transaction: the votes' documents (Marten's bulk insert), their voting-record rows (COPY) and their streams (Marten's
    /// bulk event import). A batch's events wait for its documents and rows: the daemon projects an event from its
    /// stream's snapshot, which must be there when the event becomes visible (a command writes both in one transaction),
    /// and replaces the row the import wrote. A row is written only with its stream, so that the daemon never projects
    /// it at the same time.</summary>
    private sealed class Writes(IDocumentStore store, CancellationToken cancellation)
    {
        private Task _documents = Task.CompletedTask, _rows = Task.CompletedTask, _events = Task.CompletedTask;

        public Task Completion => Task.WhenAll(_documents, _rows, _events);

        /// <summary>Queues a batch; the task ends when its events are written.</summary>
        public Task Add(List<Built> built, Present present)
        {
            var documents = built.Where(b => !present.Documents.Contains(b.Vote.Id)).Select(b => b.Vote).ToList();
            var streams = built.Where(b => !present.Streams.Contains(b.Vote.Id)).ToList();
            var rows = streams.Where(b => !present.Rows.Contains(b.Vote.Id)).Select(b => b.Vote).ToList();
            _documents = After(_documents, () => store.BulkInsertAsync(documents, BulkInsertMode.InsertsOnly, documents.Count, cancellation), documents.Count);
            _rows = After(_rows, () => VotingRecords.CopyAsync(store, rows, cancellation), rows.Count);
            return _events = After(Task.WhenAll(_documents, _rows, _events), () => store.BulkInsertEventStreamAsync(JasperFx.StorageConstants.DefaultTenantId,
                streams.Select(b => new BulkEventStreamHeader { Id = b.Vote.Id, Version = 1, AggregateType = typeof(Vote) }).ToList(),
                Events(streams.Select(b => b.Event)), streams.Count, cancellation), streams.Count);
        }

        private static async Task After(Task before, Func<Task> write, int count)
        {
            await before;
            if (count > 0) await write();
        }
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

    private async Task<Present> PresentAsync(Guid[] ids, CancellationToken cancellation)
    {
        var schema = store.Options.Schema.DatabaseSchemaName;
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"""
            select 0, id from {schema}.mt_streams where id = any(@ids)
            union all select 1, id from {store.Options.Schema.For<Vote>()} where id = any(@ids)
            union all select 2, vote_id from {schema}.{VotingRecords.Table} where vote_id = any(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", ids);
        var present = new Present([], [], []);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            (reader.GetInt32(0) switch { 0 => present.Streams, 1 => present.Documents, _ => present.Rows }).Add(reader.GetGuid(1));
        return present;
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
    /// The file is streamed through one buffer: on this machine first touching memory is dear (reading the whole file
    /// into a string cost more than parsing it), so nothing proportional to the file is allocated but the rows.</summary>
    private static VotesCsv ReadVotes(string path, Dictionary<int, RollCall> calls, Action<string, int, string> reject)
    {
        var reader = new VotesCsv(calls, reject);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var filled = 0;
        while (true)
        {
            var read = file.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var consumed = reader.Lines(buffer.AsSpan(0, filled));
            if (read == 0)
            {
                if (consumed < filled || reader.LineNumber == 0) reader.Line(buffer.AsSpan(consumed, filled - consumed));
                return reader;
            }
            // The unfinished line moves to the front; a line longer than the buffer doubles it.
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    /// <summary>The rows of votes.csv by roll call, line by line. Each line is decoded into one reused array of
    /// characters and cut into fields in place; a row keeps its country as an index into the few hundred distinct
    /// ones, found by the line's text of country and code, so that a row costs no allocation of its own.</summary>
    private sealed class VotesCsv(Dictionary<int, RollCall> calls, Action<string, int, string> reject)
    {
        private const string Header = "rcid,country,country_code,vote";
        private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
        private readonly List<(int Start, int End, bool Doubled)> _fields = new(4);
        private char[] _chars = new char[256];

        public Dictionary<int, List<Row>> ByRollCall { get; } = [];
        public List<Country> Countries { get; } = [];
        public int LineNumber { get; private set; }

        /// <summary>Takes every whole line of the bytes; returns how many bytes they held.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Lines(ReadOnlySpan<byte> bytes)
        {
            var consumed = 0;
            for (int newline; (newline = bytes[consumed..].IndexOf((byte)'\n')) >= 0; consumed += newline + 1)
                Line(bytes.Slice(consumed, newline));
            return consumed;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Line(ReadOnlySpan<byte> bytes)
        {
            var line = ++LineNumber;
            if (_chars.Length < bytes.Length) _chars = new char[bytes.Length];
            ReadOnlySpan<char> current = _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars)).TrimEnd('\r');
            if (line == 1)
            {
                if (current.ToString().TrimStart('\uFEFF').Replace("\"", "") != Header)
                    throw new InvalidDataException($"votes.csv does not start with the header {Header}: '{current[..Math.Min(current.Length, 80)]}'");
                return;
            }
            if (current.IsEmpty) return;
            if (!Split(current) || _fields.Count != 4) { reject("votes.csv", line, $"expected 4 fields: {current}"); return; }
            if (!int.TryParse(Field(current, 0), NumberStyles.None, CultureInfo.InvariantCulture, out var rcid)) { reject("votes.csv", line, $"rcid '{Field(current, 0)}' is not a number"); return; }
            if (!calls.ContainsKey(rcid)) { reject("votes.csv", line, $"rcid {rcid} is not in roll_calls.csv"); return; }
            var vote = Field(current, 3);
            BallotChoice? choice = vote is "yes" ? BallotChoice.Yes : vote is "no" ? BallotChoice.No : vote is "abstain" ? BallotChoice.Abstain : null;
            if (choice is null) { reject("votes.csv", line, $"vote '{vote}' is not yes, no or abstain"); return; }
            if (_fields[1].End == _fields[1].Start) { reject("votes.csv", line, "no country"); return; }
            var rows = ByRollCall.TryGetValue(rcid, out var known) ? known : ByRollCall[rcid] = new List<Row>(200);
            rows.Add(new Row(line, CountryOf(current), choice.Value));
        }

        /// <summary>The index of the line's country, by the text from its name to its code as written.</summary>
        private int CountryOf(ReadOnlySpan<char> line)
        {
            var text = line[_fields[1].Start.._fields[2].End];
            if (_countries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var index)) return index;
            Countries.Add(new Country(Field(line, 2).ToString(), Field(line, 1).ToString()));
            return _countries[text.ToString()] = Countries.Count - 1;
        }

        private ReadOnlySpan<char> Field(ReadOnlySpan<char> line, int index)
        {
            var (start, end, doubled) = _fields[index];
            return doubled ? line[start..end].ToString().Replace("\"\"", "\"") : line[start..end];
        }

        /// <summary>Cuts one CSV line into fields (quoted fields may hold commas and doubled quotes); false if a quote is
        /// left open.</summary>
        private bool Split(ReadOnlySpan<char> text)
        {
            _fields.Clear();
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
                        _fields.Add((start, close, doubled));
                        i = close + 1;
                        break;
                    }
                }
                else
                {
                    var comma = text[i..].IndexOf(',');
                    var end = comma < 0 ? text.Length : i + comma;
                    _fields.Add((i, end, false));
                    i = end;
                }
                if (i >= text.Length) return true;
                if (text[i] != ',') return false;
                i++;
            }
        }
    }
}
