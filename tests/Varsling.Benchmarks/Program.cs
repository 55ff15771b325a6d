using System.Reflection;
using Varsling.Benchmarks;

// Scenarios are found by reflection so each lives in its own file and adding one touches nothing else.
var scenarios = typeof(IScenario).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IScenario).IsAssignableFrom(t))
    .Select(t => (IScenario)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? scenarios.SingleOrDefault(s => s.Name == args[0]) : null;
if (chosen is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Varsling.Benchmarks -- <scenario> [options]");
    foreach (var s in scenarios)
    {
        Console.Error.WriteLine($"  {s.Name,-12} {s.Description}");
    }

    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await chosen.RunAsync(args.Skip(1).ToList(), cancel.Token);
