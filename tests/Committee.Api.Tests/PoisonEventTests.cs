using System.Net;
using Committee.Domain;
using Committee.History;
using Committee.Infrastructure;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;

namespace Committee.Api.Tests;

[Collection(nameof(CommitteeCollection))]
public sealed class PoisonEventTests(CommitteeApp app)
{
    [Fact]
    public async Task A_read_model_failing_on_an_event_records_it_skips_it_and_the_others_go_on()
    {
        var session = app.NewSession();
        // The API refuses a paragraph this long (Limits.Paragraph); an event recorded before that limit can still hold one.
        var tooLong = new string('a', SearchProjection.MaxIndexedCharacters + 1);
        var draftId = Guid.CreateVersion7();
        await using (var write = app.Store.LightweightSession())
        {
            write.Events.StartStream<Draft>(draftId, new DraftSubmitted(draftId, $"A/C.3/{session}/L.1", "A draft with one enormous paragraph", session,
                "104", "Crime prevention", new DateOnly(2009, 11, 10), [new Sponsor("BLR", "Belarus")], [tooLong],
                ["Decides to remain seized of the matter."], DateTimeOffset.UtcNow));
            await write.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var id = draftId.ToString();
        var next = (await app.Submit(session, 2)).Id();
        await app.ReadModelsCaughtUp();

        // The search index skipped the poisoned draft and indexed the next one; the other read models have both.
        await using var query = app.Store.QuerySession();
        var dead = await query.Query<DeadLetterEvent>().ToListAsync(TestContext.Current.CancellationToken);
        var letter = Assert.Single(dead);
        Assert.Equal(nameof(SearchProjection), letter.ProjectionName);
        Assert.Contains("more than the search index takes", letter.ExceptionMessage);
        Assert.Equal(nameof(InvalidOperationException), letter.ExceptionType);
        var hits = (await app.Get($"/api/search?q=coordination&session={session}")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Contains(hits, h => (string?)h!["draftId"] == next);
        Assert.DoesNotContain(hits, h => (string?)h!["draftId"] == id);
        var view = (await app.Get($"/api/sessions/{session}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(2, view["agendaItems"]!.AsArray().SelectMany(i => i!["drafts"]!.AsArray()).Count());

        var health = await app.Host.Scenario(s => { s.Get.Url("/health"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Degraded", await health.ReadAsTextAsync());

        // The fix (here: a revision with a paragraph of a sane length), then the replay of what was skipped.
        (await app.Post($"/api/drafts/{id}/revisions", new
        {
            expectedVersion = 1, symbol = $"A/C.3/{session}/L.1/Rev.1", date = "2009-11-12", sponsors = new[] { "Belarus" },
            preamble = new[] { "Recalling the coordination of its efforts," }, operative = new[] { "Decides to remain seized of the matter." },
        })).ShouldBe(HttpStatusCode.OK);
        Assert.True(await new DeadLettersCommand { Store = app.Store, Services = app.Host.Services }.Execute(new DeadLettersInput { ReplayFlag = true }));
        await using var after = app.Store.QuerySession();
        Assert.Empty(await after.Query<DeadLetterEvent>().ToListAsync(TestContext.Current.CancellationToken));
        health = await app.Host.Scenario(s => { s.Get.Url("/health"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Healthy", await health.ReadAsTextAsync());
    }
}
