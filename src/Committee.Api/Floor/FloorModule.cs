using Committee.Infrastructure;
using JasperFx.Events.Projections;
using Marten;

namespace Committee.Floor;

public static class FloorModule
{
    public static IServiceCollection AddFloor(this IServiceCollection services) =>
        services.AddSingleton<IFeedReadModel, SessionViewReadModel>()
            .ConfigureMarten(opts => opts.Projections.Add<SessionFloorProjection>(ProjectionLifecycle.Inline));
}
