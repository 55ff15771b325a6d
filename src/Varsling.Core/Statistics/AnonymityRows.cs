namespace Varsling.Core.Statistics;

/// <summary>
/// How many cases were filed without and with an identity, and the anonymous share. When either count is from 1
/// to <see cref="SmallCells.Threshold"/> − 1, both counts and the share are suppressed together, since the case
/// total is shown elsewhere and one of them would give the other away.
/// </summary>
public sealed record AnonymityRow(string Label, Cell Anonymous, Cell Identified)
{
    public bool Suppressed => Anonymous.Suppressed;

    /// <summary>0–100, the anonymous share rounded to a whole percent; null when suppressed or there are no cases.</summary>
    public int? AnonymousPercent { get; init; }
}

/// <summary>Small-cell suppression for the anonymous share, overall and per row of a breakdown.</summary>
public static class AnonymityRows
{
    public static AnonymityRow Row(string label, int anonymous, int identified)
    {
        var suppressed = SmallCells.Single(anonymous).Suppressed || SmallCells.Single(identified).Suppressed;
        var total = anonymous + identified;
        return new AnonymityRow(label, new Cell(anonymous, suppressed), new Cell(identified, suppressed))
        {
            AnonymousPercent = suppressed || total == 0
                ? null
                : (int)Math.Round(100.0 * anonymous / total, MidpointRounding.AwayFromZero),
        };
    }

    /// <summary>
    /// The rows of a breakdown whose sums are the shown <paramref name="overall"/> row. When exactly one row is
    /// suppressed while the overall row is shown, its counts would follow by subtraction, so the shown row with the
    /// fewest cases is suppressed too.
    /// </summary>
    public static IReadOnlyList<AnonymityRow> Table(AnonymityRow overall, IEnumerable<(string Label, int Anonymous, int Identified)> rows)
    {
        var list = rows.Select(r => Row(r.Label, r.Anonymous, r.Identified)).ToList();
        if (!overall.Suppressed && list.Count(r => r.Suppressed) == 1)
        {
            var next = list.Where(r => !r.Suppressed && r.Anonymous.Value + r.Identified.Value > 0)
                .OrderBy(r => r.Anonymous.Value + r.Identified.Value).FirstOrDefault();
            if (next is not null)
            {
                list[list.IndexOf(next)] = next with
                {
                    Anonymous = next.Anonymous with { Suppressed = true },
                    Identified = next.Identified with { Suppressed = true },
                    AnonymousPercent = null,
                };
            }
        }

        return list;
    }
}
