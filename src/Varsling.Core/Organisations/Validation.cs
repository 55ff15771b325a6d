using System.Text.RegularExpressions;

namespace Varsling.Core.Organisations;

internal static partial class Slugs
{
    public const int MaxLength = 63;

    public static string Require(string slug)
    {
        var s = (slug ?? "").Trim();
        if (s.Length is 0 or > MaxLength || !Pattern().IsMatch(s))
        {
            throw new RuleViolationException(
                $"A URL name must be 1–{MaxLength} lower-case letters, digits or dashes, starting with a letter or digit.");
        }

        return s;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Pattern();
}

internal static class Names
{
    public const int MaxLength = 200;

    public static string Require(string name, string what)
    {
        var s = (name ?? "").Trim();
        if (s.Length is 0 or > MaxLength)
        {
            throw new RuleViolationException($"The {what} must be 1–{MaxLength} characters.");
        }

        return s;
    }
}

internal static class Retention
{
    /// <summary>Upper bound so a typo cannot keep cases for a century; ten years covers the longest archive rules.</summary>
    public const int MaxMonths = 120;

    public static int Require(int months) => months is >= 1 and <= MaxMonths
        ? months
        : throw new RuleViolationException($"Retention must be between 1 and {MaxMonths} months after closure.");
}

internal static class JurisdictionCodes
{
    public static string Require(string code)
    {
        if (!Deadlines.Jurisdictions.TryGet(code, out var jurisdiction) || jurisdiction is null)
        {
            throw new RuleViolationException(
                $"Unknown jurisdiction '{code}'. Known: {string.Join(", ", Deadlines.Jurisdictions.All.Select(j => j.Code))}.");
        }

        return jurisdiction.Code;
    }
}

internal static class Texts
{
    public const int ContactMaxLength = 500;
    public const int ProcessorsMaxLength = 2000;
    public const int TransfersMaxLength = 2000;

    public static string Require(string value, string what, int max)
    {
        var s = (value ?? "").Trim();
        return s.Length is 0 || s.Length > max ? throw new RuleViolationException($"The {what} must be 1–{max} characters.") : s;
    }

    public static string? Optional(string? value, string what, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : Require(value, what, max);
}

internal static class Reminders
{
    /// <summary>A reminder more than this many days before or after a due date is no longer about that deadline.</summary>
    public const int MaxOffsetDays = 60;

    public const int MaxOffsets = 6;

    public const int MaxPurgeNoticeDays = 90;

    public static int[] RequireOffsets(IReadOnlyCollection<int> offsets)
    {
        var distinct = offsets.Distinct().Order().ToArray();
        if (distinct.Length is 0 or > MaxOffsets || distinct.Any(d => d is < -MaxOffsetDays or > MaxOffsetDays))
        {
            throw new RuleViolationException(
                $"Give 1–{MaxOffsets} reminder days between -{MaxOffsetDays} and {MaxOffsetDays} (negative before the due date, 0 on it, positive after).");
        }

        return distinct;
    }

    public static int RequirePurgeNotice(int days) => days is >= 1 and <= MaxPurgeNoticeDays
        ? days
        : throw new RuleViolationException($"The purge notice must be between 1 and {MaxPurgeNoticeDays} days.");
}

internal static class Questions
{
    public const int MaxLength = 500;

    /// <summary>Keeps the report form short enough to finish and within the no-JavaScript form's field limit.</summary>
    public const int MaxPerChannel = 10;
}
