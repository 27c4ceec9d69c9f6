using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Committee.Bench;

/// <summary>What PostgreSQL does without us: each client on its own connection inserts the body of the HTTP
/// command as one jsonb row, one transaction per row (autocommit), in a plain table of its own schema.</summary>
public sealed class BaselineLoad(string connectionString)
{
    public const string Schema = "bench";

    /// <summary>The body of a join or withdraw command, as the HTTP clients send it.</summary>
    public static byte[] CommandBody(long expectedVersion, string delegation) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"expectedVersion":{{expectedVersion}},"delegations":["{{delegation}}"]}"""));

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            drop schema if exists {Schema} cascade;
            create schema {Schema};
            create table {Schema}.bench_baseline(id bigserial primary key, body jsonb not null);
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<ClientTally> RunClientAsync(Window window)
    {
        var tally = new ClientTally(window);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand($"insert into {Schema}.bench_baseline(body) values ($1)", connection);
        var body = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb };
        insert.Parameters.Add(body);
        await insert.PrepareAsync();
        long version = 0;
        while (window.Running)
        {
            body.TypedValue = Encoding.UTF8.GetString(CommandBody(++version, "Chile"));
            var started = Stopwatch.GetTimestamp();
            try
            {
                await insert.ExecuteNonQueryAsync();
                tally.Success(started, Stopwatch.GetTimestamp(), 0);
            }
            catch (NpgsqlException e)
            {
                tally.Failure(started, Stopwatch.GetTimestamp(), e.GetType().Name, e.Message);
                if (connection.State != System.Data.ConnectionState.Open) throw;
            }
        }
        return tally;
    }
}
