using Committee.Infrastructure;
using Marten;

namespace Committee.Sponsorship;

public static class SponsorshipModule
{
    public static IServiceCollection AddSponsorship(this IServiceCollection services) =>
        services.AddSingleton<IFeedReadModel, DelegationSponsorshipsReadModel>()
            .AddSingleton<IFeedReadModel, DraftSponsorsReadModel>()
            .AddSingleton<IFeedReadModel, SessionSponsorshipReadModel>()
            .ConfigureMarten(opts => opts.Schema.For<DelegationSponsorships>().Index(d => d.Session));
}
