using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Committee.Infrastructure;

public static class ReadModels
{
    /// <summary>The composite projection of Marten's async daemon that runs every read model in one shard.</summary>
    public const string Composite = "ReadModels";

    /// <summary>A read model projected by Marten's async daemon, a member of <see cref="Composite"/>.</summary>
    public static IServiceCollection AddReadModel<TProjection>(this IServiceCollection services)
        where TProjection : ProjectionBase, IProjection =>
        services.AddSingleton<TProjection>()
            .AddSingleton(new ReadModelRegistration(typeof(TProjection)))
            .ConfigureMarten((sp, opts) => opts.Projections.CompositeProjectionFor(Composite, composite =>
            {
                composite.Options.BatchSize = PageSize;
                composite.Add(sp.GetRequiredService<TProjection>());
            }));

    /// <summary>The most events the read models take in one transaction.</summary>
    /// <remarks>The daemon hands a shard a range per pass of its high-water agent and keeps loading ranges until twice
    /// this many events wait: with Marten's 500, a busy shard queued hundreds of ranges of a few events each and
    /// projected each in a transaction of its own, 1,000 events behind at 16 clients. Smaller, ranges gather into pages
    /// while the read models are busy: lag p99 0.9 s with 100, 0.5 s with 50 (docs/performance.md).</remarks>
    public const int PageSize = 50;

    /// <summary>The daemon's progress row of a projection (or a subscription) by its name.</summary>
    public static ShardName Shard(string name) => new(name, ShardName.All, 1);

    /// <summary>How far a projection or subscription of the daemon has gone, on any node (its progress row).</summary>
    public static Task<long> ProgressAsync(this IDocumentStore store, string name, CancellationToken cancellation) =>
        store.Advanced.ProjectionProgressFor(Shard(name), token: cancellation);

    /// <summary>Waits, polling its progress every 10 ms, until a projection or subscription has reached the sequence or
    /// the wait is over; answers its progress then.</summary>
    public static async Task<long> ProgressAsync(this IDocumentStore store, string name, long sequence, TimeSpan maxWait, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + maxWait;
        long progress;
        while ((progress = await store.ProgressAsync(name, cancellation)) < sequence && DateTime.UtcNow < deadline)
            await Task.Delay(Poll, cancellation);
        return progress;
    }

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);
}

/// <summary>"Read what you just did": a reader names the sequence it was told about (a command's
/// <see cref="StreamCommands.SequenceHeader"/>, a pushed event's sequence) and is answered from a read model at least
/// that fresh, after a bounded wait.</summary>
public sealed class Freshness(IDocumentStore store)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    /// <summary>Null when the read model has reached the sequence (or none was asked); otherwise the problem to answer:
    /// 400 for a sequence that is not one, 503 with Retry-After when the read model is still behind after the wait.</summary>
    public async Task<IResult?> AtLeastAsync(long? atLeast, string readModel, CancellationToken cancellation)
    {
        if (atLeast is null) return null;
        if (atLeast < 0) return Problems.For(Refusal.Invalid("atLeast", "atLeast is an event sequence number, 0 or more"));
        return await store.ProgressAsync(ReadModels.Composite, atLeast.Value, MaxWait, cancellation) < atLeast
            ? Problems.Behind(readModel, atLeast.Value, MaxWait)
            : null;
    }
}

/// <summary>Degraded while any read model has skipped an event it failed on (Marten's dead letters), naming them:
/// `scripts/committee dead-letters` lists them and replays them after a fix.</summary>
public sealed class ReadModelHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation = default)
    {
        try
        {
            await using var query = store.QuerySession();
            var failed = await query.Query<DeadLetterEvent>().Select(d => d.ProjectionName).Distinct().ToListAsync(cancellation);
            return failed.Count == 0
                ? HealthCheckResult.Healthy("every read model is up to date with the events it was given")
                : HealthCheckResult.Degraded($"events skipped after failing in: {string.Join(", ", failed)} (scripts/committee dead-letters)");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("the read models' state could not be read", e);
        }
    }
}
