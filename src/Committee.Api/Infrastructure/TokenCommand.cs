using JasperFx.CommandLine;
using Marten;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Committee.Infrastructure;

public sealed class TokenInput : NetCoreInput
{
    [Description("secretariat | delegation ISO3 | revoke TOKEN | revoke secretariat | revoke delegation ISO3")]
    public List<string> Words { get; set; } = [];
}

[Description("Prints a bearer token the server accepts (token secretariat | token delegation ISO3), or revokes tokens: "
    + "one (token revoke TOKEN), or every token issued so far to a subject (token revoke delegation ISO3 | token revoke secretariat)",
    Name = "token")]
public sealed class TokenCommand : JasperFxAsyncCommand<TokenInput>
{
    private const string UsageLine = "usage: token secretariat | token delegation ISO3 | token revoke TOKEN | token revoke secretariat | token revoke delegation ISO3";

    public TokenCommand()
    {
        Usage("Issue a token, or revoke tokens").Arguments(x => x.Words);
    }

    public override async Task<bool> Execute(TokenInput input)
    {
        var words = input.Words;
        var revoking = words is ["revoke", ..];
        var subject = revoking ? words[1..] : words;
        if (subject is not ([Roles.Secretariat] or [Roles.Delegation, { Length: 3 }]) && !(revoking && subject is [_]))
        {
            Console.Error.WriteLine(UsageLine);
            return false;
        }
        if (!revoking)
        {
            var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            Console.WriteLine(new Tokens(configuration).Issue(subject[0], subject.ElementAtOrDefault(1)));
            return true;
        }

        using var host = input.BuildHost();
        var tokens = host.Services.GetRequiredService<Tokens>();
        string id;
        if (subject is [var one] && one != Roles.Secretariat)
        {
            if (!new JsonWebTokenHandler().CanReadToken(one))
            {
                Console.Error.WriteLine($"'{one}' is not a token. {UsageLine}");
                return false;
            }
            id = TokenRevocation.ForToken(new JsonWebToken(one).Id);
        }
        else id = TokenRevocation.ForSubject(Tokens.Subject(subject[0], subject.ElementAtOrDefault(1)));

        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        await TokenRevocations.RevokeAsync(session, id, DateTimeOffset.UtcNow, tokens.Lifetime);
        Console.WriteLine($"revoked {id}; every node refuses it within {host.Services.GetRequiredService<TokenRevocations>().Refresh.TotalSeconds:0.#} s");
        return true;
    }
}
