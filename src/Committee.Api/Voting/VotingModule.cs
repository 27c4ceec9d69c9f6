using Committee.Infrastructure;
using JasperFx.Events.Projections;
using Marten;

namespace Committee.Voting;

public static class VotingModule
{
    public static IServiceCollection AddVoting(this IServiceCollection services) =>
        services.AddReadModel<VotingRecordsProjection>()
            .ConfigureMarten(opts =>
            {
                opts.Projections.Add<VoteProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<Vote>().Index(v => v.DraftId!);
                VotingRecords.Configure(opts);
            });
}
