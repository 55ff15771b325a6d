using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Varsling.Testing;

/// <summary>
/// Captures every log entry a host writes, at every level, with its scopes, state values and exception text, so a
/// test can prove that something (an address, a marker string) never reaches any log.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public string AllText => string.Join('\n', _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            owner._scopes.ForEachScope((scope, list) =>
            {
                list.Add("scope: " + scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopeValues)
                {
                    list.AddRange(scopeValues.Select(v => $"{v.Key}={v.Value}"));
                }
            }, parts);
            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            owner._entries.Enqueue(string.Join(" | ", parts));
        }
    }
}
