using Microsoft.AspNetCore.Diagnostics;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Committee.Infrastructure;

public static class Web
{
    /// <summary>Bodies larger than this are refused with 400 before they are read.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IServiceCollection AddCommitteeWeb(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => Json.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            // Every write needs a bearer token (scripts/token): declared, so "Try it" in /docs can send one.
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "A token from scripts/token secretariat, or scripts/token delegation ISO3",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        return services;
    }

    public static WebApplication UseCommitteeWeb(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteUnexpected });
        app.UseStatusCodePages();
        app.Use(RefuseOversizedBodies);
        app.UseAuthentication();
        app.UseCommitteeProtection();
        app.UseAuthorization();
        app.UseRequestChecks();
        app.MapOpenApi();
        // The reference works offline on the Committee's own network: its script is served by the app, the fonts are
        // the browser's own, and nothing calls out (no agent, no MCP, no telemetry, no developer toolbar).
        app.MapScalarApiReference("/docs", o => o.WithTitle("Committee API")
            .AddPreferredSecuritySchemes([BearerScheme]).AddHttpAuthentication(BearerScheme, _ => { })
            .DisableDefaultFonts().DisableAgent().DisableMcp().DisableTelemetry().HideDeveloperTools().HideClientButton()
            .WithOperationTitleSource(OperationTitleSource.Path));
        app.MapHealthChecks("/health");
        app.UseStaticFiles();
        foreach (var page in Pages) app.MapGet($"/{page}", () => Results.File(Path.Combine(app.Environment.WebRootPath, $"{page}.html"), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet("/", () => Results.Redirect("/docs")).ExcludeFromDescription();
        return app;
    }

    private const string BearerScheme = "Bearer";

    /// <summary>The pages the app serves itself, from wwwroot: no external CDN, they work on the Committee's own network.</summary>
    private static readonly string[] Pages = ["floor", "console", "delegation"];

    private static Task RefuseOversizedBodies(HttpContext http, RequestDelegate next) =>
        http.Request.ContentLength > MaxBodyBytes
            ? Problems.For(Refusal.Invalid("body", $"the request body is larger than {MaxBodyBytes / 1024} KiB")).ExecuteAsync(http)
            : next(http);

    /// <summary>Never a stack trace: a body that could not be read is the client's (400), anything else a plain 500.</summary>
    private static Task WriteUnexpected(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = error switch
        {
            BadHttpRequestException bad => Problems.For(Refusal.Invalid("body", bad.Message)),
            Refusal refusal => Problems.For(refusal),
            _ when Protection.IsDatabaseOutage(error) => Protection.Outage(),
            _ => Results.Problem(statusCode: 500, title: "The server could not complete the request", detail: "The error has been logged."),
        };
        return result.ExecuteAsync(http);
    }
}
