using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Committee.Infrastructure;

public static class Roles
{
    public const string Secretariat = "secretariat";
    public const string Delegation = "delegation";
}

/// <summary>Bearer tokens signed with the configured key (Committee:Auth:SigningKey): the secretariat's, or a
/// delegation's for its own State (claim iso3).</summary>
public sealed class Tokens(IConfiguration configuration)
{
    public const string Issuer = "committee";
    public const string Iso3Claim = "iso3";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    public SymmetricSecurityKey Key { get; } = KeyFrom(configuration);

    public static SymmetricSecurityKey KeyFrom(IConfiguration configuration)
    {
        var secret = configuration["Committee:Auth:SigningKey"];
        if (string.IsNullOrEmpty(secret) || secret.Length < 32)
            throw new InvalidOperationException("Committee:Auth:SigningKey must be set to at least 32 characters (scripts/run creates one under .data/)");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
    }

    public string Issue(string role, string? iso3 = null, TimeSpan? lifetime = null)
    {
        var name = iso3 is null ? role : $"{role}/{iso3.ToUpperInvariant()}";
        var claims = new List<Claim> { new(NameClaim, name), new(RoleClaim, role) };
        if (iso3 is not null) claims.Add(new Claim(Iso3Claim, iso3.ToUpperInvariant()));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.Add(lifetime ?? TimeSpan.FromDays(30)),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public TokenValidationParameters Validation() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = Key,
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
