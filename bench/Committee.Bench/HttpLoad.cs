using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Committee.Bench;

/// <summary>The secretariat's command path over HTTP: each client owns one draft and alternates joining and
/// withdrawing Chile as a sponsor, each command with the version the previous reply gave and a new Idempotency-Key.</summary>
public sealed class HttpLoad(HttpClient http, int session, BenchAction action = BenchAction.Sponsors)
{
    private const string Delegation = "Chile";
    private int _nextSymbol;

    public static HttpClient CreateClient(Uri baseUrl, string token, int maxClients) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxClients * 2,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        };

    /// <summary>Opens a meeting of the session, so that the commands are recorded as floor actions of a meeting.</summary>
    public async Task OpenMeetingAsync()
    {
        using var reply = await http.PostAsync($"/api/sessions/{session}/meetings", Json("""{"date":"2009-11-12"}"""));
        if (reply.StatusCode == HttpStatusCode.Conflict) return; // a meeting of this session is already in progress
        await EnsureAsync(reply, "open a meeting");
    }

    /// <summary>Submits a draft of the session (Drafts.cs Submission in the API tests) and returns its id and version.</summary>
    public async Task<OwnedDraft> SubmitAsync()
    {
        var number = Interlocked.Increment(ref _nextSymbol);
        var body = JsonSerializer.Serialize(new
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
        });
        using var reply = await http.PostAsync("/api/drafts", Json(body));
        await EnsureAsync(reply, $"submit A/C.3/{session}/L.{number}");
        using var draft = JsonDocument.Parse(await reply.Content.ReadAsByteArrayAsync());
        return new OwnedDraft(draft.RootElement.GetProperty("id").GetGuid(), draft.RootElement.GetProperty("version").GetInt64(), ChileSponsors: false);
    }

    /// <summary>One join and one withdrawal outside any measurement, so that the server compiles both endpoints
    /// (Wolverine generates their code on first use) before the first warm-up.</summary>
    public async Task PrimeAsync()
    {
        var draft = await SubmitAsync();
        for (var i = 0; i < 2; i++)
        {
            var (path, body) = Command(draft);
            if (body is null) return; // a ceiling's GET has no code generated on first use
            using var reply = await Send(path, body);
            await EnsureAsync(reply, "prime " + path);
            draft = draft with { Version = ReadVersion(await reply.Content.ReadAsByteArrayAsync()), ChileSponsors = !draft.ChileSponsors };
        }
    }

    public async Task<ClientTally> RunClientAsync(OwnedDraft draft, Window window)
    {
        var tally = new ClientTally(window);
        while (window.Running)
        {
            var (path, body) = Command(draft);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var reply = body is null ? await http.GetAsync(path) : await Send(path, body);
                var content = await reply.Content.ReadAsByteArrayAsync();
                var completed = Stopwatch.GetTimestamp();
                // A ceiling's GET changes nothing; a command's reply gives the version to send next.
                if (reply.IsSuccessStatusCode || action == BenchAction.Redirect && reply.StatusCode == HttpStatusCode.Redirect)
                {
                    tally.Success(started, completed, content.Length);
                    if (body is not null) draft = draft with { Version = ReadVersion(content), ChileSponsors = !draft.ChileSponsors };
                    continue;
                }
                var status = (int)reply.StatusCode;
                tally.Failure(started, completed, status.ToString(CultureInfo.InvariantCulture),
                    $"{status} on {path}: {Encoding.UTF8.GetString(content.AsSpan(0, Math.Min(content.Length, 400)))}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                tally.Failure(started, Stopwatch.GetTimestamp(), e.GetType().Name, $"{e.GetType().Name} on {path}: {e.Message}");
            }
            draft = await ReloadAsync(draft);
        }
        return tally;
    }

    /// <summary>After an error: the draft's version and sponsors as the server has them.</summary>
    private async Task<OwnedDraft> ReloadAsync(OwnedDraft draft)
    {
        try
        {
            using var reply = await http.GetAsync($"/api/drafts/{draft.Id}");
            if (!reply.IsSuccessStatusCode) { await Task.Delay(100); return draft; }
            using var json = JsonDocument.Parse(await reply.Content.ReadAsByteArrayAsync());
            var sponsoring = json.RootElement.GetProperty("sponsors").EnumerateArray().Any(s =>
                s.GetProperty("iso3").GetString() == "CHL" && s.GetProperty("withdrawnAt").ValueKind == JsonValueKind.Null);
            return draft with { Version = json.RootElement.GetProperty("version").GetInt64(), ChileSponsors = sponsoring };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            await Task.Delay(100);
            return draft;
        }
    }

    /// <summary>The next action on the draft: Chile joins or withdraws; or budget implications, yes and no in turn
    /// (ChileSponsors then stands for "the last statement was yes"); or, for the ceilings, a GET (no body).</summary>
    private (string Path, byte[]? Body) Command(OwnedDraft draft) => action switch
    {
        BenchAction.Budget => ($"/api/drafts/{draft.Id}/budget-implications",
            Encoding.UTF8.GetBytes(draft.ChileSponsors
                ? $$"""{"expectedVersion":{{draft.Version}},"hasImplications":false}"""
                : $$"""{"expectedVersion":{{draft.Version}},"hasImplications":true,"statement":"A/C.3/64/L.70"}""")),
        BenchAction.Read => ($"/api/drafts/{draft.Id}", null),
        BenchAction.Redirect => ("/", null),
        _ => (draft.ChileSponsors ? $"/api/drafts/{draft.Id}/sponsor-withdrawals" : $"/api/drafts/{draft.Id}/sponsors",
            BaselineLoad.CommandBody(draft.Version, Delegation)),
    };

    private Task<HttpResponseMessage> Send(string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
    }

    /// <summary>The top-level "version" of a reply, without building a document of the whole draft.</summary>
    public static long ReadVersion(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("the reply is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("version"u8);
            reader.Read();
            if (isVersion) return reader.GetInt64();
            reader.Skip();
        }
        throw new JsonException("the reply has no version");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task EnsureAsync(HttpResponseMessage reply, string what)
    {
        if (reply.IsSuccessStatusCode) return;
        var body = await reply.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"could not {what}: {(int)reply.StatusCode} {body}");
    }
}

public sealed record OwnedDraft(Guid Id, long Version, bool ChileSponsors);
