using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using Npgsql;

namespace Committee.Api.Tests;

// Alone: a second host in the process disturbs the process-wide metrics that TelemetryTests read (seen on a clean clone).
[CollectionDefinition(nameof(GeneratedInputCollection), DisableParallelization = true)]
public sealed class GeneratedInputCollection : ICollectionFixture<CommitteeApp>;

/// <summary>Generated requests over every operation of the OpenAPI document, as the secretariat (so that they reach
/// the decisions): bodies built from each operation's schema, then spoiled (a value replaced by something hostile, a
/// field dropped or added, a null in a list, a body that is not the object asked for, another content type), and
/// hostile query and path values. Every answer is below 500; every 4xx is the app's problem details, naming a field
/// and a reason and no .NET type; and a refused request stores nothing (the event count is unchanged).
/// Each seed gives the same cases in the same order: a failure names its seed and case, to be replayed with
/// COMMITTEE_INPUT_SEED.</summary>
[Collection(nameof(GeneratedInputCollection))]
public sealed partial class GeneratedInputTests(CommitteeApp app)
{
    private const int CasesPerSeed = 1_000;
    private static readonly string FixedSeed = new PCG(1, 20_261_130).ToString();

    [Fact]
    public Task Requests_from_the_fixed_seed() => Run(FixedSeed);

    /// <summary>A new seed at each run (or the one COMMITTEE_INPUT_SEED gives, to replay a failure), logged first.</summary>
    [Fact]
    public Task Requests_from_a_rotating_seed() =>
        Run(Environment.GetEnvironmentVariable("COMMITTEE_INPUT_SEED") ?? new PCG((uint)Environment.ProcessId, (ulong)DateTime.UtcNow.Ticks).ToString());

