using Committee.Infrastructure;
using JasperFx.Events.Projections;
using Marten;

namespace Committee.Domain;

public static class DomainModule
{
    /// <summary>The aggregates' snapshots, kept inline (in the transaction of their events), and the command pipeline
    /// that decides on them in the floor's context.</summary>
    public static IServiceCollection AddDomain(this IServiceCollection services) =>
        services.AddStreamCommands<FloorContext, FloorContextReader>()
            .ConfigureMarten(opts =>
            {
                opts.Projections.Add<DraftProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<DraftSymbolProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<SessionFloorProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<VoteProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<Draft>().Index(d => d.Session);
                opts.Schema.For<Vote>().Index(v => v.DraftId!);
            });
}
