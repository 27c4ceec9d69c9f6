using Committee.Infrastructure;
using Marten;

namespace Committee.Floor;

public static class FloorModule
{
    public static IServiceCollection AddFloor(this IServiceCollection services) =>
        services.AddReadModel<SessionDraftsProjection>()
            .ConfigureMarten(opts => opts.Schema.For<SessionDraft>().Index(d => d.Session));
}
