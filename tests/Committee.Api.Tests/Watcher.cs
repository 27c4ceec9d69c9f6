using System.Text.Json.Nodes;
using System.Threading.Channels;
using Committee.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace Committee.Api.Tests;

/// <summary>A real SignalR client on the app's hub, over the test server's WebSockets: what it receives, in order.</summary>
internal sealed class Watcher : IAsyncDisposable
{
    private readonly HubConnection _connection;
    public Channel<JsonObject> Received { get; } = Channel.CreateUnbounded<JsonObject>();

    public Watcher(TestServer server, string? token = null)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl($"http://localhost{FloorHub.Path}", o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, cancellation) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (token is not null) client.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {token}";
                    return await client.ConnectAsync(context.Uri, cancellation);
                };
            })
            .Build();
        _connection.On<JsonObject>(FloorHub.EventMessage, e => Received.Writer.TryWrite(e));
    }

    public async Task<long> Watch(string method, object argument)
    {
        if (_connection.State == HubConnectionState.Disconnected) await _connection.StartAsync();
        return await _connection.InvokeAsync<long>(method, argument);
    }

    public Task Connect() => _connection.StartAsync();

    public Task Drop() => _connection.StopAsync();

    public async Task<List<JsonObject>> Take(int count)
    {
        var events = new List<JsonObject>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (events.Count < count) events.Add(await Received.Reader.ReadAsync(timeout.Token));
        return events;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
