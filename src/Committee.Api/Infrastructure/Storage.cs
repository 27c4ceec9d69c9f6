using Committee.Drafts;
using Committee.Floor;
using Committee.Sponsorship;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace Committee.Infrastructure;

public static class Storage
{
    /// <summary>The event store and its documents, in the schema named by Committee:Schema (tests give each host its own).</summary>
    public static IServiceCollection AddCommitteeStore(this IServiceCollection services, IConfiguration configuration)
    {
        var schema = configuration["Committee:Schema"] ?? "committee";
        services.AddMarten(opts =>
            {
                opts.Connection(configuration.GetConnectionString("Committee")
                    ?? throw new InvalidOperationException("ConnectionStrings:Committee is not set (scripts/run sets it to the embedded cluster)"));
                opts.DatabaseSchemaName = schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                opts.Events.AppendMode = EventAppendMode.Quick;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Events.AddEventTypes([
                    typeof(DraftSubmitted), typeof(DraftIntroduced), typeof(DraftRevised), typeof(DraftCorrected),
                    typeof(DraftOrallyRevised), typeof(ProgrammeBudgetImplicationsStated), typeof(ActionDeferred),
                    typeof(DraftWithdrawn), typeof(AdoptedWithoutVote), typeof(SponsorsJoined), typeof(SponsorshipWithdrawn),
                    typeof(MeetingOpened), typeof(MeetingClosed), typeof(AgendaItemTakenUp), typeof(DraftTakenUp),
                ]);
                opts.Projections.Add<DraftProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<SessionFloorProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<DraftSymbolProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<Draft>().Index(d => d.Session);
                opts.Schema.For<DelegationSponsorships>().Index(d => d.Session);
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(x => x.MessageStorageSchemaName = schema);
        services.AddSingleton<EventFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<EventFeed>());
        services.AddSingleton<IEventFeedSubscriber, ReadModelFeed>();
        services.AddScoped<StreamCommands>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static void UseCommitteeWolverine(this WolverineOptions opts, IHostEnvironment environment)
    {
        // Production images carry code generated at build time (Dockerfile: codegen write); elsewhere it is compiled at start.
        opts.CodeGeneration.TypeLoadMode = environment.IsProduction() ? TypeLoadMode.Auto : TypeLoadMode.Dynamic;
        opts.ApplicationAssembly = typeof(Storage).Assembly;
        opts.Policies.AutoApplyTransactions();
        opts.Durability.Mode = DurabilityMode.Solo;
    }
}
