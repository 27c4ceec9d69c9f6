using JasperFx.Events.Projections;
using Marten;

namespace Committee.Drafts;

public static class DraftsModule
{
    public static IServiceCollection AddDrafts(this IServiceCollection services) =>
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Add<DraftProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<DraftSymbolProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Draft>().Index(d => d.Session);
        });
}
