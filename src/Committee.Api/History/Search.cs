using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Npgsql;
using Wolverine.Http;

namespace Committee.History;

/// <summary>One searchable part of a draft as it now stands: its title ("title") or a paragraph ("PP2", "OP4").</summary>
public sealed record SearchParagraph(string Id, Guid DraftId, int Session, string Symbol, string Title, string Paragraph, int Position, string Text);

public sealed record SearchHit(Guid DraftId, string Symbol, string Title, int Session, string Paragraph, string Text, string Snippet, double Rank);

/// <summary>Keeps the search index of every draft's current title and paragraphs, rewritten only when the text
/// changes (not when a sponsor joins or a vote is taken).</summary>
public sealed class SearchProjection() : StateProjection<Draft, IDraftEvent>(typeof(SearchParagraph))
{
    /// <summary>PostgreSQL's text search vector holds at most 1 MB: a longer part cannot be indexed, and the draft is
    /// reported as this read model's failure (a dead letter) rather than stopping the index for every other draft.</summary>
    public const int MaxIndexedCharacters = 500_000;

    protected override bool Changes(object @event) =>
        @event is DraftSubmitted or DraftRevised or DraftCorrected or DraftOrallyRevised or AmendmentAdopted or QuestionDecided;

    protected override void Project(Draft draft, IReadOnlyList<object> events, IDocumentOperations operations)
    {
        var parts = new[] { ("title", draft.Title) }
            .Concat(draft.Preamble.Select((text, i) => ($"PP{i + 1}", text)))
            .Concat(draft.Operative.Select((text, i) => ($"OP{i + 1}", text)))
            .ToList();
        if (parts.FirstOrDefault(p => p.Item2.Length > MaxIndexedCharacters) is ({ } name, { } tooLong))
            throw new InvalidOperationException(
                $"{draft.Symbol} {name} has {tooLong.Length:N0} characters: more than the search index takes ({MaxIndexedCharacters:N0})");
        operations.DeleteWhere<SearchParagraph>(p => p.DraftId == draft.Id);
        var position = 0;
        foreach (var (paragraph, text) in parts)
            operations.Store(new SearchParagraph($"{draft.Id}/{paragraph}", draft.Id, draft.Session, draft.Symbol, draft.Title, paragraph, position++, text));
    }
}

public static class SearchEndpoint
{
    public const string Language = "english";

    /// <summary>Full-text search over drafts' titles and paragraphs, across sessions or in one, best match first.
    /// Words may be quoted as a phrase, or excluded with a minus; the snippet marks matches with « and ».</summary>
    [WolverineGet("/api/search", OperationId = "Search"), Tags("History")]
    [ProducesResponseType<IReadOnlyList<SearchHit>>(200)]
    public static async Task<IResult> Get(string? q, int? session, int? limit, long? atLeast, IDocumentStore store, Freshness freshness,
        CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(q)) return Problems.For(Refusal.Invalid("q", "give the words to search for, e.g. q=trafficking coordination"));
        if (limit is < 1 or > 200) return Problems.For(Refusal.Invalid("limit", "limit is between 1 and 200"));
        if (await freshness.AtLeastAsync(atLeast, nameof(SearchProjection), cancellation) is { } behind) return behind;
        var table = store.Options.Schema.For<SearchParagraph>();
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        // The expression to_tsvector('english', data ->> 'text') is the one the full-text index is built on.
        await using var command = new NpgsqlCommand($"""
            select data, ts_rank(to_tsvector('{Language}', data ->> 'text'), query) as rank,
                   ts_headline('{Language}', data ->> 'text', query, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2')
            from {table}, websearch_to_tsquery('{Language}', @q) query
            where to_tsvector('{Language}', data ->> 'text') @@ query and (@session::int is null or (data ->> 'session')::int = @session)
            order by rank desc, data ->> 'symbol', (data ->> 'position')::int
            limit @limit
            """, connection);
        command.Parameters.AddWithValue("q", q);
        command.Parameters.Add(new NpgsqlParameter<int?>("session", session));
        command.Parameters.AddWithValue("limit", limit ?? 50);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var p = System.Text.Json.JsonSerializer.Deserialize<SearchParagraph>(reader.GetString(0), Json.Options)!;
            hits.Add(new SearchHit(p.DraftId, p.Symbol, p.Title, p.Session, p.Paragraph, p.Text, reader.GetString(2), Math.Round(reader.GetFloat(1), 4)));
        }
        return Results.Json(hits, Json.Options);
    }
}
