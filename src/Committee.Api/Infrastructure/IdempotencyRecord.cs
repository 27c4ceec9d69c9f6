using System.Security.Cryptography;
using System.Text;
using Marten;

namespace Committee.Infrastructure;

/// <summary>What a retry of an acknowledged command needs, stored in the command's own transaction: its answer's
/// status and location, and the stream and version it left, from which the same body is read again. Keyed by the
/// caller and the key together: another caller's request with the same key is a new request.</summary>
public sealed record IdempotencyRecord(
    string Id, string Fingerprint, int Status, string? Location, Guid StreamId, long Version, DateTimeOffset At);

/// <summary>The Idempotency-Key rules: whose key it is, and how long a record is kept (Committee:Idempotency:Ttl,
/// 24 hours by default).</summary>
public sealed class Idempotency(IConfiguration configuration)
{
    public TimeSpan Ttl { get; } = configuration.GetValue("Committee:Idempotency:Ttl", TimeSpan.FromHours(24));

    public static string IdFor(string caller, string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller}\n{key}")));

    /// <summary>Records made before this moment have expired.</summary>
    public DateTimeOffset ExpiredBefore(DateTimeOffset now) => now - Ttl;

    /// <summary>A record answers a retry until it expires, whether or not the expiry job has removed it yet.</summary>
    public bool Answers(IdempotencyRecord record, DateTimeOffset now) => record.At >= ExpiredBefore(now);

    /// <summary>The record's time is a column of its own, indexed for the expiry's delete: an index on the JSON
    /// field calls a SQL function for every insert, which made the record the dearest write of a command after the
    /// events (docs/performance.md, "Seventh pass").</summary>
    public static void Configure(StoreOptions opts) => opts.Schema.For<IdempotencyRecord>().Duplicate(r => r.At);
}

/// <summary>Removes expired idempotency records every tenth of their lifetime (at most hourly).</summary>
public sealed class IdempotencyExpiry(IDocumentStore store, Idempotency idempotency, TimeProvider clock, ILogger<IdempotencyExpiry> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(idempotency.Ttl.Ticks / 10, TimeSpan.FromHours(1).Ticks)), clock);
        do
        {
            try
            {
                await using var session = store.LightweightSession();
                var before = idempotency.ExpiredBefore(clock.GetUtcNow());
                session.DeleteWhere<IdempotencyRecord>(r => r.At < before);
                await session.SaveChangesAsync(stopping);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not remove expired idempotency records; trying again at the next tick");
            }
        } while (await timer.WaitForNextTickAsync(stopping));
    }
}
