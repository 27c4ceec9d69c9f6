using Committee.Infrastructure;

namespace Committee.Live;

public static class LiveModule
{
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(o => Json.Configure(o.PayloadSerializerOptions));
        services.AddSingleton<LiveRouting>();
        services.AddSingleton<IEventFeedSubscriber, LivePush>();
        return services;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<FloorHub>(FloorHub.Path);
        return app;
    }
}
