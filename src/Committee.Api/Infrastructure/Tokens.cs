using System.Security.Claims;
using System.Security.Cryptography;
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
/// delegation's for its own State (claim iso3). They live Committee:Auth:TokenLifetime (12 hours by default: a day of
/// meetings), carry an id (jti) by which one can be revoked, and name their key (kid), so that the key can be rotated:
/// the former key moves to Committee:Auth:PreviousSigningKeys, still accepted until the tokens it signed expire.</summary>
public sealed class Tokens(IConfiguration configuration)
{
    public const string Issuer = "committee";
    public const string Iso3Claim = "iso3";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(12);

    private SymmetricSecurityKey Key { get; } = KeyFrom(configuration["Committee:Auth:SigningKey"], "Committee:Auth:SigningKey");

    private readonly IReadOnlyList<SymmetricSecurityKey> _previousKeys = configuration.GetSection("Committee:Auth:PreviousSigningKeys")
        .GetChildren().Select(k => KeyFrom(k.Value, k.Path)).ToList();

    public TimeSpan Lifetime { get; } = configuration.GetValue("Committee:Auth:TokenLifetime", DefaultLifetime);

    private static SymmetricSecurityKey KeyFrom(string? secret, string setting)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 32)
            throw new InvalidOperationException($"{setting} must be set to at least 32 characters (scripts/run creates one under .data/)");
        var bytes = Encoding.UTF8.GetBytes(secret);
        // The key's id says which key signed, never the key: a digest's first bytes.
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12] };
    }

    public string Issue(string role, string? iso3 = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new(NameClaim, Subject(role, iso3)), new(RoleClaim, role), new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")) };
        if (iso3 is not null) claims.Add(new Claim(Iso3Claim, iso3.ToUpperInvariant()));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.Add(lifetime ?? Lifetime),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Whom a token speaks for: "secretariat" or "delegation/KEN".</summary>
    public static string Subject(string role, string? iso3) => iso3 is null ? role : $"{role}/{iso3.ToUpperInvariant()}";

    public TokenValidationParameters Validation() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKeys = [Key, .. _previousKeys],
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
