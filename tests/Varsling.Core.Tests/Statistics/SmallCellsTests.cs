using Varsling.Core.Statistics;

namespace Varsling.Core.Tests.Statistics;

public sealed class SmallCellsTests
{
    [Theory]
    [InlineData(0, false, "0")]
    [InlineData(1, true, "<5")]
    [InlineData(4, true, "<5")]
    [InlineData(5, false, "5")]
    [InlineData(120, false, "120")]
    public void Single_SuppressesOneToFour(int value, bool suppressed, string shown)
    {
        var cell = SmallCells.Single(value);

        Assert.Equal(suppressed, cell.Suppressed);
        Assert.Equal(shown, cell.ToString());
    }

    [Fact]
    public void Table_WithOneSmallCell_AlsoHidesTheSmallestShownCell()
    {
        var table = SmallCells.Table([("a", 40), ("b", 3), ("c", 9), ("d", 0)]);

        Assert.Equal(["40", "<5", "<5", "0"], table.Select(r => r.Count.ToString()));
    }

    [Fact]
    public void Table_WithTwoSmallCells_HidesOnlyThem()
    {
        var table = SmallCells.Table([("a", 40), ("b", 3), ("c", 1), ("d", 9)]);

        Assert.Equal(["40", "<5", "<5", "9"], table.Select(r => r.Count.ToString()));
    }

    [Fact]
    public void Table_WithNoSmallCells_ShowsEverything()
    {
        var table = SmallCells.Table([("a", 5), ("b", 0), ("c", 17)]);

        Assert.All(table, r => Assert.False(r.Count.Suppressed));
    }
}
