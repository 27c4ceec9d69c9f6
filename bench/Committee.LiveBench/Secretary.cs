using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Committee.LiveBench;

/// <summary>One command as the secretary saw it: when it left, when its response arrived (headers read), and the
/// draft's version after it, which identifies its event (draft id, version).</summary>
public readonly record struct Recorded(int Index, string Kind, long SentAt, long AnsweredAt, long Version, bool Measured);

/// <summary>The secretary's console: one HTTP connection, commands one after another, as a person records them.</summary>
public sealed class Secretary : IDisposable
{
    private readonly HttpClient _http;

    public Secretary(Uri baseUrl, string token)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Tables a draft in the session (L.1, or the next free number if the symbol is taken).</summary>
    public async Task<(Guid Id, long Version)> SubmitDraftAsync(int session, CancellationToken cancellation)
    {
        for (var number = 1; number <= 20; number++)
        {
            var body = new
            {
                symbol = $"A/C.3/{session}/L.{number}",
                title = "Improving the coordination of efforts against trafficking in persons",
                session,
                agendaItem = "104",
                agendaItemTitle = "Crime prevention and criminal justice",
                date = "2009-11-10",
                sponsors = new object[] { "Belarus", new { delegation = "Zambia", onBehalfOf = "African Group" } },
                preamble = new[] { "Recalling its resolution 63/194 of 18 December 2008,", "Recalling also Economic and Social Council resolution 2008/33," },
                operative = new[] { "Urges Governments to continue their efforts,", "Requests the Secretary-General to report,", "Decides to remain seized of the matter." },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/drafts") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await _http.SendAsync(request, cancellation);
            var text = await response.Content.ReadAsStringAsync(cancellation);
            if (response.StatusCode == HttpStatusCode.Conflict) continue;
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"POST /api/drafts answered {(int)response.StatusCode}: {text}");
            var draft = JsonNode.Parse(text)!;
            return (Guid.Parse((string)draft["id"]!), (long)draft["version"]!);
        }
        throw new InvalidOperationException($"session {session} already has drafts L.1 to L.20: use another --session");
    }

    /// <summary>Chile joins the sponsors (even steps) or withdraws (odd steps): the list stays valid however long the run.</summary>
    public async Task<Recorded> RecordAsync(int index, Guid draftId, long expectedVersion, bool measured, CancellationToken cancellation)
    {
        var joining = index % 2 == 0;
        var path = joining ? $"api/drafts/{draftId}/sponsors" : $"api/drafts/{draftId}/sponsor-withdrawals";
        var body = new { expectedVersion, delegations = new[] { joining ? "Chile" : "CHL" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        // Serialise the body before the clock starts: the send time is when the request leaves.
        await request.Content.LoadIntoBufferAsync(cancellation);

        var sent = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        var answered = Stopwatch.GetTimestamp();
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"POST /{path} (version {expectedVersion}) answered {(int)response.StatusCode}: {text}");
        var version = (long)JsonNode.Parse(text)!["version"]!;
        if (version != expectedVersion + 1)
            throw new InvalidOperationException($"POST /{path}: expected version {expectedVersion + 1}, the answer says {version}");
        return new Recorded(index, joining ? "SponsorsJoined" : "SponsorshipWithdrawn", sent, answered, version, measured);
    }

    public void Dispose() => _http.Dispose();
}
