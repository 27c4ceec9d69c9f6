using System.Net;

namespace Committee.Api.Tests;

[Collection(nameof(CommitteeCollection))]
public sealed class ServiceTests(CommitteeApp app)
{
    [Fact]
    public async Task Health_checks_the_database()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/health"); s.StatusCodeShouldBe(200); });
        Assert.Equal("Healthy", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task Every_endpoint_is_documented_in_openapi_with_a_browsable_page()
    {
        var document = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Json;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var action in new[] { "introduction", "revisions", "corrections", "sponsors", "sponsor-withdrawals", "oral-revisions",
                     "budget-implications", "deferrals", "withdrawal", "adoption-without-vote", "history", "addenda", "notes" })
            Assert.Contains($"/api/drafts/{{id}}/{action}", paths);
        Assert.Contains("/api/drafts", paths);
        Assert.Contains("/api/sessions/{session}/meetings", paths);
        Assert.Contains("/api/sessions/{session}/sponsorship-by-group", paths);
        var sponsors = document["paths"]!["/api/drafts/{id}/sponsors"]!;
        Assert.NotNull(sponsors["get"]);
        Assert.NotNull(sponsors["post"]!["responses"]!["403"]);
        Assert.NotNull(document["paths"]!["/api/drafts"]!["post"]!["requestBody"]);

        await app.Host.Scenario(s => { s.Get.Url("/docs"); s.StatusCodeShouldBe(302); s.Header("Location").SingleValueShouldMatch(new System.Text.RegularExpressions.Regex("docs/$")); });
        var page = await app.Host.Scenario(s => { s.Get.Url("/docs/"); s.StatusCodeShouldBe(200); });
        Assert.Contains("<html", await page.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Member_states_are_listed_by_the_names_in_use_on_a_date()
    {
        var in2009 = (await app.Get("/api/delegations?date=2009-11-10")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal(192, in2009.Count);
        Assert.Contains(in2009, s => (string)s!["name"]! == "Turkey");
        var in2023 = (await app.Get("/api/delegations?date=2023-11-10")).Json.AsArray();
        Assert.Equal(193, in2023.Count);
        Assert.Contains(in2023, s => (string)s!["name"]! == "Türkiye");
    }
}
