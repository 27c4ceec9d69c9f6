using System.Net;
using Alba;
using Committee.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Committee.Api.Tests;

/// <summary>Security headers on every answer; anonymous callers rate-limited per address, token holders never.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class ProtectionTests(CommitteeApp app)
{
    [Theory]
    [InlineData("/api/delegations?date=2009-11-10", "frame-ancestors 'none'")]
    [InlineData("/floor", "default-src 'self'")]
    [InlineData("/openapi/v1.json", "object-src 'none'")]
    public async Task Every_answer_carries_the_security_headers(string url, string policyPart)
    {
        var result = await From(IPAddress.Loopback, url);
        var headers = result.Context.Response.Headers;
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Contains(policyPart, headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task Pages_may_run_only_the_apps_own_scripts()
    {
        var policy = (await From(IPAddress.Loopback, "/floor")).Context.Response.Headers.ContentSecurityPolicy.ToString();
        Assert.DoesNotContain("script-src", policy);   // default-src 'self': no inline script, no other origin
    }

    [Fact]
    public async Task An_address_reading_too_fast_without_a_token_gets_429_with_Retry_After_and_a_token_holder_is_never_limited()
    {
        var configuration = app.Host.Services.GetRequiredService<IConfiguration>();
        var address = IPAddress.Parse($"203.0.113.{Random.Shared.Next(1, 250)}");
        string? perSecond = configuration["Committee:RateLimit:AnonymousPerSecond"], burst = configuration["Committee:RateLimit:AnonymousBurst"];
        configuration["Committee:RateLimit:AnonymousPerSecond"] = "1";
        configuration["Committee:RateLimit:AnonymousBurst"] = "5";
        try
        {
            var statuses = new List<int>();
            for (var i = 0; i < 8; i++) statuses.Add((await From(address, "/api/delegations?date=2009-11-10")).Context.Response.StatusCode);
            Assert.Equal(Enumerable.Repeat(200, 5), statuses.Take(5));
            Assert.Contains(429, statuses.Skip(5));

            var refused = await From(address, "/api/delegations?date=2009-11-10");
            Assert.Equal(429, refused.Context.Response.StatusCode);
            Assert.True(int.Parse(refused.Context.Response.Headers.RetryAfter.ToString()) >= 1);
            Assert.Contains("too many requests", (await refused.ReadAsTextAsync()));

            var withToken = await From(address, "/api/delegations?date=2009-11-10", app.Token(Roles.Delegation, "KEN"));
            Assert.Equal(200, withToken.Context.Response.StatusCode);
            Assert.Equal(200, (await From(IPAddress.Parse("198.51.100.7"), "/api/delegations?date=2009-11-10")).Context.Response.StatusCode);
        }
        finally
        {
            configuration["Committee:RateLimit:AnonymousPerSecond"] = perSecond;
            configuration["Committee:RateLimit:AnonymousBurst"] = burst;
        }
    }

    private Task<IScenarioResult> From(IPAddress address, string url, string? token = null) => app.Host.Scenario(s =>
    {
        s.ConfigureHttpContext(http =>
        {
            http.Connection.RemoteIpAddress = address;
            if (token is not null) http.Request.Headers.Authorization = $"Bearer {token}";
        });
        s.Get.Url(url);
        s.IgnoreStatusCode();
    });
}
