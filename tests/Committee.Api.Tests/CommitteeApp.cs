using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Http;
using Committee.Infrastructure;
using JasperFx.CommandLine;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Committee.Api.Tests;

/// <summary>One real server (Alba over the app's own Program) on its own PostgreSQL schema, shared by a collection.
/// Tests stay apart by using their own drafts and their own session numbers.</summary>
public sealed class CommitteeApp : IAsyncLifetime
{
    private static int _nextSession = 100;
    private readonly string _schema = $"test_{Guid.NewGuid():N}"[..20];
    private readonly (string Key, string Value)[] _settings;

    public CommitteeApp() : this([]) { }

    private CommitteeApp((string Key, string Value)[] settings) => _settings = settings;

    /// <summary>A host of its own with further settings; the test that makes it initializes and disposes it.</summary>
    public static CommitteeApp With(params (string Key, string Value)[] settings) => new(settings);

    public IAlbaHost Host { get; private set; } = null!;
    public string Secretariat { get; private set; } = "";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("COMMITTEE_TEST_CONNECTION")
        ?? throw new InvalidOperationException("COMMITTEE_TEST_CONNECTION is not set: scripts/test sets it (scripts/db status prints the private cluster's connection strings)");

    /// <summary>A session number no other test uses, so meetings and session views do not interfere.</summary>
    public int NewSession() => Interlocked.Increment(ref _nextSession);

    /// <summary>Today's date (UTC) as the API writes dates, after waiting out midnight if it is less than a minute
    /// away: a test that records actions of "today" must not see the day change between them.</summary>
    public static async Task<string> TodayAsync()
    {
        var untilMidnight = DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow;
        if (untilMidnight < TimeSpan.FromMinutes(1)) await Task.Delay(untilMidnight + TimeSpan.FromSeconds(1));
        return DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask InitializeAsync()
    {
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Committee", ConnectionString);
            builder.UseSetting("Committee:Schema", _schema);
            builder.UseSetting("Committee:Auth:SigningKey", "a-test-signing-key-that-is-long-enough-for-hmac");
            builder.UseSetting("Committee:Auth:RevocationRefresh", "00:00:00.2");
            // The tests read anonymously far faster than any person; ProtectionTests lowers it for an address of its own.
            builder.UseSetting("Committee:RateLimit:AnonymousPerSecond", "1000000");
            builder.UseSetting("Committee:RateLimit:AnonymousBurst", "1000000");
            foreach (var (key, value) in _settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            });
        });
        Secretariat = Host.Services.GetRequiredService<Tokens>().Issue(Roles.Secretariat);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {_schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public string Token(string role, string? iso3 = null) => Host.Services.GetRequiredService<Tokens>().Issue(role, iso3);

    /// <summary>Waits until the read models have seen everything committed so far.</summary>
    public Task ReadModelsCaughtUp() => Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Sends a request through the app's pipeline. Body: an object (serialized camelCase) or a raw string.</summary>
    public async Task<Reply> Send(HttpMethod method, string url, object? body = null, string? token = null, string? idempotencyKey = null,
        string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.ConfigureHttpContext(http =>
            {
                http.Request.Method = method.Method;
                var (path, query) = url.Split('?', 2) is var parts && parts.Length == 2 ? (parts[0], "?" + parts[1]) : (url, "");
                http.Request.Path = path;
                http.Request.QueryString = new QueryString(query);
                if (token is not null) http.Request.Headers.Authorization = $"Bearer {token}";
                if (idempotencyKey is not null) http.Request.Headers[StreamCommands.IdempotencyHeader] = idempotencyKey;
                if (headers is not null)
                    foreach (var (name, value) in headers) http.Request.Headers[name] = value;
                if (body is not null)
                {
                    var bytes = Encoding.UTF8.GetBytes(body as string ?? JsonSerializer.Serialize(body, Json.Options));
                    http.Request.ContentType = contentType;
                    http.Request.ContentLength = bytes.Length;
                    http.Request.Body = new MemoryStream(bytes);
                }
            });
            s.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        // Pages and CSV exports answer other media types: their body is not JSON.
        var json = text.Length > 0 && (result.Context.Response.ContentType ?? "application/json").Contains("json", StringComparison.OrdinalIgnoreCase);
        return new Reply((HttpStatusCode)result.Context.Response.StatusCode, json ? JsonNode.Parse(text) : null,
            result.Context.Response.Headers.Location.ToString(), result.Context.Response.Headers);
    }

    public Task<Reply> Post(string url, object? body, string? token = null, string? key = null) =>
        Send(HttpMethod.Post, url, body, token ?? Secretariat, key ?? Guid.NewGuid().ToString());

    public Task<Reply> Get(string url) => Send(HttpMethod.Get, url);
}

public sealed record Reply(HttpStatusCode Status, JsonNode? Body, string Location, IHeaderDictionary Headers)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException($"{Status} with no body");

    /// <summary>The global sequence of the command's last event (the reply's Committee-Sequence header).</summary>
    public long Sequence => long.Parse(Headers[StreamCommands.SequenceHeader].ToString());

    public Reply ShouldBe(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"expected {(int)expected} {expected}, got {(int)Status}: {Body?.ToJsonString()}");
        return this;
    }

    /// <summary>An RFC 9457 problem naming the field.</summary>
    public Reply ShouldBeProblem(HttpStatusCode expected, string field, string? reasonContains = null)
    {
        ShouldBe(expected);
        Assert.Equal((int)expected, (int)Json["status"]!);
        Assert.Equal(field, (string?)Json["field"]);
        if (reasonContains is not null) Assert.Contains(reasonContains, (string)Json["reason"]!, StringComparison.OrdinalIgnoreCase);
        return this;
    }
}

[CollectionDefinition(nameof(CommitteeCollection))]
public sealed class CommitteeCollection : ICollectionFixture<CommitteeApp>;
