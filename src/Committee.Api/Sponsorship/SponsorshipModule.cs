using Committee.Infrastructure;
using Marten;

namespace Committee.Sponsorship;

public static class SponsorshipModule
{
    public static IServiceCollection AddSponsorship(this IServiceCollection services) =>
        services.AddReadModel<DelegationSponsorshipsProjection>()
            .AddReadModel<SessionSponsorshipProjection>()
            .ConfigureMarten(opts =>
            {
                opts.Schema.For<DelegationDraftSponsorship>().Index(d => d.Iso3);
                opts.Schema.For<DraftCountedSponsors>().Index(d => d.Session);
            });
}
