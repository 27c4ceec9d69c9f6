using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// Loaded into the server, not the bench: <c>scripts/bench --server-variant …</c> starts Committee.Api with
/// DOTNET_STARTUP_HOOKS pointing at this assembly and COMMITTEE_BENCH_SERVER_VARIANT set, to measure the same build
/// with one part taken out, without editing src/. Just before the host is built (the "HostBuilding" diagnostic
/// event, which also lets WebApplicationFactory reach into minimal-hosting apps) it removes from the service
/// collection (the event carries an IHostBuilder adapter whose ConfigureServices callbacks run right after it, on the
/// same collection, once Program has registered everything):
/// <list type="bullet">
/// <item><c>no-feed</c>: every hosted service that runs an event feed (a factory returning <c>EventFeed</c> or a
/// subclass: the read-model feed, and the live feed where there is one): no event is read back, no read model is
/// projected; the commands still signal their commits, to nobody;</item>
/// <item><c>no-read-models</c>: only the read-model projection. Up to beaf809: the feed's subscriber <c>ReadModelFeed</c>
/// (the feed still reads every event and saves its checkpoint); from b8f0b40 on: the hosted <c>ReadModelsFeed</c>
/// (the live feed still runs).</item>
/// </list>
/// A variant whose registration is not found, or a host built without the event having been seen, stops the server:
/// a renamed type or a changed start-up must not yield a silent comparison.
/// The class must be called StartupHook and live in no namespace (.NET startup hooks).
/// </summary>
internal static class StartupHook
{
    public const string VariableName = "COMMITTEE_BENCH_SERVER_VARIANT";

    public static void Initialize()
    {
        var variant = Environment.GetEnvironmentVariable(VariableName);
        if (string.IsNullOrEmpty(variant)) return;
        if (variant is not ("no-feed" or "no-read-models"))
            throw new InvalidOperationException($"{VariableName}={variant}: expected no-feed or no-read-models");
        var applied = false;
        DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name != "Microsoft.Extensions.Hosting") return;
            listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
            {
                switch (e.Key, e.Value)
                {
                    case ("HostBuilding", IHostApplicationBuilder builder):
                        Remove(builder.Services, variant);
                        applied = true;
                        break;
                    case ("HostBuilding", IHostBuilder builder):
                        builder.ConfigureServices((_, services) => Remove(services, variant));
                        applied = true;
                        break;
                    case ("HostBuilt", _) when !applied:
                        throw new InvalidOperationException($"{VariableName}={variant}: the host was built without a HostBuilding event this hook understands");
                }
            }));
        }));
    }

    private static void Remove(IServiceCollection services, string variant)
    {
        Func<ServiceDescriptor, bool> match = variant == "no-feed"
            // services.AddHostedService(sp => sp.GetRequiredService<EventFeed>()), …<ReadModelsFeed>(), …<LiveFeed>()
            ? d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService && IsFeed(d.ImplementationFactory?.Method.ReturnType)
            // services.AddSingleton<IEventFeedSubscriber, ReadModelFeed>() (up to beaf809)
            : d => (d.ServiceType.FullName == "Committee.Infrastructure.IEventFeedSubscriber" && !d.IsKeyedService
                    && d.ImplementationType?.FullName == "Committee.Infrastructure.ReadModelFeed")
                   // services.AddHostedService(sp => sp.GetRequiredService<ReadModelsFeed>()) (from b8f0b40 on)
                   || (d.ServiceType == typeof(IHostedService) && !d.IsKeyedService
                       && d.ImplementationFactory?.Method.ReturnType.FullName == "Committee.Infrastructure.ReadModelsFeed");
        var found = services.Where(match).ToList();
        if (found.Count == 0)
            throw new InvalidOperationException($"{VariableName}={variant}: the registration to remove was not found; update bench/Committee.Bench/StartupHook.cs");
        foreach (var descriptor in found) services.Remove(descriptor);
        Console.Error.WriteLine($"[bench] server variant {variant}: removed {string.Join(", ", found.Select(Describe))}");
    }

    private static bool IsFeed(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.FullName == "Committee.Infrastructure.EventFeed") return true;
        return false;
    }

    private static string Describe(ServiceDescriptor d) =>
        $"{d.ServiceType.Name} → {d.ImplementationType?.Name ?? d.ImplementationFactory?.Method.ReturnType.Name ?? "?"}";

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);
        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }
}
