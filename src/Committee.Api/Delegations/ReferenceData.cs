namespace Committee.Delegations;

public static class ReferenceData
{
    /// <summary>Loads the Member States at start from Committee:ReferenceData:MemberStates, or from the shared data
    /// folder beside the repository (../shared/data/member-states.csv).</summary>
    public static IServiceCollection AddReferenceData(this IServiceCollection services, IConfiguration configuration)
    {
        var path = configuration["Committee:ReferenceData:MemberStates"] ?? FindShared("member-states.csv")
            ?? throw new InvalidOperationException("member-states.csv not found: set Committee:ReferenceData:MemberStates");
        services.AddSingleton(MemberStates.Load(path));
        return services;
    }

    private static string? FindShared(string file)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "shared", "data", file)))
                    return Path.Combine(dir.FullName, "shared", "data", file);
        return null;
    }
}
