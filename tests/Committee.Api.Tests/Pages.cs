using System.Net;

namespace Committee.Api.Tests;

public sealed record PageReply(HttpStatusCode Status, string ContentType, string Text);

public static class Pages
{
    /// <summary>A page as a browser gets it: status, content type and HTML.</summary>
    public static async Task<PageReply> Page(this CommitteeApp app, string url)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        return new PageReply((HttpStatusCode)result.Context.Response.StatusCode, result.Context.Response.ContentType ?? "", await result.ReadAsTextAsync());
    }
}
