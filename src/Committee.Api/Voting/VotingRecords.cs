using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Committee.Voting;

/// <summary>
/// Every closed recorded vote as one row, for the questions asked across thousands of votes (a delegation's record, the
/// agreement of two delegations): the tally, and the four lists by seat (ISO3) as arrays. 6,203 roll calls of 870,109
/// ballots make 6,203 rows of about a kilobyte: a delegation's record or a pair's agreement is one scan of a few
/// megabytes, with no index over a million ballot rows (a GIN index on the lists was measured: it tripled the import's
/// time and a query does not need it at this size). Rows are kept by Marten's async daemon for live and imported votes alike.
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

    /// <summary>The tally and lists by seat key of a closed recorded vote.</summary>
    private sealed record Row(Tally Tally, string[] InFavour, string[] Against, string[] Abstaining, string[] NotVoting);

    private static Row RowOf(Vote vote)
    {
        string[] Keys(BallotChoice choice) => vote.Ballots.Where(b => b.Vote == choice).Select(b => b.Iso3 ?? b.Delegation).ToArray();
        return vote.Dataset is { } lists
            ? new Row(vote.Tally!, [.. lists.InFavour], [.. lists.Against], [.. lists.Abstaining], [.. lists.NotVoting])
            : new Row(vote.Tally ?? Majorities.Count(vote.Ballots), Keys(BallotChoice.Yes), Keys(BallotChoice.No), Keys(BallotChoice.Abstain),
                vote.NonVoting.Select(n => n.Iso3 ?? n.Delegation).ToArray());
    }

    /// <summary>The row of a closed recorded vote, in the order of <see cref="Columns"/>: one definition for the daemon's
    /// insert and the import's COPY.</summary>
    private static object[] Values(Vote vote)
    {
        var row = RowOf(vote);
        return [vote.Id, vote.Source.Name, (object?)vote.Source.Reference ?? DBNull.Value, vote.Session, vote.Date, vote.Question.Subject,
            vote.Issues.ToArray(), vote.Outcome?.ToString().ToLowerInvariant() ?? "", row.Tally.Yes, row.Tally.No, row.Tally.Abstain,
            row.InFavour, row.Against, row.Abstaining, row.NotVoting];
    }

    /// <summary>Only a closed recorded vote has a row: a vote taken otherwise has no lists.</summary>
    private static bool HasRow(Vote vote) => vote.Kind == VoteKind.Recorded && !vote.IsOpen;

    /// <summary>Replaces a closed vote's row in the daemon's transaction.</summary>
    public static void Replace(IDocumentOperations operations, Vote vote)
    {
        var schema = operations.DocumentStore.Options.Schema.DatabaseSchemaName;
        operations.QueueSqlCommand($"delete from {schema}.{Table} where vote_id = ?", vote.Id);
        if (!HasRow(vote)) return;
        operations.QueueSqlCommand($"insert into {schema}.{Table} ({Columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Values(vote));
    }

    /// <summary>Writes the rows of closed recorded votes not yet projected, with one binary COPY: the bulk import's
    /// way to have them with its events. The daemon, projecting those events later, replaces each with the same row.</summary>
    public static async Task CopyAsync(IDocumentStore store, IReadOnlyCollection<Vote> votes, CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {store.Options.Schema.DatabaseSchemaName}.{Table} ({Columns}) from stdin (format binary)", cancellation);
        foreach (var vote in votes.Where(HasRow))
            await writer.WriteRowAsync(cancellation, Values(vote));
        await writer.CompleteAsync(cancellation);
    }
}

/// <summary>The voting records follow closed votes only: ballots and statements on an open vote change no row.</summary>
public sealed class VotingRecordsProjection : StateProjection<Vote, IVoteEvent>
{
    public VotingRecordsProjection(IConfiguration configuration) =>
        Options.DeleteDataInTableOnTeardown($"{Storage.SchemaOf(configuration)}.{VotingRecords.Table}");

    protected override bool Changes(object @event) => @event is VoteClosed or RecordedVoteCorrected or RollCallImported;

    protected override void Project(Vote vote, IReadOnlyList<object> events, IDocumentOperations operations)
    {
        // An imported roll call's row changes only with its event, which carries the lists its document leaves out.
        vote.RestoreDataset(events);
        if (!vote.IsOpen) VotingRecords.Replace(operations, vote);
    }
}
