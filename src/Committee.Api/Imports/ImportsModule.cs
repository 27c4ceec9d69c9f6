namespace Committee.Imports;

public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services) => services.AddScoped<UndlImport>();
}
