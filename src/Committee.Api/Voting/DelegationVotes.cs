using Committee.Delegations;
using Committee.Infrastructure;
using Committee.Voting.Unvotes;
using Marten;
using Npgsql;
using Wolverine.Http;

namespace Committee.Voting;

public sealed record DelegationVote(Guid VoteId, DateOnly Date, int Session, string Subject, string Source, string? Reference, string Outcome, string Vote);

public sealed record VoteCounts(int Yes, int No, int Abstain, int NonVoting);

public sealed record DelegationVotingRecord(string Iso3, string Name, VoteCounts Counts, int Total, int Page, int PageSize, IReadOnlyList<DelegationVote> Votes);

/// <summary>Two delegations over the recorded votes in which both cast a vote (yes, no or abstain). Agreement scores
/// yes 1, abstain ½, no 0 and averages 1 − |a − b| (the index of Voeten's UN voting data): 1 when they always vote
/// alike, ½ when one abstains, 0 when one votes yes and the other no.</summary>
public sealed record Agreement(string A, string B, int Common, int Identical, int Opposed, int OneAbstained, double? Index);

public static class DelegationVotesEndpoints
{
    private static readonly string[] IssueCodes = ["me", "nu", "di", "hr", "co", "ec"];

    /// <summary>A delegation's voting record across recorded votes, newest first, by session, year range (from, to) or
    /// issue (unvotes' codes: me, nu, di, hr, co, ec). Former Member States are found by their ISO 3166-3 code (CSK, DDR, YMD, YUG).</summary>
    [WolverineGet("/api/delegations/{iso3}/votes", OperationId = "DelegationVotes"), Tags("Voting")]
    [ProducesResponseType<DelegationVotingRecord>(200)]
    public static async Task<IResult> Record(string iso3, int? session, int? from, int? to, string? issue, int? page, int? pageSize, long? atLeast,
        MemberStates states, IDocumentStore store, TimeProvider clock, Freshness freshness, CancellationToken cancellation)
    {
        if (Named(iso3, states, clock) is not { } name) return Problems.NotFound("iso3", $"'{iso3}' is not the ISO3 code of a Member State or of a former Member State");
        if (Filter(issue, from, to, page, pageSize) is { } problem) return problem;
        if (await freshness.AtLeastAsync(atLeast, nameof(VotingRecordsProjection), cancellation) is { } behind) return behind;
        var (size, number) = (pageSize ?? 100, page ?? 1);
        var code = iso3.Trim().ToUpperInvariant();
        await using var connection = await OpenAsync(store, cancellation);
        var table = $"{store.Options.Schema.DatabaseSchemaName}.{VotingRecords.Table}";
        const string Where = "(@s = any(in_favour) or @s = any(against) or @s = any(abstaining) or @s = any(not_voting))";
        await using var counts = Command(connection, $"""
            select count(*) filter (where @s = any(in_favour)), count(*) filter (where @s = any(against)),
                   count(*) filter (where @s = any(abstaining)), count(*) filter (where @s = any(not_voting))
            from {table} where {Where} and {Filters}
            """, code, null, session, from, to, issue);
        VoteCounts totals;
        await using (var reader = await counts.ExecuteReaderAsync(cancellation))
        {
            await reader.ReadAsync(cancellation);
            totals = new VoteCounts((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
        }
        await using var list = Command(connection, $"""
            select vote_id, date, session, subject, source, reference, outcome,
                   case when @s = any(in_favour) then 'yes' when @s = any(against) then 'no' when @s = any(abstaining) then 'abstain' else 'non-voting' end
            from {table} where {Where} and {Filters}
            order by date desc, vote_id desc limit @limit offset @offset
            """, code, null, session, from, to, issue);
        list.Parameters.AddWithValue("limit", size);
        list.Parameters.AddWithValue("offset", (number - 1L) * size);
        var votes = new List<DelegationVote>();
        await using (var reader = await list.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation))
                votes.Add(new DelegationVote(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        return Results.Json(new DelegationVotingRecord(code, name, totals, totals.Yes + totals.No + totals.Abstain + totals.NonVoting, number, size, votes), Json.Options);
    }

    /// <summary>How often two delegations voted alike, over the recorded votes in which both voted, optionally by
    /// session, year range (from, to) or issue.</summary>
    [WolverineGet("/api/delegations/{a}/agreement/{b}", OperationId = "DelegationAgreement"), Tags("Voting")]
    [ProducesResponseType<Agreement>(200)]
    public static async Task<IResult> AgreementOf(string a, string b, int? session, int? from, int? to, string? issue, long? atLeast,
        MemberStates states, IDocumentStore store, TimeProvider clock, Freshness freshness, CancellationToken cancellation)
    {
        if (Named(a, states, clock) is null) return Problems.NotFound("a", $"'{a}' is not the ISO3 code of a Member State or of a former Member State");
        if (Named(b, states, clock) is null) return Problems.NotFound("b", $"'{b}' is not the ISO3 code of a Member State or of a former Member State");
        if (Filter(issue, from, to, null, null) is { } problem) return problem;
        if (await freshness.AtLeastAsync(atLeast, nameof(VotingRecordsProjection), cancellation) is { } behind) return behind;
        var (first, second) = (a.Trim().ToUpperInvariant(), b.Trim().ToUpperInvariant());
        await using var connection = await OpenAsync(store, cancellation);
        var table = $"{store.Options.Schema.DatabaseSchemaName}.{VotingRecords.Table}";
        await using var command = Command(connection, $"""
            with positions as (
              select case when @s = any(in_favour) then 1.0 when @s = any(abstaining) then 0.5 when @s = any(against) then 0.0 end as pa,
                     case when @t = any(in_favour) then 1.0 when @t = any(abstaining) then 0.5 when @t = any(against) then 0.0 end as pb
              from {table} where {Filters})
            select count(*), count(*) filter (where pa = pb), count(*) filter (where abs(pa - pb) = 1),
                   count(*) filter (where abs(pa - pb) = 0.5), avg(1 - abs(pa - pb))
            from positions where pa is not null and pb is not null
            """, first, second, session, from, to, issue);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return Results.Json(new Agreement(first, second, (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3),
            reader.IsDBNull(4) ? null : Math.Round((double)reader.GetDecimal(4), 4)), Json.Options);
    }

    private const string Filters = """
        (@session::int is null or session = @session)
        and (@from::int is null or date >= make_date(@from::int, 1, 1))
        and (@to::int is null or date <= make_date(@to::int, 12, 31))
        and (@issue::text is null or @issue::text = any(issues))
        """;

    private static string? Named(string iso3, MemberStates states, TimeProvider clock)
    {
        var code = iso3.Trim().ToUpperInvariant();
        if (states.ByIso3(code) is { } state) return state.NameOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Seats.FormerMembers.FirstOrDefault(f => f.Iso3 == code)?.Name;
    }

    /// <summary>The years a voting record can cover: the General Assembly first met in 1946; PostgreSQL's dates end in
    /// 5874897, long before an int does.</summary>
    private const int FirstYear = 1946, LastYear = 9999;

    private static IResult? Filter(string? issue, int? from, int? to, int? page, int? pageSize)
    {
        if (from is < FirstYear or > LastYear) return Problems.For(Refusal.Invalid("from", $"from is a year from {FirstYear} to {LastYear}"));
        if (to is < FirstYear or > LastYear) return Problems.For(Refusal.Invalid("to", $"to is a year from {FirstYear} to {LastYear}"));
        if (issue is not null && !IssueCodes.Contains(issue))
            return Problems.For(Refusal.Invalid("issue", $"'{issue}' is not an issue code: use one of {string.Join(", ", IssueCodes)}"));
        if (page is < 1) return Problems.For(Refusal.Invalid("page", "pages are numbered from 1"));
        if (pageSize is < 1 or > 1000) return Problems.For(Refusal.Invalid("pageSize", "a page holds 1 to 1,000 votes"));
        return null;
    }

    private static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string s, string? t, int? session, int? from, int? to, string? issue)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("s", s);
        if (t is not null) command.Parameters.AddWithValue("t", t);
        command.Parameters.AddWithValue("session", NpgsqlTypes.NpgsqlDbType.Integer, (object?)session ?? DBNull.Value);
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.Integer, (object?)from ?? DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.Integer, (object?)to ?? DBNull.Value);
        command.Parameters.AddWithValue("issue", NpgsqlTypes.NpgsqlDbType.Text, (object?)issue ?? DBNull.Value);
        return command;
    }
}
