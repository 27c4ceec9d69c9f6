using Committee.Infrastructure;
using Marten;

namespace Committee.Live;

public static class LiveModule
{
    /// <summary>Committee:Redis names a Redis server to share pushes between nodes (SignalR's backplane); without it
    /// each node pushes to its own watchers.</summary>
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR().AddJsonProtocol(o => Json.Configure(o.PayloadSerializerOptions));
        if (configuration["Committee:Redis"] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix =
                StackExchange.Redis.RedisChannel.Literal($"committee-{configuration["Committee:Schema"] ?? "committee"}"));
        services.AddSingleton<LiveRouting>();
        services.AddSingleton<LivePush>();
        services.AddSingleton<LiveProgress>();
        services.ConfigureMarten((sp, opts) => opts.Projections.Subscribe(sp.GetRequiredService<LivePush>()));
        return services;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<FloorHub>(FloorHub.Path).RequireAuthorization(Security.WatcherPolicy);
        return app;
    }
}
