using Committee.Voting.Unvotes;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Committee.Voting;

/// <summary>
/// Every closed recorded vote as one row, for the questions asked across thousands of votes (a delegation's record, the
/// agreement of two delegations): the tally, and the four lists by seat (ISO3) as arrays. 6,203 roll calls of 870,109
/// ballots make 6,203 rows of about a kilobyte: a delegation's record or a pair's agreement is one scan of a few
/// megabytes, and an import writes its rows with a COPY instead of maintaining an index over a million ballot rows
/// (a GIN index on the lists was measured: it tripled the import's time and a query does not need it at this size). Live votes are written by the read-model feed; an import writes
/// its rows itself.
/// </summary>
public static class VotingRecords
{
    public const string Table = "voting_record";
    private const string Columns = "vote_id, source, reference, session, date, subject, issues, outcome, yes, no, abstain, in_favour, against, abstaining, not_voting";

    public static void Configure(StoreOptions opts)
    {
        var table = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, Table, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("vote_id").AsPrimaryKey();
        table.AddColumn<string>("source").NotNull();
        table.AddColumn<string>("reference");
        table.AddColumn<int>("session").NotNull();
        table.AddColumn("date", "date").NotNull();
        table.AddColumn<string>("subject").NotNull();
        table.AddColumn("issues", "text[]").NotNull();
        table.AddColumn<string>("outcome").NotNull();
        table.AddColumn<int>("yes").NotNull();
        table.AddColumn<int>("no").NotNull();
        table.AddColumn<int>("abstain").NotNull();
        foreach (var list in new[] { "in_favour", "against", "abstaining", "not_voting" }) table.AddColumn(list, "text[]").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>The row of a closed recorded vote, its lists by seat key.</summary>
    public sealed record Row(Vote Vote, Tally Tally, string[] InFavour, string[] Against, string[] Abstaining, string[] NotVoting);

    public static Row RowOf(Vote vote)
    {
        string[] Keys(BallotChoice choice) => vote.Ballots.Where(b => b.Vote == choice).Select(b => b.Iso3 ?? b.Delegation).ToArray();
        return vote.Dataset is { } lists
            ? new Row(vote, vote.Tally!, [.. lists.InFavour], [.. lists.Against], [.. lists.Abstaining], [.. lists.NotVoting])
            : new Row(vote, vote.Tally ?? Majorities.Count(vote.Ballots), Keys(BallotChoice.Yes), Keys(BallotChoice.No), Keys(BallotChoice.Abstain),
                vote.NonVoting.Select(n => n.Iso3 ?? n.Delegation).ToArray());
    }

    /// <summary>Replaces a live vote's row, in the read-model handler's transaction. A non-recorded vote has no lists and no row.</summary>
    public static void Replace(IDocumentSession session, Vote vote)
    {
        var schema = session.DocumentStore.Options.Schema.DatabaseSchemaName;
        session.QueueSqlCommand($"delete from {schema}.{Table} where vote_id = ?", vote.Id);
        if (vote.Kind != VoteKind.Recorded) return;
        var row = RowOf(vote);
        session.QueueSqlCommand($"insert into {schema}.{Table} ({Columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            vote.Id, vote.Source.Name, (object?)vote.Source.Reference ?? DBNull.Value, vote.Session, vote.Date, vote.Question.Subject,
            vote.Issues.ToArray(), vote.Outcome?.ToString().ToLowerInvariant() ?? "", row.Tally.Yes, row.Tally.No, row.Tally.Abstain,
            row.InFavour, row.Against, row.Abstaining, row.NotVoting);
    }

    /// <summary>Writes many votes' rows with one binary COPY.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string schema, IEnumerable<Row> rows, CancellationToken cancellation)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"copy {schema}.{Table} ({Columns}) from stdin (format binary)", cancellation);
        foreach (var row in rows)
        {
            var vote = row.Vote;
            await writer.StartRowAsync(cancellation);
            await writer.WriteAsync(vote.Id, NpgsqlDbType.Uuid, cancellation);
            await writer.WriteAsync(vote.Source.Name, NpgsqlDbType.Text, cancellation);
            if (vote.Source.Reference is { } reference) await writer.WriteAsync(reference, NpgsqlDbType.Text, cancellation);
            else await writer.WriteNullAsync(cancellation);
            await writer.WriteAsync(vote.Session, NpgsqlDbType.Integer, cancellation);
            await writer.WriteAsync(vote.Date, NpgsqlDbType.Date, cancellation);
            await writer.WriteAsync(vote.Question.Subject, NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync(vote.Issues.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync(vote.Outcome?.ToString().ToLowerInvariant() ?? "", NpgsqlDbType.Text, cancellation);
            await writer.WriteAsync(row.Tally.Yes, NpgsqlDbType.Integer, cancellation);
            await writer.WriteAsync(row.Tally.No, NpgsqlDbType.Integer, cancellation);
            await writer.WriteAsync(row.Tally.Abstain, NpgsqlDbType.Integer, cancellation);
            foreach (var list in new[] { row.InFavour, row.Against, row.Abstaining, row.NotVoting })
                await writer.WriteAsync(list, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellation);
        }
        await writer.CompleteAsync(cancellation);
    }
}

public static class VotingRecordHandler
{
    public static async Task Handle(Infrastructure.VoteChanged message, IDocumentSession session)
    {
        var vote = await session.LoadAsync<Vote>(message.VoteId);
        if (vote is null || vote.IsOpen) return;
        VotingRecords.Replace(session, vote);
    }
}
