using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
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
                // Every event type of the application is known to the store up front, whatever module declares it.
                opts.Events.AddEventTypes(CommitteeEvents.OfKind<ICommitteeEvent>());
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(x => x.MessageStorageSchemaName = schema);
        services.AddSingleton<CommitSignal>();
        services.AddHostedService<CommitListener>();
        services.AddSingleton<Leadership>();
        services.AddHostedService(sp => sp.GetRequiredService<Leadership>());
        services.AddSingleton<ReadModelDispatch>();
        services.AddSingleton<ReadModelsFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadModelsFeed>());
        services.AddSingleton<FeedReadModels>();
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
