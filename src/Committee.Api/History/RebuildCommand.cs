using JasperFx.CommandLine;

namespace Committee.History;

public sealed class RebuildInput;

[Description("Rebuilds every read model from the events, with progress; run it with the API stopped", Name = "rebuild")]
public sealed class RebuildCommand : JasperFxAsyncCommand<RebuildInput>
{
    [InjectService] public ReadModelRebuild Rebuild { get; set; } = null!;

    public override async Task<bool> Execute(RebuildInput input)
    {
        var report = await Rebuild.RunAsync(line => Console.WriteLine(line), CancellationToken.None);
        Console.WriteLine($"{report.Events:N0} events in {report.Took.TotalSeconds:F1} s: {report.EventsPerSecond:N0} events/s");
        return true;
    }
}
