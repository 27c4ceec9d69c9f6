using Committee.Delegations;
using Committee.Domain;
using Committee.Floor;
using Committee.Imports;
using Committee.Live;
using Committee.History;
using Committee.Sponsorship;
using Committee.Infrastructure;
using Committee.Voting;
using JasperFx;
using Wolverine;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddReferenceData(builder.Configuration)
    .AddCommitteeStore(builder.Configuration)
    .AddDomain()
    .AddSponsorship()
    .AddFloor()
    .AddLive(builder.Configuration)
    .AddImports()
    .AddHistory()
    .AddVoting()
    .AddCommitteeSecurity(builder.Configuration)
    .AddCommitteeWeb()
    .AddCommitteeProtection(builder.Configuration)
    .AddCommitteeTelemetry(builder.Configuration)
    .AddWolverineHttp();
builder.Host.UseWolverine(opts => opts.UseCommitteeWolverine(builder.Configuration));

var app = builder.Build();
app.UseCommitteeWeb();
app.MapCommitteeMetrics();
app.MapLive();
app.MapWolverineEndpoints(opts => opts.UseCommitteeEndpoints(app.Environment));

return await app.RunJasperFxCommands(args);

public partial class Program;
