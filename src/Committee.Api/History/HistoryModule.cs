using Committee.Infrastructure;
using JasperFx.Events.Projections;
using Marten;

namespace Committee.History;

public static class HistoryModule
{
    public static IServiceCollection AddHistory(this IServiceCollection services) =>
        services.AddReadModel<SearchProjection>()
            .AddScoped<DocumentImport>()
            .AddSingleton<ReadModelRebuild>()
            .AddSingleton<SnapshotReplay>()
            .ConfigureMarten(opts =>
            {
                opts.Schema.For<SearchParagraph>().Index(p => p.DraftId).FullTextIndex(SearchEndpoint.Language, p => p.Text);
                // For the projections Marten rebuilds itself (those SnapshotReplay does not handle): the latest state
                // of each document kept in memory and written once, with COPY rather than one upsert each (the large
                // pages they are read in are ReadModelRebuild's). Applies to the projections registered before this
                // module: AddHistory comes after the other modules in Program.
                opts.Projections.RebuildWithBulkCopy = true;
                foreach (var projection in opts.Projections.All.OfType<ProjectionBase>())
                    projection.Options.RebuildFlushThreshold = 100_000;
            });
}
