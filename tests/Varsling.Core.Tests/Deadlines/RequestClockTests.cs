using Varsling.Core.Deadlines;
using static Varsling.Core.Tests.Deadlines.Dates;

namespace Varsling.Core.Tests.Deadlines;

public class RequestClockTests
{
    // Received Mon 10 March 2025 in Oslo: the first month ends Thu 10 April, at 2025-04-10T22:00Z (CEST).
    private static readonly DateTimeOffset ReceivedAt = Utc("2025-03-10T09:00:00Z");

    [Fact]
    public void Compute_NoExtension_DueOneMonthAfterReceipt()
    {
        var deadline = RequestClock.Compute(ReceivedAt, Jurisdictions.Norway, extensionRecordedAt: null);

        Assert.False(deadline.Extended);
        Assert.Equal(Day("2025-04-10"), deadline.Response.Due);
        Assert.Equal(Utc("2025-04-10T22:00:00Z"), deadline.Response.DueEndUtc);
        Assert.Equal(Utc("2025-04-10T22:00:00Z"), deadline.ExtensionWindowEndUtc);
    }

    [Fact]
    public void Compute_ExtensionOnTheLastDayOfTheFirstMonth_DueThreeMonthsAfterReceipt()
    {
        var deadline = RequestClock.Compute(ReceivedAt, Jurisdictions.Norway, Utc("2025-04-10T21:59:59Z"));

        Assert.True(deadline.Extended);
        Assert.Equal(Day("2025-06-10"), deadline.Response.Due);
    }

    [Theory]
    [InlineData("2025-04-10T22:00:00Z")] // 00:00 on 11 April in Oslo
    [InlineData("2025-04-11T09:00:00Z")]
    public void Compute_ExtensionAfterTheFirstMonth_IsRefused(string recordedAt)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            RequestClock.Compute(ReceivedAt, Jurisdictions.Norway, Utc(recordedAt)));

        Assert.Equal("extensionRecordedAt", ex.ParamName);
        Assert.Contains("only within the first month", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2025-04-10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ExtensionBeforeReceipt_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            RequestClock.Compute(ReceivedAt, Jurisdictions.Norway, Utc("2025-03-10T08:00:00Z")));

        Assert.Contains("cannot precede receipt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FirstMonthEndsOnHolidays_RollsForwardAndSoDoesTheExtensionWindow()
    {
        // Received 17 March: one month is Maundy Thursday 17 April 2025 → Tue 22 April.
        var receivedAt = Utc("2025-03-17T09:00:00Z");

        var plain = RequestClock.Compute(receivedAt, Jurisdictions.Norway, extensionRecordedAt: null);
        var extendedOnEasterSaturday = RequestClock.Compute(receivedAt, Jurisdictions.Norway, Utc("2025-04-19T10:00:00Z"));

        Assert.Equal(Day("2025-04-22"), plain.Response.Due);
        Assert.Equal(Day("2025-04-17"), plain.Response.Target);
        Assert.Equal(Day("2025-06-17"), extendedOnEasterSaturday.Response.Due);
    }

    [Fact]
    public void Compute_ReceivedOn31January_ExtensionCountsThreeMonthsFromReceiptNotTwoFromTheFirstDueDate()
    {
        var receivedAt = Utc("2025-01-31T09:00:00Z");

        var plain = RequestClock.Compute(receivedAt, Jurisdictions.Norway, extensionRecordedAt: null);
        var extended = RequestClock.Compute(receivedAt, Jurisdictions.Norway, Utc("2025-02-20T09:00:00Z"));

        Assert.Equal(Day("2025-02-28"), plain.Response.Due);
        Assert.Equal(Day("2025-04-30"), extended.Response.Due);
    }

    [Theory]
    [InlineData("2025-03-10T08:59:59Z", false)]
    [InlineData("2025-03-10T09:00:00Z", true)]
    [InlineData("2025-04-10T21:59:59Z", true)]
    [InlineData("2025-04-10T22:00:00Z", false)]
    [InlineData("2025-05-01T09:00:00Z", false)]
    public void CanExtend_AgreesWithWhatComputeAccepts(string at, bool expected)
    {
        Assert.Equal(expected, RequestClock.CanExtend(ReceivedAt, Jurisdictions.Norway, Utc(at)));

        var accepted = Record.Exception(() => RequestClock.Compute(ReceivedAt, Jurisdictions.Norway, Utc(at))) is null;
        Assert.Equal(expected, accepted);
    }

    [Fact]
    public void ReportedPersonNoticeDue_OneMonthEndingOn17MayWeekend_RollsToMonday()
    {
        // 17 May 2025 is a Saturday and Constitution Day.
        var deadline = RequestClock.ReportedPersonNoticeDue(Utc("2025-04-17T10:00:00Z"), Jurisdictions.Norway);

        Assert.Equal(Day("2025-05-19"), deadline.Due);
        Assert.Equal(Day("2025-05-17"), deadline.Target);
    }

    [Fact]
    public void ReportedPersonNoticeDue_ReferenceJustBeforeUtcMidnight_CountsFromTheLocalDate()
    {
        // 22:30 UTC on Wed 9 April is 00:30 on 10 April in Oslo: due Sat 10 May → Mon 12 May (not Fri 9 May).
        var deadline = RequestClock.ReportedPersonNoticeDue(Utc("2025-04-09T22:30:00Z"), Jurisdictions.Norway);

        Assert.Equal(Day("2025-05-12"), deadline.Due);
        Assert.Equal(Utc("2025-05-12T22:00:00Z"), deadline.DueEndUtc);
    }
}
