using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Marten.Services.BatchQuerying;

namespace Committee.Infrastructure;

/// <summary>One command's part in a transaction it may share with others (<see cref="CommandGroups"/>).</summary>
public abstract class GroupedCommand
{
    /// <summary>Who records it: the events of one transaction carry one user name, so only one actor's commands share it.</summary>
    public abstract string Actor { get; }

    /// <summary>The stream the command writes; no other command of its group writes it.</summary>
    public abstract Guid StreamId { get; }

    public abstract CancellationToken Cancellation { get; }

    /// <summary>Queues what the command reads on the group's batch: one round trip for the whole group.</summary>
    public abstract void Read(IBatchedQuery batch);

    /// <summary>After the batch has run: the answer when there is nothing to write (a refusal, a replay, a 404), or null
    /// once the command has queued its writes on the shared session. <paramref name="written"/> holds the streams the
    /// group writes so far; a command that must write one of them (a companion stream) throws
    /// <see cref="StreamWrittenInGroup"/> and goes again alone.</summary>
    public abstract Task<IResult?> Decide(IDocumentSession documents, ISet<Guid> written, CancellationToken cancellation);

    /// <summary>The answer once the group's transaction has committed.</summary>
    public abstract IResult Committed();
}

/// <summary>Another command of the group writes a stream this command must write.</summary>
public sealed class StreamWrittenInGroup() : Exception("another command of the group writes this stream");

/// <summary>How a command fared in its group: its answer, or the failure of the transaction. A failure is
/// <see cref="Shared"/> when other commands were in the same transaction: it may have been theirs, so this command is
/// tried again on its own.</summary>
public sealed record GroupOutcome(IResult? Result, Exception? Failure = null, bool Shared = false);

/// <summary>Group commit: the commands of one actor that arrive while a transaction of that actor's is in flight wait,
/// then go together in the next one: one batched read for all, their decisions in turn, one write round trip and one
/// commit. On 2 cores the round trips, not the statements, are most of what a command costs PostgreSQL and the
/// server (docs/performance.md, "Sixth pass"); a lone command goes at once, as before.</summary>
/// <remarks>No two commands of a group write one stream: <see cref="StreamCommands{TContext}"/> lets one command per
/// stream in at a time, and a command whose companion stream another command of the group writes goes again alone
/// (<see cref="StreamWrittenInGroup"/>). If the shared transaction fails, it is rolled back whole, and each of its commands is tried
/// again alone, where a conflict is answered as it always was.</remarks>
public sealed class CommandGroups(IDocumentStore store, CommitSignal signal, ILogger<CommandGroups> logger)
{
    private const int MaxGroup = 64;

    /// <summary>A command waiting for its group, with its request's trace: a lone command's database spans stay under
    /// its request, and a shared transaction's span links to it.</summary>
    private sealed record Waiter(GroupedCommand Command, TaskCompletionSource<GroupOutcome> Done, Activity? Trace)
    {
        public Waiter(GroupedCommand command) :
            this(command, new TaskCompletionSource<GroupOutcome>(TaskCreationOptions.RunContinuationsAsynchronously), Activity.Current) { }
    }

    /// <summary>One actor's commands: those waiting, and whether a transaction of theirs is in flight (one at a time,
    /// so that commands gather behind it).</summary>
    private sealed class Lane
    {
        public readonly ConcurrentQueue<Waiter> Waiting = new();
        public int Running;
    }

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Runs the command in the next group of its actor. If no transaction of the actor's is in flight, the
    /// caller runs that group itself, so that a lone command goes as directly as it would without groups.</summary>
    public async Task<GroupOutcome> Submit(GroupedCommand command)
    {
        var waiter = new Waiter(command);
        var lane = _lanes.GetOrAdd(command.Actor, _ => new Lane());
        lane.Waiting.Enqueue(waiter);
        if (TryEnter(lane))
        {
            try { await RunNextGroup(lane); }
            finally { Leave(lane); }
            Pump(lane);
        }
        return await waiter.Done.Task;
    }

    /// <summary>Runs the command in a transaction of its own, now.</summary>
    public async Task<GroupOutcome> Alone(GroupedCommand command)
    {
        var waiter = new Waiter(command);
        await Run([waiter]);
        return await waiter.Done.Task;
    }

    private static bool TryEnter(Lane lane) => Interlocked.CompareExchange(ref lane.Running, 1, 0) == 0;

