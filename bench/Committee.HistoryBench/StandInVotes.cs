using Npgsql;

namespace Committee.HistoryBench;

/// <summary>
/// Stand-ins for the unvotes import (870,109 votes in 6,203 roll calls) until the voting module's import is merged:
/// one stream per roll call of 140 vote events, written by SQL in the event store's own tables. Their type is known
/// to no read model here, as the voting module's events are not: a rebuild must pass over them quickly.
/// </summary>
public static class StandInVotes
{
    public const int VotesPerRollCall = 140;

    /// <summary>Writes the votes rounded up to whole roll calls; returns how many were written.</summary>
    public static async Task<int> InsertAsync(string connectionString, string schema, int votes)
    {
        var rollCalls = (votes + VotesPerRollCall - 1) / VotesPerRollCall;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            insert into {schema}.mt_streams (id, type, version, timestamp, created)
            select md5('roll-call/' || r)::uuid, 'benchmark_roll_call', {VotesPerRollCall}, now(), now() from generate_series(1, @rollCalls) r;
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, is_archived)
            select nextval('{schema}.mt_events_sequence'), gen_random_uuid(), md5('roll-call/' || r)::uuid, v,
                   jsonb_build_object('rollCall', r, 'member', v, 'vote', (array['yes', 'no', 'abstain'])[1 + (r + v) % 3]),
                   'benchmark_vote_cast', now(), 'Committee.HistoryBench.BenchmarkVoteCast, Committee.HistoryBench', false
            from generate_series(1, @rollCalls) r, generate_series(1, {VotesPerRollCall}) v
            order by r, v;
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("rollCalls", rollCalls);
        await command.ExecuteNonQueryAsync();
        return rollCalls * VotesPerRollCall;
    }
}
