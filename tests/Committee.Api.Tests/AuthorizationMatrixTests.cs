using System.Net;
using Committee.Infrastructure;

namespace Committee.Api.Tests;

/// <summary>Every operation of the OpenAPI document, asked by each kind of caller. Who may do what is declared once,
/// below: reads are public; writes are the secretariat's, except the few a delegation does for its own State. A caller
/// let through may still be refused for what it asked (400, 404, 409, 422), never with 401 or 403, never with a 5xx.</summary>
[Collection(nameof(GeneratedInputCollection))]
public sealed class AuthorizationMatrixTests(CommitteeApp app)
{
    private enum Access { Public, Secretariat, OwnState }

    private enum Caller { Anonymous, SpoiledToken, DelegationForAnotherState, DelegationForItself, Secretariat }

    /// <summary>What a delegation does for its own State (README, "Sponsorship" and "Voting"); every other write is the secretariat's.</summary>
    private static readonly HashSet<string> OwnStateOperations = ["JoinSponsors", "WithdrawSponsorship", "CastBallot"];

    private static Access AccessOf(ApiOperation operation) =>
        operation.Method == "GET" ? Access.Public : OwnStateOperations.Contains(operation.Id) ? Access.OwnState : Access.Secretariat;

    /// <summary>The answers, declared once: a status the caller must get, or null for "let through".</summary>
    private static HttpStatusCode? Expected(Access access, Caller caller) => (access, caller) switch
    {
        (Access.Public, _) => null,
        (_, Caller.Anonymous or Caller.SpoiledToken) => HttpStatusCode.Unauthorized,
        (Access.Secretariat, Caller.DelegationForAnotherState or Caller.DelegationForItself) => HttpStatusCode.Forbidden,
        (Access.OwnState, Caller.DelegationForAnotherState) => HttpStatusCode.Forbidden,
        _ => null,
    };

    /// <summary>The State the requests name; the other delegation's token is Germany's.</summary>
    private const string Itself = "FRA", Another = "DEU";

    [Fact]
    public async Task Every_operation_answers_every_caller_as_declared()
    {
        var document = await OpenApiDocument.Load(app);
        Assert.Subset(document.Operations.Select(o => o.Id).ToHashSet(), OwnStateOperations);
        var world = await World.Create(app);
        var tokens = new Dictionary<Caller, string?>
        {
            [Caller.Anonymous] = null,
            [Caller.SpoiledToken] = Spoiled(app.Secretariat),
            [Caller.DelegationForAnotherState] = app.Token(Roles.Delegation, Another),
            [Caller.DelegationForItself] = app.Token(Roles.Delegation, Itself),
            [Caller.Secretariat] = app.Secretariat,
        };
        var mismatches = new List<string>();
        foreach (var operation in document.Operations)
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var (url, body) = Request(operation, world);
                var reply = await app.Send(new HttpMethod(operation.Method), url, body, tokens[caller], Guid.NewGuid().ToString());
                var expected = Expected(AccessOf(operation), caller);
                var fits = expected is { } status
                    ? reply.Status == status
                    : reply.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)reply.Status < 500;
                if (!fits)
                    mismatches.Add($"{operation} as {caller}: expected {(expected is null ? "to be let through" : (int)expected)}, got {(int)reply.Status} {reply.Body?.ToJsonString()}");
            }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>The secretariat's token with one character of its signature changed.</summary>
    private static string Spoiled(string token)
    {
        var signature = token.LastIndexOf('.') + 5;
        return token[..signature] + (token[signature] == 'A' ? 'B' : 'A') + token[(signature + 1)..];
    }

    /// <summary>A request that names the State <see cref="Itself"/> where the operation acts for a State, so that only
    /// the caller decides whether it is let through; an empty object elsewhere.</summary>
    private static (string Url, object? Body) Request(ApiOperation operation, World world)
    {
        var url = operation.Path
            .Replace("{id}", operation.Id == "WithdrawSponsorship" ? world.OtherDraft : world.Draft)
            .Replace("{voteId}", world.Vote).Replace("{session}", world.Session.ToString()).Replace("{meeting}", world.Meeting.ToString())
            .Replace("{iso3}", Itself).Replace("{a}", Itself).Replace("{b}", Another).Replace("{delegation}", Itself);
        object? body = operation.Id switch
        {
            "JoinSponsors" or "WithdrawSponsorship" => new { expectedVersion = 1, delegations = new[] { "France" } },
            "CastBallot" => new { vote = "yes" },
            _ => operation.Body is null ? null : new { },
        };
        return (url, body);
    }
}
