using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>What every answer carries and what every caller is held to: security headers, a rate limit on anonymous
/// requests (per client address, Committee:RateLimit:AnonymousPerSecond and :AnonymousBurst), and an outage of the
/// database answered 503 with Retry-After rather than 500.</summary>
public static class Protection
{
    /// <summary>The app serves its own scripts and styles (no CDN); the server-rendered pages carry an inline stylesheet.
    /// The API reference's page (Scalar) configures itself with an inline script.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddCommitteeProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("authenticated")
                    : RateLimitPartition.GetTokenBucketLimiter(ClientAddress(http), _ => AnonymousBucket(configuration)));
            o.OnRejected = (context, cancellation) =>
            {
                var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                return new ValueTask(Problems.RetryLater(StatusCodes.Status429TooManyRequests, "client",
                    "too many requests without a token from this address; slow down, or use a token", after).ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    /// <summary>After authentication, so that a caller with a valid token is never limited.</summary>
    public static WebApplication UseCommitteeProtection(this WebApplication app)
    {
        app.Use(SecurityHeaders);
        app.UseRateLimiter();
        return app;
    }

    private static Task SecurityHeaders(HttpContext http, RequestDelegate next)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/docs") || http.Request.Path.StartsWithSegments("/scalar")
            ? ReferencePolicy : ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        return next(http);
    }

    /// <summary>Read once per address seen, so a change of configuration applies to the addresses seen after it.</summary>
    private static TokenBucketRateLimiterOptions AnonymousBucket(IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("Committee:RateLimit:AnonymousPerSecond", 50);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = configuration.GetValue("Committee:RateLimit:AnonymousBurst", 200),
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        };
    }

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();

    /// <summary>The database is down or restarting: the request may be sent again in a moment (its idempotency key keeps
    /// a retried command from being recorded twice).</summary>
    public static bool IsDatabaseOutage(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" })
                return true;
        return false;
    }

    public static IResult Outage() => Problems.RetryLater(StatusCodes.Status503ServiceUnavailable, "database",
        "the database is not reachable at the moment; send the request again shortly (with the same Idempotency-Key, a command is recorded once)", TimeSpan.FromSeconds(2));
}
