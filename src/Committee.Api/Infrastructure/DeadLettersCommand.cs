using JasperFx.CommandLine;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Committee.Infrastructure;

public sealed class DeadLettersInput
{
    [Description("Project the skipped events again (after the fix), and forget those that now pass")]
    public bool ReplayFlag { get; set; }
}

/// <summary>The read models' dead letters: the events each skipped after failing on them, and their replay.</summary>
[Description("Lists the events a read model skipped after failing on them; --replay projects them again after a fix", Name = "dead-letters")]
public sealed class DeadLettersCommand : JasperFxAsyncCommand<DeadLettersInput>
{
    [InjectService] public IDocumentStore Store { get; set; } = null!;

    [InjectService] public IServiceProvider Services { get; set; } = null!;

    public override async Task<bool> Execute(DeadLettersInput input)
    {
        await using var session = Store.LightweightSession();
        var letters = await session.Query<DeadLetterEvent>().OrderBy(d => d.EventSequence).ToListAsync();
        if (letters.Count == 0) Console.WriteLine("no read model has skipped an event");
        foreach (var letter in letters)
            Console.WriteLine($"{letter.ProjectionName}\tevent {letter.EventSequence}\t{letter.Timestamp:u}\t{letter.ExceptionType}: {letter.ExceptionMessage}");
        if (!input.ReplayFlag || letters.Count == 0) return true;

        var projections = Services.GetServices<ReadModelRegistration>()
            .Select(r => (IProjection)Services.GetRequiredService(r.Type)).ToDictionary(p => ((ProjectionBase)p).Name);
        var replayed = 0;
        foreach (var byModel in letters.GroupBy(l => l.ProjectionName))
        {
            if (!projections.TryGetValue(byModel.Key, out var projection))
            {
                Console.WriteLine($"{byModel.Key}: no such read model here; left as it is");
                continue;
            }
            var sequences = byModel.Select(l => l.EventSequence).ToArray();
            var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence.IsOneOf(sequences)).OrderBy(e => e.Sequence).ToListAsync();
            await using var writes = Store.LightweightSession();
            await projection.ApplyAsync(writes, events, CancellationToken.None);
            // A read model that fails again records a new dead letter instead of throwing.
            if (writes.PendingChanges.AllChangedFor<DeadLetterEvent>().FirstOrDefault() is { } again)
            {
                Console.WriteLine($"{byModel.Key}: still fails ({again.ExceptionMessage}); left as it is");
                continue;
            }
            foreach (var letter in byModel) writes.Delete(letter);
            await writes.SaveChangesAsync();
            replayed += events.Count;
        }
        Console.WriteLine($"replayed {replayed} event(s)");
        return true;
    }
}

/// <summary>A read model the daemon runs, by its projection type: what the dead letters' replay resolves.</summary>
public sealed record ReadModelRegistration(Type Type);
