namespace Varsling.Worker.Cli;

/// <summary>A wrong command line: printed to stderr as it is, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>Parsed <c>--name value</c> and <c>--flag</c> options of one verb; unknown or repeated options are refused.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public Options(IEnumerable<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (flags.Contains(name))
            {
                Set(name, null);
            }
            else if (valueOptions.Contains(name))
            {
                if (!e.MoveNext() || e.Current.StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{name} needs a value.");
                }

                Set(name, e.Current);
            }
            else
            {
                throw new UsageException($"Unknown option '{name}'.");
            }
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Value(name) ?? throw new UsageException($"{name} is required.");

    private void Set(string name, string? value)
    {
        if (!_values.TryAdd(name, value))
        {
            throw new UsageException($"{name} is given more than once.");
        }
    }
}
