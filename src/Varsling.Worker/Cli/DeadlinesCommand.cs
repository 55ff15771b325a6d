using System.Globalization;
using System.Text.Json;
using Varsling.Core.Deadlines;

namespace Varsling.Worker.Cli;

/// <summary>
/// <c>deadlines</c>: prints the clock's answer for a hypothetical case as one JSON object, so anyone can check the
/// counting rules without a database. Dates are local calendar dates in the jurisdiction's time zone.
/// </summary>
internal static class DeadlinesCommand
{
    public const string Usage =
        "deadlines --jurisdiction NO|SE|DK|EU --received <instant> [--acknowledged <instant>] [--closed <instant>] " +
        "[--external [--extension-reason <text>]] [--retention-months <n>]";

    private static readonly HashSet<string> s_values =
        ["--jurisdiction", "--received", "--acknowledged", "--closed", "--extension-reason", "--retention-months"];

    private static readonly HashSet<string> s_flags = ["--external"];

    public static int Run(IEnumerable<string> args, TextWriter stdout)
    {
        var options = new Options(args, s_values, s_flags);
        var code = options.Required("--jurisdiction");
        if (!Jurisdictions.TryGet(code, out var jurisdiction) || jurisdiction is null)
        {
            throw new UsageException(
                $"Unknown jurisdiction '{code}'. Known: {string.Join(", ", Jurisdictions.All.Select(j => j.Code))}.");
        }

        var received = Instant(options, "--received") ?? throw new UsageException("--received is required.");
        var acknowledged = Instant(options, "--acknowledged");
        var closed = Instant(options, "--closed");
        var external = options.Has("--external");
        var reason = options.Value("--extension-reason");
        if (reason is not null && !external)
        {
            throw new UsageException("--extension-reason applies only with --external (internal channels have no extension).");
        }

        var policy = ClockPolicy.Default;
        if (options.Value("--retention-months") is { } months)
        {
            policy = policy with { RetentionMonths = int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 120
                ? m
                : throw new UsageException("--retention-months must be a whole number from 1 to 120.") };
        }

        CaseDeadlines result;
        try
        {
            result = CaseClock.Compute(new CaseClockInput(received, acknowledged, closed, external, reason), jurisdiction, policy);
        }
        catch (ArgumentException e)
        {
            // ArgumentException appends "(Parameter 'input')", which means nothing to an operator.
            throw new UsageException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }

        var json = new Dictionary<string, object?>
        {
            ["jurisdiction"] = jurisdiction.Code,
            ["timeZone"] = jurisdiction.TimeZoneId,
            ["received"] = Date(jurisdiction.LocalDate(received)),
            ["acknowledgementDue"] = Date(result.Acknowledgement.Due),
            ["acknowledgementTarget"] = Date(result.Acknowledgement.Target),
            ["feedbackDue"] = Date(result.Feedback.Due),
            ["feedbackTarget"] = Date(result.Feedback.Target),
        };
        if (external)
        {
            json["feedbackExtended"] = result.FeedbackExtended;
        }

        if (result.PurgeDue is { } purge)
        {
            json["purgeDue"] = Date(purge);
        }

        stdout.WriteLine(JsonSerializer.Serialize(json));
        return 0;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 instant with an explicit offset (<c>Z</c> or <c>+01:00</c>); a bare local time is ambiguous and refused.</summary>
    private static DateTimeOffset? Instant(Options options, string name)
    {
        if (options.Value(name) is not { } text)
        {
            return null;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new UsageException($"{name} must be an ISO 8601 instant with an offset, e.g. 2025-03-10T09:00:00Z; got '{text}'.");
        }

        return value;
    }
}
