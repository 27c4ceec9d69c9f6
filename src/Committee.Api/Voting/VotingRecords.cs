using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Committee.Voting;

/// <summary>
/// Every closed recorded vote as rows, for the questions asked across many votes (a delegation's record, the agreement
/// of two delegations): one row per vote, and one per State per vote (yes, no, abstain or non-voting), keyed by State
/// first so that a delegation's 6,000 rows are read together. Live votes are written by the read-model feed; an
/// import writes its rows itself, in bulk, in the transaction that appends its events.
/// </summary>
public static class VotingRecords
{
    public const string VotesTable = "voting_record_votes";
    public const string BallotsTable = "voting_record_ballots";
    public const string NonVoting = "non-voting";

    public static void Configure(StoreOptions opts)
    {
        var schema = opts.DatabaseSchemaName;
        var votes = new Table(new PostgresqlObjectName(schema, VotesTable, SchemaUtils.IdentifierUsage.General));
        votes.AddColumn<Guid>("vote_id").AsPrimaryKey();
        votes.AddColumn<string>("source").NotNull();
        votes.AddColumn<string>("reference");
        votes.AddColumn<int>("session").NotNull();
        votes.AddColumn("date", "date").NotNull();
        votes.AddColumn<string>("subject").NotNull();
        votes.AddColumn("issues", "text[]").NotNull();
        votes.AddColumn<string>("outcome").NotNull();
        votes.AddColumn<int>("yes").NotNull();
        votes.AddColumn<int>("no").NotNull();
        votes.AddColumn<int>("abstain").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(votes);

        var ballots = new Table(new PostgresqlObjectName(schema, BallotsTable, SchemaUtils.IdentifierUsage.General));
        ballots.AddColumn<string>("iso3").AsPrimaryKey();
        ballots.AddColumn<Guid>("vote_id").AsPrimaryKey();
        ballots.AddColumn<string>("vote").NotNull();
        opts.Storage.ExtendedSchemaObjects.Add(ballots);
    }

    public static string Choice(BallotChoice vote) => vote switch
    {
        BallotChoice.Yes => "yes",
        BallotChoice.No => "no",
        _ => "abstain",
    };

    /// <summary>The rows of a closed vote: States without a code (Zanzibar, 1963–1964) have none.</summary>
    public static IEnumerable<(string Iso3, string Vote)> Rows(Vote vote) =>
        vote.Ballots.Where(b => b.Iso3 is not null).Select(b => (b.Iso3!, Choice(b.Vote)))
            .Concat(vote.NonVoting.Where(n => n.Iso3 is not null).Select(n => (n.Iso3!, NonVoting)));

    /// <summary>Replaces a live vote's rows, in the handler's own transaction.</summary>
    public static void Replace(IDocumentSession session, Vote vote)
    {
        var schema = session.DocumentStore.Options.Schema.DatabaseSchemaName;
        var rows = Rows(vote).ToList();
        var tally = vote.Tally ?? Majorities.Count(vote.Ballots);
        session.QueueSqlCommand($"delete from {schema}.{BallotsTable} where vote_id = ?", vote.Id);
        session.QueueSqlCommand($"delete from {schema}.{VotesTable} where vote_id = ?", vote.Id);
        session.QueueSqlCommand(
            $"insert into {schema}.{VotesTable} (vote_id, source, reference, session, date, subject, issues, outcome, yes, no, abstain) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            vote.Id, vote.Source.Name, (object?)vote.Source.Reference ?? DBNull.Value, vote.Session, vote.Date, vote.Question.Subject,
            vote.Issues.ToArray(), vote.Outcome?.ToString().ToLowerInvariant() ?? "", tally.Yes, tally.No, tally.Abstain);
        if (rows.Count > 0)
            session.QueueSqlCommand($"insert into {schema}.{BallotsTable} (iso3, vote_id, vote) select unnest(?), ?, unnest(?)",
                rows.Select(r => r.Iso3).ToArray(), vote.Id, rows.Select(r => r.Vote).ToArray());
    }

    /// <summary>Writes many votes' rows with binary COPY, on the import's connection and transaction.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, string schema, IReadOnlyList<Vote> votes, CancellationToken cancellation)
    {
        await using (var writer = await connection.BeginBinaryImportAsync(
                         $"copy {schema}.{VotesTable} (vote_id, source, reference, session, date, subject, issues, outcome, yes, no, abstain) from stdin (format binary)", cancellation))
        {
            foreach (var vote in votes)
            {
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
                await writer.WriteAsync(vote.Tally!.Yes, NpgsqlDbType.Integer, cancellation);
                await writer.WriteAsync(vote.Tally.No, NpgsqlDbType.Integer, cancellation);
                await writer.WriteAsync(vote.Tally.Abstain, NpgsqlDbType.Integer, cancellation);
            }
            await writer.CompleteAsync(cancellation);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
                         $"copy {schema}.{BallotsTable} (iso3, vote_id, vote) from stdin (format binary)", cancellation))
        {
            foreach (var vote in votes)
                foreach (var (iso3, choice) in Rows(vote))
                {
                    await writer.StartRowAsync(cancellation);
                    await writer.WriteAsync(iso3, NpgsqlDbType.Text, cancellation);
                    await writer.WriteAsync(vote.Id, NpgsqlDbType.Uuid, cancellation);
                    await writer.WriteAsync(choice, NpgsqlDbType.Text, cancellation);
                }
            await writer.CompleteAsync(cancellation);
        }
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
