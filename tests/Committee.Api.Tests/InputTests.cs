using System.Net;
using System.Text.Json.Nodes;

namespace Committee.Api.Tests;

/// <summary>Hostile and clumsy input: each of the causes that once gave a 500, the limits of the domain, and one
/// problem-details format for every refusal, never naming a .NET type. Nothing is stored after a refusal.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class InputTests(CommitteeApp app)
{
    private static JsonNode Submission(int session, int number, Action<JsonNode>? change = null)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(Drafts.Submission(session, number))!;
        change?.Invoke(node);
        return node;
    }

    private async Task AssertNoDraftIn(int session) => Assert.Empty((await app.Get($"/api/drafts?session={session}")).Json.AsArray());

    [Fact]
    public async Task A_body_that_is_the_json_literal_null_is_a_400_on_every_json_write()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        foreach (var url in new[] { "/api/drafts", $"/api/drafts/{draft.Id()}/sponsors", $"/api/votes/{Guid.NewGuid()}/close" })
            (await app.Post(url, "null")).ShouldBeProblem(HttpStatusCode.BadRequest, "body", "JSON object");
    }

    [Fact]
    public async Task A_null_in_a_list_is_a_400_naming_the_element()
    {
        var session = app.NewSession();
        (await app.Post("/api/drafts", Submission(session, 1, s => s["sponsors"] = new JsonArray(null, "Chile")).ToJsonString()))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "sponsors[0]", "null");
        var draft = await app.Submit(session, 2);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", "{\"expectedVersion\":1,\"delegations\":[\"Chile\",null]}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "delegations[1]", "null");
        (await app.Post($"/api/votes/{Guid.NewGuid()}/ballots", "{\"ballots\":[null]}")).ShouldBeProblem(HttpStatusCode.BadRequest, "ballots[0]");
        (await app.Post($"/api/drafts/{draft.Id()}/oral-revisions", "{\"expectedVersion\":1,\"delegation\":\"Belarus\",\"changes\":[null]}"))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "changes[0]");
    }

    [Theory]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("a\u0007b", "U+0007")]
    [InlineData("evil \u202Etxt.exe", "U+202E")]
    [InlineData("a\uFDD0b", "U+FDD0")]
    [InlineData("a\uFFFEb", "U+FFFE")]
    [InlineData("two\nlines", "U+000A")]
    public async Task Text_that_cannot_be_stored_or_misleads_a_reader_is_a_422_naming_the_field(string title, string character)
    {
        var session = app.NewSession();
        (await app.Post("/api/drafts", Submission(session, 1, s => s["title"] = title).ToJsonString()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "title", character);
        (await app.Post("/api/drafts", Submission(session, 1, s => s["operative"]![1] = title).ToJsonString()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "operative[1]", character);
        await AssertNoDraftIn(session);
    }

    [Fact]
    public async Task An_escaped_lone_surrogate_is_no_text()
    {
        var session = app.NewSession();
        var body = Submission(session, 1).ToJsonString().Replace("\"Improving", "\"\\ud800Improving");
        (await app.Post("/api/drafts", body)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "title", "surrogate");
        await AssertNoDraftIn(session);
    }

    [Fact]
    public async Task Digits_other_than_ascii_are_no_numbers_in_symbols_and_paragraph_references()
    {
        var session = app.NewSession();
        (await app.Post("/api/drafts", Submission(session, 1, s => s["symbol"] = $"A/C.3/{session}/L.\u0665").ToJsonString()))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "symbol");
        await app.OpenMeeting(session);
        var draft = await app.Submit(session, 2);
        (await app.Post($"/api/drafts/{draft.Id()}/oral-revisions", new
        {
            expectedVersion = 1, delegation = "Belarus", changes = new[] { new { paragraph = "OP\u0661", kind = "deleted", text = (string?)null } },
        })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "changes[0]", "not a paragraph reference");
    }

    [Theory]
    [InlineData("/api/drafts?symbol=%00", "symbol")]
    [InlineData("/api/search?q=%00", "q")]
    [InlineData("/api/delegations/FRA/votes?issue=%00", "issue")]
    public async Task A_nul_in_a_query_or_path_is_a_400_naming_it(string url, string field) =>
        (await app.Get(url)).ShouldBeProblem(HttpStatusCode.BadRequest, field, "U+0000");

    [Theory]
    [InlineData("/api/delegations/FRA/votes?from=0", "from")]
    [InlineData("/api/delegations/FRA/votes?to=0", "to")]
    [InlineData("/api/delegations/FRA/agreement/DEU?to=99999999", "to")]
    [InlineData("/api/delegations/FRA/votes?page=0", "page")]
    [InlineData("/api/drafts?session=99999999999", "session")]
    public async Task Years_and_numbers_out_of_range_are_a_400_naming_them(string url, string field) =>
        (await app.Get(url)).ShouldBeProblem(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task A_page_far_beyond_the_record_is_empty_not_an_overflow()
    {
        var page = (await app.Get("/api/delegations/FRA/votes?page=3000000&pageSize=1000")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Empty(page["votes"]!.AsArray());
    }

    [Fact]
    public async Task Json_that_is_not_what_the_endpoint_reads_is_a_400_in_the_apps_format_without_a_type_name()
    {
        var session = app.NewSession();
        var wrongType = await app.Post("/api/drafts", Submission(session, 1, s => s["session"] = "sixty-four").ToJsonString());
        wrongType.ShouldBeProblem(HttpStatusCode.BadRequest, "session", "whole number");
        var unknown = await app.Post("/api/drafts", Submission(session, 1, s => s["colour"] = "red").ToJsonString());
        unknown.ShouldBeProblem(HttpStatusCode.BadRequest, "colour", "not a field");
        var duplicate = await app.Post("/api/drafts", Submission(session, 1).ToJsonString().Replace("{\"symbol\"", "{\"title\":\"x\",\"symbol\""));
        duplicate.ShouldBeProblem(HttpStatusCode.BadRequest, "body", "duplicate");
        var enumValue = await app.Post("/api/drafts", Submission(session, 1, s => s["kind"] = "manifesto").ToJsonString());
        enumValue.ShouldBeProblem(HttpStatusCode.BadRequest, "kind", "draftResolution");
        var missing = await app.Post("/api/drafts", Submission(session, 1, s => s.AsObject().Remove("title")).ToJsonString());
        missing.ShouldBeProblem(HttpStatusCode.BadRequest, "title", "required");
        var nullTitle = await app.Post("/api/drafts", Submission(session, 1, s => s["title"] = null).ToJsonString());
        nullTitle.ShouldBeProblem(HttpStatusCode.BadRequest, "title", "null");
        var sponsor = await app.Post("/api/drafts", Submission(session, 1, s => s["sponsors"] = new JsonArray(42)).ToJsonString());
        sponsor.ShouldBeProblem(HttpStatusCode.BadRequest, "sponsors[0]", "ISO3");
        foreach (var reply in new[] { wrongType, unknown, duplicate, enumValue, missing, nullTitle, sponsor })
            Assert.DoesNotContain("Committee.", reply.Json.ToJsonString());
        await AssertNoDraftIn(session);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("")]
    public async Task A_body_not_sent_as_application_json_is_a_415(string contentType)
    {
        var session = app.NewSession();
        var reply = await app.Send(HttpMethod.Post, "/api/drafts", Submission(session, 1).ToJsonString(), app.Secretariat, contentType: contentType);
        reply.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "Content-Type", "application/json");
        await AssertNoDraftIn(session);
    }

    [Fact]
    public async Task Framework_answers_are_problems_in_the_apps_format()
    {
        (await app.Send(HttpMethod.Post, "/api/drafts", Submission(app.NewSession(), 1))).ShouldBeProblem(HttpStatusCode.Unauthorized, "Authorization");
        (await app.Get("/api/drafts?session=sixty-four")).ShouldBeProblem(HttpStatusCode.BadRequest, "session", "whole number");
    }

    [Fact]
    public async Task Limits_of_the_domain_are_each_a_422_with_the_reason()
    {
        var session = app.NewSession();
        (await app.Post("/api/drafts", Submission(session, 1, s => s["title"] = new string('t', 1_001)).ToJsonString()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "title", "at most 1,000");
        (await app.Post("/api/drafts", Submission(session, 1, s => s["operative"]![0] = new string('p', 20_001)).ToJsonString()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "operative[0]", "at most 20,000");
        (await app.Post("/api/drafts", Submission(session, 1, s => s["operative"] = new JsonArray(Enumerable.Range(0, 501).Select(_ => (JsonNode?)"Decides,").ToArray())).ToJsonString()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "operative", "at most 500");
        (await app.Post("/api/drafts", Submission(session, 1, s => s["agendaItem"] = new string('9', 201)).ToJsonString()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "agendaItem", "at most 200");
        await AssertNoDraftIn(session);
    }

    [Fact]
    public async Task A_tally_that_would_overflow_is_refused_and_nothing_is_stored()
    {
        var session = app.NewSession();
        await app.OpenMeeting(session);
        var draft = await app.Submit(session, 1);
        (await app.Post($"/api/drafts/{draft.Id()}/introduction", new { expectedVersion = 1, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);
        var vote = (string)(await app.Post($"/api/drafts/{draft.Id()}/votes", new { question = "proposal", kind = "non-recorded" }))
            .ShouldBe(HttpStatusCode.Created).Json["voteId"]!;
        (await app.Post($"/api/votes/{vote}/close", "{\"tally\":{\"yes\":2147483647,\"no\":2147483647,\"abstain\":2}}"))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "tally", "only");
        Assert.Equal("open", (string?)(await app.Get($"/api/votes/{vote}")).Json["status"]);
    }

    [Fact]
    public async Task A_deferral_beyond_a_year_and_a_budget_document_that_is_no_symbol_are_422()
    {
        var session = app.NewSession();
        await app.OpenMeeting(session);
        var draft = await app.Submit(session, 1);
        (await app.Post($"/api/drafts/{draft.Id()}/deferrals", new { expectedVersion = 1, deferredTo = "9999-12-31" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "deferredTo", "a year at most");
        (await app.Post($"/api/drafts/{draft.Id()}/budget-implications", new { expectedVersion = 1, hasImplications = true, documentSymbol = "str" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "documentSymbol", "A/C.3/64/L.70");
        Assert.Equal(1, (await app.Get($"/api/drafts/{draft.Id()}")).Json.Version());
    }
}
