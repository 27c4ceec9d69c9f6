using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Committee.Infrastructure;

namespace Committee.History;

/// <summary>A rebuild's documents, kept in memory by type and id while every stream is projected once, then
/// copied to the database in one bulk insert per type.</summary>
public sealed class MemoryDocuments : IReadModelDocuments
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo> Ids = new();
    private readonly Dictionary<(Type, object), object> _documents = [];

    public int Count => _documents.Count;

    public IEnumerable<object> All => _documents.Values;

    public Task<T?> Load<T>(string id) where T : class => Task.FromResult(_documents.GetValueOrDefault((typeof(T), id)) as T);

    public Task<T?> Load<T>(int id) where T : class => Task.FromResult(_documents.GetValueOrDefault((typeof(T), id)) as T);

    public Task<T?> Load<T>(Guid id) where T : class => Task.FromResult(_documents.GetValueOrDefault((typeof(T), id)) as T);

    public void Store<T>(T document) where T : class => _documents[(typeof(T), IdOf(document))] = document;

    /// <summary>Nothing to delete: a rebuild projects each stream once, so no document of it was stored before.</summary>
    public void DeleteWhere<T>(Expression<Func<T, bool>> where) where T : class { }

    private static object IdOf(object document) =>
        Ids.GetOrAdd(document.GetType(), type => type.GetProperty("Id") ?? throw new InvalidOperationException($"{type.Name} has no Id"))
            .GetValue(document)!;
}
