using Committee.Infrastructure;
using JasperFx.Events.Projections;
using Marten;

namespace Committee.History;

public static class HistoryModule
{
    public static IServiceCollection AddHistory(this IServiceCollection services) =>
        services.AddSingleton<IFeedReadModel, SearchReadModel>()
            .AddScoped<DocumentImport>()
            .AddSingleton<ReadModelRebuild>()
            .AddSingleton<SnapshotReplay>()
            .ConfigureMarten(opts =>
            {
                opts.Schema.For<SearchParagraph>().Index(p => p.DraftId).FullTextIndex(SearchEndpoint.Language, p => p.Text);
                // A rebuild reads the events in large pages, keeps only the latest state of each document in memory and
                // writes it once, with COPY rather than one upsert each. (Applies to the projections registered before
                // this module: AddHistory comes last in Program.)
                opts.Projections.RebuildWithBulkCopy = true;
                foreach (var projection in opts.Projections.All.OfType<ProjectionBase>())
                {
                    projection.Options.BatchSize = 10_000;
                    projection.Options.RebuildFlushThreshold = 100_000;
                }
            });
}
