using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>One node of several leads: it projects the read models and, with a SignalR backplane, publishes the live
/// pushes. Leadership is a PostgreSQL advisory lock held on a connection of its own: when that node or its connection
/// dies the lock is released and another node takes over within seconds.</summary>
public sealed class Leadership(IDocumentStore store, IConfiguration configuration, ILogger<Leadership> logger) : BackgroundService
{
    private readonly long _key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"committee/leader/{configuration["Committee:Schema"] ?? "committee"}")));
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
                await connection.OpenAsync(stopping);
                while (!stopping.IsCancellationRequested)
                {
                    await using var command = new NpgsqlCommand(_isLeader ? "select true" : $"select pg_try_advisory_lock({_key})", connection);
                    var held = (bool)(await command.ExecuteScalarAsync(stopping))!;
                    if (held && !_isLeader) logger.LogInformation("This node now leads (projects read models, publishes live pushes)");
                    _isLeader = held;
                    await Task.Delay(_isLeader ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(1), stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                _isLeader = false;
                logger.LogWarning(e, "Lost the leadership connection; retrying in 1 s");
                await Task.Delay(TimeSpan.FromSeconds(1), stopping);
            }
        }
        _isLeader = false;
    }
}
