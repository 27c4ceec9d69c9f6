using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Committee.LiveBench;

/// <summary>The fields of the server's LiveEvent a watcher needs; the rest of the message (data, delegations) is
/// parsed over and dropped, as a real client that ignores a field would.</summary>
public sealed record PushedEvent(long Sequence, Guid StreamId, long Version, string Type, int? Session, Guid? DraftId);

/// <summary>One receipt: the event and the moment the watcher's handler ran (Stopwatch timestamp of this process).</summary>
public readonly record struct Receipt(long Sequence, Guid StreamId, long Version, int? Session, long At);

/// <summary>One SignalR connection to /hubs/floor that records each "event" message as it arrives.</summary>
public sealed class Watcher : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _lock = new();
    private List<Receipt> _receipts = new(256);
    private int? _session;
    private HashSet<(Guid, long)> _seen = [];

    public int Index { get; }
    public int Disconnects { get; private set; }
    public Exception? LastError { get; private set; }

    /// <summary>Called for each receipt that the current scenario expects (first time only).</summary>
    public Action? OnExpectedReceipt { get; set; }

    public Watcher(int index, Uri baseUrl)
    {
        Index = index;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "hubs/floor"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        // 1000 connections and the server on 2 cores: a watcher can be starved for a while; that is latency, not a
        // reason to drop the connection (the default server time-out is 30 s).
        _connection.ServerTimeout = TimeSpan.FromSeconds(120);
        _connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        _connection.On<PushedEvent>("event", Receive);
        _connection.Closed += error =>
        {
            lock (_lock)
            {
                Disconnects++;
                LastError = error;
            }
            return Task.CompletedTask;
        };
    }

    public HubConnectionState State => _connection.State;

    private void Receive(PushedEvent e)
    {
        var at = Stopwatch.GetTimestamp();
        var receipt = new Receipt(e.Sequence, e.StreamId, e.Version, e.Session, at);
        bool expectedFirst;
        lock (_lock)
        {
            _receipts.Add(receipt);
            expectedFirst = _session is { } session && e.Session == session && _seen.Add((e.StreamId, e.Version));
        }
        if (expectedFirst) OnExpectedReceipt?.Invoke();
    }

    public async Task ConnectAsync(CancellationToken cancellation)
    {
        await _connection.StartAsync(cancellation);
    }

    public Task<long> WatchSessionAsync(int session, CancellationToken cancellation) =>
        _connection.InvokeAsync<long>("WatchSession", session, cancellation);

    public Task<long> WatchDraftAsync(Guid draftId, CancellationToken cancellation) =>
        _connection.InvokeAsync<long>("WatchDraft", draftId, cancellation);

    /// <summary>Starts a scenario: forget earlier receipts; from now on each event of the session, seen for the first
    /// time, is reported through <see cref="OnExpectedReceipt"/>.</summary>
    public void Reset(int session)
    {
        lock (_lock)
        {
            _receipts = new List<Receipt>(_receipts.Capacity);
            _seen = [];
            _session = session;
        }
    }

    public List<Receipt> Take()
    {
        lock (_lock)
        {
            var taken = _receipts;
            _receipts = new List<Receipt>(taken.Capacity);
            _session = null;
            return taken;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
