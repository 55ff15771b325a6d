using System.Globalization;

namespace Varsling.Core.Tests.Deadlines;

/// <summary>ISO 8601 literals for readable test data ([InlineData] cannot hold dates).</summary>
internal static class Dates
{
    public static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Utc(string isoInstant) =>
        DateTimeOffset.Parse(isoInstant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
