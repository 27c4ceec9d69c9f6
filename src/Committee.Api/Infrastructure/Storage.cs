using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Committee.Infrastructure;

public static class Storage
{
    /// <summary>The event store and its documents, in the schema named by Committee:Schema (tests give each host its own).
    /// Read models and the live push run on Marten's async daemon, one node of several at a time (Committee:Daemon:
    /// HotCold by default; Disabled for a node that only records commands).</summary>
    public static IServiceCollection AddCommitteeStore(this IServiceCollection services, IConfiguration configuration)
    {
        var schema = SchemaOf(configuration);
        services.AddMarten(opts =>
            {
                opts.Connection(Prepared(configuration.GetConnectionString("Committee")
                    ?? throw new InvalidOperationException("ConnectionStrings:Committee is not set (scripts/run sets it to the embedded cluster)")));
                opts.DatabaseSchemaName = schema;
                // Stored documents and events leave out what is null: a draft's sponsor entries are mostly nulls
                // (withdrawal, meeting, on behalf of), and every command writes its draft whole (docs/performance.md).
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
                    json => json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
                opts.Events.AppendMode = EventAppendMode.Quick;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                // The inline projections go on from the aggregate a command fetched instead of loading it again.
                opts.Events.UseIdentityMapForAggregates = true;
                // Every event type of the application is known to the store up front, whatever module declares it.
                opts.Events.AddEventTypes(CommitteeEvents.OfKind<ICommitteeEvent>());
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                ConfigureDaemon(opts, schema);
                Idempotency.Configure(opts);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(configuration.GetValue("Committee:Daemon", DaemonMode.HotCold))
            .IntegrateWithWolverine(x => x.MessageStorageSchemaName = schema);
        services.AddSingleton<CommitSignal>();
        services.AddSingleton<CommitWakeup>();
        services.ConfigureMarten((sp, opts) => opts.Projections.Wakeup = sp.GetRequiredService<CommitWakeup>());
        services.AddHostedService<CommitListener>();
        services.AddSingleton<Freshness>();
        services.AddSingleton<Idempotency>();
        services.AddHostedService<IdempotencyExpiry>();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<ReadModelHealthCheck>("read models");
        return services;
    }

    /// <summary>The connection string with Npgsql's automatic preparation on, unless it says otherwise: a command's
    /// statements are the same each time, and a pooled connection then keeps its prepared statements and PostgreSQL's
    /// plans for Marten's append function, which the full reset (DISCARD ALL) of an unprepared pool throws away at
    /// every return. Measured: 1 client 119 → 217 floor actions/s, 16 clients about 310 → 601 (docs/performance.md).</summary>
    private static string Prepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 100;
        return builder.ConnectionString;
    }

    public static string SchemaOf(IConfiguration configuration) => configuration["Committee:Schema"] ?? "committee";

    /// <summary>A read model that fails on an event records it as a dead letter (DeadLetterEvent), skips it and goes on;
    /// the others never wait for it. Commits wake the daemon (<see cref="CommitWakeup"/>); polling is the fallback.</summary>
    private static void ConfigureDaemon(StoreOptions opts, string schema)
    {
        foreach (var errors in new[] { opts.Projections.Errors, opts.Projections.RebuildErrors })
        {
            errors.SkipApplyErrors = true;
            errors.SkipSerializationErrors = true;
            errors.SkipUnknownEvents = true;
        }
        opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
        opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
        opts.Projections.StaleSequenceThreshold = TimeSpan.FromSeconds(1);
        opts.Projections.LeadershipPollingTime = 1000;
        // One leader per schema: hosts on other schemas of the same database (tests) each run their own daemon.
        opts.Projections.DaemonLockId = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"committee/daemon/{schema}")));
    }

    public static void UseCommitteeWolverine(this WolverineOptions opts, IConfiguration configuration)
    {
        // The image carries the code generated at build time (Dockerfile: codegen write, Committee:PregeneratedCode);
        // everywhere else it is compiled at start, so that generated code never goes stale in a working copy.
        opts.CodeGeneration.TypeLoadMode = configuration.GetValue<bool>("Committee:PregeneratedCode") ? TypeLoadMode.Static : TypeLoadMode.Dynamic;
        opts.ApplicationAssembly = typeof(Storage).Assembly;
        opts.Policies.AutoApplyTransactions();
        opts.Durability.Mode = DurabilityMode.Solo;
    }

    /// <summary>Outside development every endpoint is built before the server listens: once /health answers, the first
    /// command is served at once (built on its first request, it took 2–3 s).</summary>
    public static void UseCommitteeEndpoints(this WolverineHttpOptions opts, IHostEnvironment environment)
    {
        opts.RejectUnparseableQueryValues = true;
        opts.WarmUpRoutes = environment.IsDevelopment() ? RouteWarmup.Lazy : RouteWarmup.Eager;
    }
}
