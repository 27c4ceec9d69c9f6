using System.Collections.Frozen;
using Marten;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Committee.Infrastructure;

/// <summary>A revoked token (Id "jti:…"), or every token of a subject issued up to RevokedAt (Id "subject:delegation/KEN"),
/// kept until the last token it can concern has expired.</summary>
public sealed record TokenRevocation(string Id, DateTimeOffset RevokedAt, DateTimeOffset KeptUntil)
{
    public static string ForToken(string jti) => $"jti:{jti}";
    public static string ForSubject(string subject) => $"subject:{subject}";
}

/// <summary>The revocations in force, held in memory so that checking a token costs no round trip, and read again from
/// the store every Committee:Auth:RevocationRefresh (2 s by default): a revocation made by another process (the
/// command line, another node) takes effect within that time.</summary>
public sealed class TokenRevocations(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<TokenRevocations> logger)
    : BackgroundService
{
    private FrozenDictionary<string, DateTimeOffset> _revoked = FrozenDictionary<string, DateTimeOffset>.Empty;

    public TimeSpan Refresh { get; } = configuration.GetValue("Committee:Auth:RevocationRefresh", TimeSpan.FromSeconds(2));

    public bool IsRevoked(JsonWebToken token) =>
        _revoked.ContainsKey(TokenRevocation.ForToken(token.Id))
        || (token.TryGetPayloadValue<string>(Tokens.NameClaim, out var subject)
            && _revoked.TryGetValue(TokenRevocation.ForSubject(subject), out var revokedAt)
            && token.IssuedAt <= revokedAt.UtcDateTime);

    public static async Task RevokeAsync(IDocumentSession session, string id, DateTimeOffset now, TimeSpan lifetime)
    {
        session.Store(new TokenRevocation(id, now, now + lifetime));
        session.DeleteWhere<TokenRevocation>(r => r.KeptUntil < now);
        await session.SaveChangesAsync();
    }

    /// <summary>Read once before the host serves (a revoked token is never taken at start), then on each tick.</summary>
    public override async Task StartAsync(CancellationToken cancellation)
    {
        await LoadAsync(cancellation);
        await base.StartAsync(cancellation);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Refresh, clock);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            try { await LoadAsync(stopping); }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not read the token revocations; the last ones read stay in force");
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var now = clock.GetUtcNow();
        var revocations = await query.Query<TokenRevocation>().Where(r => r.KeptUntil >= now).ToListAsync(cancellation);
        _revoked = revocations.ToFrozenDictionary(r => r.Id, r => r.RevokedAt);
    }
}
