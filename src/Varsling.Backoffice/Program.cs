using Varsling.Backoffice;
using Varsling.WebCommon;

var builder = WebApplication.CreateBuilder(args);
builder.AddBackofficeWeb();

var app = builder.Build();
app.UseBackofficeWeb();
app.Run();

/// <summary>The back office's entry point, visible to the test host.</summary>
public partial class Program;
