using System.Globalization;

namespace Varsling.Benchmarks;

/// <summary>Reads a scenario's <c>--name value</c> options.</summary>
internal static class Options
{
    public static int Int(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n
                    : throw new ArgumentException($"{name} must be a whole number greater than 0.");
            }
        }

        return fallback;
    }
}
