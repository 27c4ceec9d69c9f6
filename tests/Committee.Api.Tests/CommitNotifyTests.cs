using System.Diagnostics;
using Committee.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Committee.Api.Tests;

/// <summary>Other nodes learn of a commit by one NOTIFY after it, sent only by a node where the daemon does not run:
/// the daemon's own node wakes it in process.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class CommitNotifyTests(CommitteeApp app)
{
    [Fact]
    public async Task A_node_without_the_daemon_notifies_the_others_of_its_commits()
    {
        var signal = new CommitSignal(new ConfigurationBuilder().Build());
        signal.Raise();
        Assert.False(signal.DaemonRunsHere);
        using var read = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await using var toSend = signal.NotificationsToSend(read.Token).GetAsyncEnumerator(read.Token);
        Assert.True(await toSend.MoveNextAsync());
    }

    [Fact]
    public async Task The_daemons_own_node_sends_no_notify_for_its_commits()
    {
        var signal = app.Host.Services.GetRequiredService<CommitSignal>();
        var waited = Stopwatch.StartNew();
        while (!signal.DaemonRunsHere && waited.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(signal.DaemonRunsHere, "the test host's daemon never started waiting for commits");

        await using var listener = new NpgsqlConnection(CommitteeApp.ConnectionString);
        await listener.OpenAsync(TestContext.Current.CancellationToken);
        var notified = 0;
        listener.Notification += (_, _) => Interlocked.Increment(ref notified);
        await using (var listen = new NpgsqlCommand($"listen {signal.Channel}", listener)) await listen.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

        await app.Submit(app.NewSession(), 1);
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        quiet.CancelAfter(TimeSpan.FromSeconds(1));
        try { while (true) await listener.WaitAsync(quiet.Token); }
        catch (OperationCanceledException) { /* a second without a notification */ }
        Assert.Equal(0, notified);
    }
}