    private async Task Run(string seed)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed} (replay: COMMITTEE_INPUT_SEED={seed})");
        var document = await OpenApiDocument.Load(app);
        var world = await World.Create(app);
        var requests = AnyOf(document.Operations.Select(o => Request(o, document, world)));
        var pcg = PCG.Parse(seed);
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        var events = await EventCount();
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var request = requests.Generate(pcg, null, out _);
            var reply = await app.Send(new HttpMethod(request.Operation.Method), request.Url, request.Body, app.Secretariat, Guid.NewGuid().ToString(),
                request.ContentType);
            var status = (int)reply.Status;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var (before, after) = (events, events = await EventCount());
            var problem = Problem(reply, status, request.Operation.Path.StartsWith("/api/"))
                ?? (status >= 400 && after != before ? $"a refused request stored {after - before} events" : null);
            if (problem is not null) failures.Add($"case {i}: {request}\n  → {status}: {problem}: {reply.Body?.ToJsonString()}");
        }
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} of {CasesPerSeed} cases failed, the first:\n{string.Join("\n", failures.Take(15))}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{CasesPerSeed} cases: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
    }

    /// <summary>What is wrong with the answer, or null.</summary>
    private static string? Problem(Reply reply, int status, bool api)
    {
        if (status >= 500 && !(status == 503 && reply.Headers.RetryAfter.Count > 0)) return "a server error";
        if (status < 400) return null;
        // A page for people (/drafts/…) answers its refusals as a page.
        if (!api && reply.Headers.ContentType.ToString().StartsWith("text/html")) return null;
        if (reply.Body is not JsonObject body) return "no problem details";
        if ((int?)body["status"] != status || body["field"] is not JsonValue || body["reason"] is not JsonValue) return "not the app's problem details";
        return DotNetName().IsMatch(body.ToJsonString()) ? "names a .NET type" : null;
    }

    private static Gen<T> OneOfConst<T>(params T[] values) => Gen.OneOf(values);

    private static Gen<T> Weighted<T>(params (int Weight, Gen<T> Gen)[] choices) =>
        Gen.Frequency(choices.Select(c => (c.Weight, (IGen<T>)c.Gen)).ToArray());

    private static Gen<T> AnyOf<T>(IEnumerable<Gen<T>> choices) => Gen.OneOf(choices.Cast<IGen<T>>().ToArray());

    [GeneratedRegex(@"\b(System|Committee|Microsoft|Wolverine|Marten|JasperFx|Npgsql)\.[A-Z]|`1")]
    private static partial Regex DotNetName();

    private async Task<long> EventCount()
    {
        await using var connection = new NpgsqlConnection(CommitteeApp.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {app.Store.Options.Events.DatabaseSchemaName}.mt_events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private sealed record GeneratedRequest(ApiOperation Operation, string Url, string? Body, string ContentType)
    {
        public override string ToString() => $"{Operation.Method} {Url} [{ContentType}] {Body?[..Math.Min(Body.Length, 2_000)]}";
    }

    private static Gen<GeneratedRequest> Request(ApiOperation operation, OpenApiDocument document, World world)
    {
        var path = operation.Parameters.Where(p => p.In == "path")
            .Aggregate(Gen.Const(operation.Path), (url, p) => url.Select(PathValue(p.Name, world), (u, v) => u.Replace($"{{{p.Name}}}", v)));
        var query = operation.Parameters.Where(p => p.In == "query")
            .Aggregate(Gen.Const(ImmutableList<string>.Empty), (list, p) => list.Select(QueryValue(p, document, world),
                (l, v) => v is null ? l : l.Add($"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(v)}")));
        var url = path.Select(query, (p, q) => q.IsEmpty ? p : $"{p}?{string.Join('&', q)}");
        if (operation.Body is null) return url.Select(u => new GeneratedRequest(operation, u, null, "application/json"));
        return url.Select(Body(operation.Body, document, world), ContentType, (u, b, c) => new GeneratedRequest(operation, u, b, c));
    }

    private static readonly Gen<string> ContentType = Weighted(
        (12, Gen.Const("application/json")),
        (1, OneOfConst("text/plain", "application/merge-patch+json", "", "application/json; charset=latin1", "application/x-www-form-urlencoded")));

    private static Gen<string> PathValue(string name, World world) => name switch
    {
        "id" => Weighted((8, OneOfConst(world.Draft, world.OtherDraft, world.VotedDraft)), (1, OneOfConst(Guid.NewGuid().ToString(), "not-an-id", "٣"))),
        "voteId" => Weighted((8, Gen.Const(world.Vote)), (1, OneOfConst(Guid.NewGuid().ToString(), world.Draft, "x"))),
        "session" => Weighted((8, Gen.Const(world.Session.ToString())), (1, OneOfConst("0", "-1", "2147483648", "٦٤", "64"))),
        "meeting" => Weighted((4, Gen.Const(world.Meeting.ToString())), (1, OneOfConst("0", "99999999999", "١"))),
        _ => Weighted((8, OneOfConst("FRA", "DEU", "Belarus", "France", "YUG")), (1, OneOfConst("xx", "٣", "\u202Efra", new string('A', 300)))),
    };

    private static readonly Gen<string> HostileQuery = OneOfConst(
        "\u0000", "a\u0000b", "\u202E", "\uFFFF", "%", "-1", "0", "99999999999", "2147483647", "-2147483648", "9223372036854775807", "abc",
        "٣", "١٩٩٠", "1e3", new string('9', 400), "9999-12-31T00:00:00Z", "0001-01-01", "2009-11-10", "2009-02-31", "", " ");

    private static Gen<string?> QueryValue(ApiParameter parameter, OpenApiDocument document, World world) => parameter.Name == "atLeast"
        // A sequence not reached yet is waited for (2 s, then 503): a few values keep the run short.
        ? OneOfConst<string?>(null, null, "0", "-1", "abc", "٣", "1e3")
        : Weighted(
        (3, Gen.Const((string?)null)),
        (2, Value(parameter.Name, parameter.Schema, document, world, 0).Select(v => v is JsonValue value ? value.ToString() : (string?)null)),
        (2, HostileQuery.Select(v => (string?)v)));

    /// <summary>A body after the operation's schema, then maybe spoiled.</summary>
    private static Gen<string?> Body(JsonNode schema, OpenApiDocument document, World world)
    {
        var valid = Value("body", schema, document, world, 0);
        return Weighted(
            (4, valid.Select(v => v?.ToJsonString())),
            (6, valid.Select(Gen.Int[0, 10_000], HostileValue, (v, at, hostile) => Replace(v, at, hostile)?.ToJsonString())),
            (2, valid.Select(Gen.Int[0, 10_000], (v, at) => Drop(v, at)?.ToJsonString())),
            (1, valid.Select(v => Add(v, "unexpected", JsonValue.Create("field"))?.ToJsonString())),
            (1, valid.Select(v => DuplicateFirstKey(v?.ToJsonString()))),
            (1, OneOfConst<string?>("null", "[]", "\"a\"", "42", "", "{", "{\"expectedVersion\":", "{}", "[null]", "{\"a\":1}", "\u0000", "{\"x\":\"\\ud800\"}")));
    }

    private static readonly Gen<JsonNode?> HostileValue = OneOfConst<Func<JsonNode?>>(
        () => null, () => "", () => " ", () => "\u0000", () => "a\u0000b", () => "\u202Eabc", () => "\uFFFE", () => "\u0007", () => "line\nbreak",
        () => "٤٢", () => "OP١", () => "A/C.3/6٤/L.5", () => new string('x', 25_000), () => 2147483648L, () => -2147483649L, () => JsonNode.Parse("9223372036854775808"),
        () => 1.5, () => -1, () => 0, () => int.MaxValue, () => true, () => new JsonArray(), () => new JsonObject(), () => new JsonArray((JsonNode?)null),
        () => "9999-12-31", () => "0001-01-01", () => "2009-02-31", () => "not a date", () => "9999-12-31T23:59:59Z")
        .Select(make => make());

    /// <summary>A value after a schema: plausible enough (real ids, names, symbols) that many requests reach the decision.</summary>
    private static Gen<JsonNode?> Value(string name, JsonNode schema, OpenApiDocument document, World world, int depth)
    {
        schema = document.Resolve(schema);
        if (schema["enum"] is JsonArray values)
            return OneOfConst(values.Where(v => v is not null).Select(v => (string)v!).ToArray()).Select(v => (JsonNode?)JsonValue.Create(v));
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => (string)t!).Where(t => t != "null").ToArray(),
            JsonValue one => [(string)one!],
            _ => [],
        };
        var format = (string?)schema["format"];
        return types.FirstOrDefault() switch
        {
            "object" when depth < 4 => Object(schema, document, world, depth),
            "array" when depth < 4 => (schema["items"] is { } items ? Value(name, items, document, world, depth + 1) : Text(name, world))
                .Array[0, 3].Select(a => (JsonNode?)new JsonArray(a)),
            "integer" => Weighted((4, Gen.Int[0, 5]), (1, Gen.Int[world.Session, world.Session]), (1, Gen.Int)).Select(i => (JsonNode?)JsonValue.Create(i)),
            "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            "string" when format == "date" => OneOfConst("2009-11-10", "2009-11-12", "2009-12-01", "2010-06-30").Select(d => (JsonNode?)JsonValue.Create(d)),
            "string" when format == "uuid" => OneOfConst(world.Draft, world.OtherDraft, world.VotedDraft, Guid.Empty.ToString()).Select(d => (JsonNode?)JsonValue.Create(d)),
            _ => Text(name, world),
        };
    }

    private static Gen<JsonNode?> Text(string name, World world) => (name.ToLowerInvariant() switch
    {
        "delegation" or "delegations" or "sponsors" or "objectedby" or "article19" or "sponsor" or "iso3" or "a" or "b" =>
            OneOfConst("France", "FRA", "Belarus", "Chile", "DEU", "Holy See", "European Union", "Comoros"),
        "paragraph" => OneOfConst("OP1", "PP2", "op 3", "OP9"),
        "symbol" or "concerns" or "furthestfirst" or "documentsymbol" or "from" or "to" or "version" =>
            OneOfConst($"A/C.3/{world.Session}/L.1", $"A/C.3/{world.Session}/L.7", $"A/C.3/{world.Session}/L.1/Rev.1", "A/C.3/64/L.70", "1", "2"),
        "question" => OneOfConst("proposal", "part:OP1", "division:OP1", "motion:adjournDebate", $"amendment:A/C.3/{world.Session}/L.2"),
        "onbehalfof" => OneOfConst("African Group", "Group of 77", "European Union"),
        "asof" => OneOfConst("2009-11-19T15:00:00Z", "2030-01-01T00:00:00Z"),
        "q" => OneOfConst("trafficking", "coordination & efforts", "\"quoted\" -not"),
        _ => OneOfConst("Decides to remain seized of the matter.", "104", "Crime prevention and criminal justice", "A/64/PV.29", "x"),
    }).Select(v => (JsonNode?)JsonValue.Create(v));

    private static Gen<JsonNode?> Object(JsonNode schema, OpenApiDocument document, World world, int depth)
    {
        var required = (schema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToHashSet();
        return (schema["properties"]?.AsObject() ?? []).Aggregate(Gen.Const(ImmutableList<(string, JsonNode?)>.Empty), (members, property) =>
        {
            var value = Value(property.Key, property.Value!, document, world, depth + 1);
            return required.Contains(property.Key)
                ? members.Select(value, (m, v) => m.Add((property.Key, v)))
                : members.Select(Gen.Int[0, 2], value, (m, include, v) => include == 0 ? m : m.Add((property.Key, v)));
        }).Select(members => (JsonNode?)new JsonObject(members.Select(m => KeyValuePair.Create(m.Item1, m.Item2))));
    }

    /// <summary>Every node of the tree, the root first, with a way to replace or remove each.</summary>
    private static List<(JsonNode? Parent, string? Key, int Index)> Places(JsonNode? root)
    {
        var places = new List<(JsonNode?, string?, int)> { (null, null, -1) };
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o.ToList()) { places.Add((o, key, -1)); Walk(value); }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++) { places.Add((a, null, i)); Walk(a[i]); }
                    break;
            }
        }
        Walk(root);
        return places;
    }

    private static JsonNode? Replace(JsonNode? root, int at, JsonNode? hostile)
    {
        var (parent, key, index) = Places(root)[at % Places(root).Count];
        switch (parent)
        {
            case null: return hostile;
            case JsonObject o: o[key!] = hostile; break;
            case JsonArray a: a[index] = hostile; break;
        }
        return root;
    }

    private static JsonNode? Drop(JsonNode? root, int at)
    {
        var places = Places(root).Where(p => p.Parent is not null).ToList();
        if (places.Count == 0) return root;
        var (parent, key, index) = places[at % places.Count];
        if (parent is JsonObject o) o.Remove(key!);
        else ((JsonArray)parent!).RemoveAt(index);
        return root;
    }

    private static JsonNode? Add(JsonNode? root, string key, JsonNode value)
    {
        if (root is JsonObject o) o[key] = value;
        return root;
    }

    /// <summary>The first key given twice: a duplicate is ambiguous (which one wins?) and is refused.</summary>
    private static string? DuplicateFirstKey(string? json)
    {
        var match = json is null ? null : Regex.Match(json, "^\\{(\"[^\"]+\":(\"[^\"]*\"|[0-9a-z]+)),");
        return match is { Success: true } ? json!.Insert(1, match.Groups[1].Value + ",") : json;
    }
}
