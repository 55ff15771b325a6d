using Varsling.Intake;
using Varsling.Intake.Anonymity;
using Varsling.Intake.Reporting;
using Varsling.WebCommon;

var builder = WebApplication.CreateBuilder(args);
builder.AddIntakeWeb();

var app = builder.Build();
app.UseAnonymousRequests();
app.UseVarslingWeb(DependencyInjection.UseIntakeEndpoints);
app.MapIntakeApi();
app.MapLoadBaseline();
app.Run();

/// <summary>The intake host's entry point, visible to the test host.</summary>
public partial class Program;
