using System.Net;
using System.Text.Json.Nodes;

namespace Committee.Api.Tests;

public sealed record ApiParameter(string Name, string In, JsonNode Schema);

/// <summary>One operation of the app's OpenAPI document, with what it reads: path and query parameters, and the
/// schema of its JSON body (null when it reads none).</summary>
public sealed record ApiOperation(string Method, string Path, string Id, IReadOnlyList<ApiParameter> Parameters, JsonNode? Body)
{
    public override string ToString() => $"{Method} {Path} ({Id})";
}

/// <summary>The operations the app documents, read from its own /openapi/v1.json, so that a suite built on them
/// covers every endpoint added later without being told.</summary>
public sealed class OpenApiDocument
{
    public required IReadOnlyList<ApiOperation> Operations { get; init; }
    public required JsonObject Schemas { get; init; }

    public static async Task<OpenApiDocument> Load(CommitteeApp app)
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Json;
        var operations = new List<ApiOperation>();
        foreach (var (path, methods) in document["paths"]!.AsObject())
            foreach (var (method, operation) in methods!.AsObject())
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, (string)operation!["operationId"]!,
                    (operation["parameters"]?.AsArray() ?? []).Select(p => new ApiParameter((string)p!["name"]!, (string)p["in"]!, p["schema"]!)).ToList(),
                    operation["requestBody"]?["content"]?["application/json"]?["schema"]));
        return new OpenApiDocument { Operations = operations, Schemas = document["components"]!["schemas"]!.AsObject() };
    }

    /// <summary>The schema itself, or the one its $ref names.</summary>
    public JsonNode Resolve(JsonNode schema) =>
        schema["$ref"] is { } reference ? Resolve(Schemas[((string)reference!).Split('/')[^1]]!) : schema;
}

/// <summary>A small world for the suites to act on: a session with a meeting in progress, drafts, and an open recorded vote.</summary>
public sealed record World(int Session, int Meeting, string Draft, string OtherDraft, string VotedDraft, string Vote)
{
    public static async Task<World> Create(CommitteeApp app)
    {
        var session = app.NewSession();
        var meeting = await app.OpenMeeting(session);
        var draft = (await app.Submit(session, 1)).Id();
        var other = (await app.Submit(session, 2)).Id();
        var voted = (await app.Submit(session, 3)).Id();
        (await app.Post($"/api/drafts/{voted}/introduction", new { expectedVersion = 1, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);
        var vote = (string)(await app.Post($"/api/drafts/{voted}/votes", new { question = "proposal", kind = "recorded" }))
            .ShouldBe(HttpStatusCode.Created).Json["voteId"]!;
        return new World(session, meeting, draft, other, voted, vote);
    }
}
