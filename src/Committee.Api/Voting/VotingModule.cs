using Committee.Infrastructure;
using Marten;

namespace Committee.Voting;

public static class VotingModule
{
    public static IServiceCollection AddVoting(this IServiceCollection services) =>
        services.AddReadModel<VotingRecordsProjection>()
            .ConfigureMarten(VotingRecords.Configure);
}
