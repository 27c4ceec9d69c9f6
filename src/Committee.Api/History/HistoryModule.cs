using Committee.Infrastructure;
using Marten;

namespace Committee.History;

public static class HistoryModule
{
    public static IServiceCollection AddHistory(this IServiceCollection services) =>
        services.AddSingleton<IFeedReadModel, SearchReadModel>()
            .AddScoped<DocumentImport>()
            .AddSingleton<ReadModelRebuild>()
            .ConfigureMarten(opts =>
            {
                opts.Schema.For<SearchParagraph>().Index(p => p.DraftId).FullTextIndex(SearchEndpoint.Language, p => p.Text);
                // A rebuild writes the projected documents with COPY rather than one upsert each.
                opts.Projections.RebuildWithBulkCopy = true;
            });
}
