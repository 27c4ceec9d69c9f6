using Marten;
using Npgsql;
using Weasel.Core;

namespace Committee.History;

/// <summary>Copies a rebuild's documents into their emptied table. The table's secondary indexes (the search
/// index's full-text GIN above all) are dropped for the copy and built again afterwards from the same definitions:
/// one bulk build is cheaper than maintaining them row by row.</summary>
public static class BulkCopy
{
    public static async Task DocumentsAsync(IDocumentStore store, Type type, IReadOnlyCollection<object> documents, CancellationToken cancellation)
    {
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellation);
        if (documents.Count == 0) return;
        var table = store.Options.Schema.For(type);
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var indexes = new List<(string Name, string Definition)>();
        await using (var find = new NpgsqlCommand("""
            select i.relname, pg_get_indexdef(i.oid) from pg_index x join pg_class i on i.oid = x.indexrelid
            where x.indrelid = @table::regclass and not x.indisprimary and not x.indisunique
            """, connection))
        {
            find.Parameters.AddWithValue("table", table);
            await using var reader = await find.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        var schema = table[..table.IndexOf('.')];
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, $"drop index {schema}.{name}", cancellation);
        try
        {
            await store.BulkInsertDocumentsAsync(documents, BulkInsertMode.InsertsOnly, 5_000, cancellation);
        }
        finally
        {
            foreach (var (_, definition) in indexes) await ExecuteAsync(connection, definition, CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
