using JasperFx.CommandLine;

namespace Committee.Infrastructure;

public sealed class TokenInput
{
    [Description("secretariat, or delegation")]
    public string Role { get; set; } = Roles.Secretariat;

    [Description("The State's ISO3 code, for a delegation token")]
    public string? Iso3 { get; set; }
}

[Description("Prints a bearer token the server accepts: token secretariat | token delegation ISO3", Name = "token")]
public sealed class TokenCommand : JasperFxCommand<TokenInput>
{
    public TokenCommand()
    {
        Usage("The secretariat's token").Arguments(x => x.Role);
        Usage("A delegation's token for its own State").Arguments(x => x.Role, x => x.Iso3!);
    }

    public override bool Execute(TokenInput input)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
        var role = input.Role.ToLowerInvariant();
        if (role is not (Roles.Secretariat or Roles.Delegation) || (role == Roles.Delegation) != (input.Iso3 is not null))
        {
            Console.Error.WriteLine("usage: token secretariat | token delegation ISO3");
            return false;
        }
        Console.WriteLine(new Tokens(configuration).Issue(role, input.Iso3));
        return true;
    }
}
