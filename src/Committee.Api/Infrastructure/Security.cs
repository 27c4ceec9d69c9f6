using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Committee.Infrastructure;

public static class Security
{
    public const string SecretariatPolicy = "secretariat";

    /// <summary>Writes need a bearer token; reads are public.</summary>
    public static IServiceCollection AddCommitteeSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var tokens = new Tokens(configuration);
        services.AddSingleton(tokens);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = tokens.Validation();
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(SecretariatPolicy, p => p.RequireRole(Roles.Secretariat));
        return services;
    }
}