    private static void Leave(Lane lane) => Volatile.Write(ref lane.Running, 0);

    /// <summary>Commands that queued behind a transaction go on in the background once it is done: each caller has its
    /// answer as soon as its own group commits.</summary>
    private void Pump(Lane lane)
    {
        if (lane.Waiting.IsEmpty || !TryEnter(lane)) return;
        // The runner goes on with other requests' commands: it must not carry this request's context along.
        using (ExecutionContext.SuppressFlow()) _ = Drain(lane);
    }

    private async Task Drain(Lane lane)
    {
        try
        {
            while (await RunNextGroup(lane)) { }
        }
        finally
        {
            Leave(lane);
        }
        // A command queued after the last look and before the lane was left found it running: start it now.
        Pump(lane);
    }

    /// <summary>Takes what waits (up to <see cref="MaxGroup"/>) and runs it as one group; false when nothing waited.</summary>
    private async Task<bool> RunNextGroup(Lane lane)
    {
        var group = new List<Waiter>();
        while (group.Count < MaxGroup && lane.Waiting.TryDequeue(out var waiter)) group.Add(waiter);
        if (group.Count == 0) return false;
        await Run(group);
        return true;
    }

    /// <summary>The span of a shared transaction, parent of its database spans (null when no tracer listens). It and
    /// the span of each command's request link to each other, so that either leads to the other.</summary>
    private static Activity? SharedTransactionSpan(IReadOnlyList<Waiter> group)
    {
        if (!Telemetry.Source.HasListeners()) return null;
        var requests = group.Where(w => w.Trace is not null).Select(w => new ActivityLink(w.Trace!.Context)).ToList();
        var span = Telemetry.Source.StartActivity("committee.shared_transaction", ActivityKind.Internal, default(ActivityContext),
            [new("committee.commands", group.Count)], requests);
        if (span is null) return null;
        foreach (var waiter in group) waiter.Trace?.AddLink(new ActivityLink(span.Context));
        return span;
    }

    /// <summary>One transaction for the group. Never throws: every waiter is answered.</summary>
    private async Task Run(IReadOnlyList<Waiter> group)
    {
        // A lone command keeps its request's cancellation and trace; a group's transaction belongs to no one request.
        var cancellation = group.Count == 1 ? group[0].Command.Cancellation : CancellationToken.None;
        Activity.Current = group.Count == 1 ? group[0].Trace : null;
        using var span = group.Count == 1 ? null : SharedTransactionSpan(group);
        var writers = new List<Waiter>(group.Count);
        var committed = false;
        try
        {
            await using var documents = store.LightweightSession();
            // One connection and one transaction from the read to the commit: the pool is visited once per group.
            await documents.BeginTransactionAsync(cancellation);
            var batch = documents.CreateBatchQuery();
            foreach (var waiter in group) waiter.Command.Read(batch);
            await batch.Execute(cancellation);

            var written = group.Select(w => w.Command.StreamId).ToHashSet();
            foreach (var waiter in group)
            {
                try
                {
                    if (await waiter.Command.Decide(documents, written, cancellation) is { } answer) waiter.Done.TrySetResult(new GroupOutcome(answer));
                    else writers.Add(waiter);
                }
                catch (StreamWrittenInGroup taken) when (group.Count > 1)
                {
                    waiter.Done.TrySetResult(new GroupOutcome(null, taken, Shared: true));
                }
            }
            if (writers.Count == 0) return;

            await documents.SaveChangesAsync(cancellation);
            committed = true;
        }
        catch (Exception e) when (!committed)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            // In a group, the failure may be another command's: each not yet answered is tried again alone.
            foreach (var waiter in group) waiter.Done.TrySetResult(new GroupOutcome(null, e, Shared: group.Count > 1));
            return;
        }
        catch (Exception e) when (committed)
        {
            // Returning the connection failed after the commit: the writes stand, and answering them as failed would
            // send them round again, recorded twice.
            logger.LogWarning(e, "closing the session of {Count} committed command(s) failed", writers.Count);
        }
        foreach (var waiter in writers)
        {
            try { waiter.Done.TrySetResult(new GroupOutcome(waiter.Command.Committed())); }
            catch (Exception e) { waiter.Done.TrySetException(e); }
        }
        try { signal.Raise(); }
        catch (Exception e)
        {
            // The daemon's poll still finds the events; a runner that threw would leave the commands behind it waiting.
            logger.LogWarning(e, "waking the read models after a commit failed");
        }
    }
}
