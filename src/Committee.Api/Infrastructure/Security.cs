using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Marten;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Committee.Infrastructure;

public static class Security
{
    /// <summary>Floor actions and the record of drafts: the secretariat only.</summary>
    public const string SecretariatPolicy = "secretariat";

    /// <summary>Joining and withdrawing sponsorship: the secretariat, or a delegation (for its own State: the command decides).</summary>
    public const string SponsorPolicy = "sponsor";

    /// <summary>Watching the floor is public, but a token that is presented must be valid: a spoiled one is refused (401),
    /// never taken silently as anonymous.</summary>
    public const string WatcherPolicy = "watcher";

    /// <summary>Where a WebSocket client (a browser) passes its token: it cannot set the Authorization header.</summary>
    private const string AccessTokenParameter = "access_token";

    /// <summary>Writes need a bearer token; reads are public.</summary>
    public static IServiceCollection AddCommitteeSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var tokens = new Tokens(configuration);
        services.AddSingleton(tokens);
        services.AddSingleton<TokenRevocations>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenRevocations>());
        services.ConfigureMarten(o => o.Schema.For<TokenRevocation>());
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.Validation();
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Query[AccessTokenParameter] is [{ Length: > 0 } token]) context.Token = token;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        if (context.SecurityToken is JsonWebToken token
                            && context.HttpContext.RequestServices.GetRequiredService<TokenRevocations>().IsRevoked(token))
                            context.Fail("the token was revoked");
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(SecretariatPolicy, p => p.RequireRole(Roles.Secretariat))
            .AddPolicy(SponsorPolicy, p => p.RequireRole(Roles.Secretariat, Roles.Delegation))
            .AddPolicy(WatcherPolicy, p => p.RequireAssertion(context =>
                context.User.Identity?.IsAuthenticated == true || context.Resource is not HttpContext http || !PresentsToken(http.Request)));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ReasonedForbidden>();
        return services;
    }

    private static bool PresentsToken(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Query.ContainsKey(AccessTokenParameter);
}

/// <summary>A refused token gets a problem saying why (ASP.NET's own 403 has no body); a missing or invalid one keeps
/// the usual 401 challenge.</summary>
public sealed class ReasonedForbidden : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden) return _default.HandleAsync(next, http, policy, result);
        var reason = http.User.IsInRole(Roles.Delegation)
            ? $"only the secretariat records this; a delegation's token ({http.User.Identity?.Name}) may only join or withdraw its own State's sponsorship of a draft (POST /api/drafts/{{id}}/sponsors, /api/drafts/{{id}}/sponsor-withdrawals)"
            : "this token does not allow the action: it needs the secretariat's";
        return Problems.For(StatusCodes.Status403Forbidden, "Authorization", reason).ExecuteAsync(http);
    }
}
