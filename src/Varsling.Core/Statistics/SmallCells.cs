namespace Varsling.Core.Statistics;

/// <summary>
/// A count as it may be shown: counts from 1 to <see cref="SmallCells.Threshold"/> − 1 are suppressed ("&lt;5"), so
/// nobody is re-identified from a small group; zero is shown, since it describes nobody.
/// </summary>
public readonly record struct Cell(int Value, bool Suppressed)
{
    public override string ToString() => Suppressed ? $"<{SmallCells.Threshold}" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A labelled row of a table whose counts are suppressed as a whole.</summary>
public sealed record CountRow(string Label, Cell Count);

/// <summary>Small-cell suppression for tables of counts with a shown total.</summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static Cell Single(int value) => new(value, value is > 0 and < Threshold);

    /// <summary>
    /// Suppresses every small count, and — when exactly one count in the table is suppressed — also the smallest
    /// shown non-zero count, because the one hidden value could otherwise be recovered from the total.
    /// </summary>
    public static IReadOnlyList<CountRow> Table(IEnumerable<(string Label, int Count)> rows)
    {
        var list = rows.Select(r => new CountRow(r.Label, Single(r.Count))).ToList();
        if (list.Count(r => r.Count.Suppressed) == 1)
        {
            var next = list.Where(r => !r.Count.Suppressed && r.Count.Value > 0).OrderBy(r => r.Count.Value).FirstOrDefault();
            if (next is not null)
            {
                var i = list.IndexOf(next);
                list[i] = next with { Count = next.Count with { Suppressed = true } };
            }
        }

        return list;
    }
}
