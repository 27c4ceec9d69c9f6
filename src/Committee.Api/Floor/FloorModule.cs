using Committee.Infrastructure;
using JasperFx.Events.Projections;
using Marten;

namespace Committee.Floor;

public static class FloorModule
{
    public static IServiceCollection AddFloor(this IServiceCollection services) =>
        services.AddStreamCommands<FloorContext, FloorContextReader>()
            .AddReadModel<SessionDraftsProjection>()
            .ConfigureMarten(opts =>
            {
                opts.Projections.Add<SessionFloorProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<SessionDraft>().Index(d => d.Session);
            });
}
