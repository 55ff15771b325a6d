using Varsling.Core.Deadlines;
using static Varsling.Core.Tests.Deadlines.Dates;

namespace Varsling.Core.Tests.Deadlines;

public class CaseClockTests
{
    private static CaseDeadlines Compute(
        string receivedAt,
        string? acknowledgedAt = null,
        string? closedAt = null,
        bool external = false,
        string? extensionReason = null,
        Jurisdiction? jurisdiction = null,
        ClockPolicy? policy = null) =>
        CaseClock.Compute(
            new CaseClockInput(
                Utc(receivedAt),
                acknowledgedAt is null ? null : Utc(acknowledgedAt),
                closedAt is null ? null : Utc(closedAt),
                external,
                extensionReason),
            jurisdiction ?? Jurisdictions.Norway,
            policy ?? ClockPolicy.Default);

    [Fact]
    public void Compute_ComplianceExampleOne_AcknowledgementDueMonday17MarchAndFeedbackRollsToMonday16June()
    {
        var deadlines = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-14T10:00:00Z");

        Assert.Equal(Day("2025-03-17"), deadlines.Acknowledgement.Due);
        Assert.Equal(Day("2025-06-16"), deadlines.Feedback.Due);
        Assert.False(deadlines.FeedbackExtended);
        Assert.Null(deadlines.PurgeDue);
    }

    [Fact]
    public void Compute_ComplianceExampleTwo_NoAcknowledgementCountsFromDaySevenToWednesday7May()
    {
        var deadlines = Compute(receivedAt: "2025-01-31T12:00:00Z");

        Assert.Equal(Day("2025-02-07"), deadlines.Acknowledgement.Due);
        Assert.Equal(Day("2025-05-07"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_DefaultPolicy_TargetsAreNominalEndMinusBufferWithoutRollForward()
    {
        var deadlines = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-14T10:00:00Z");

        Assert.Equal(Day("2025-03-15"), deadlines.Acknowledgement.Target); // 17 Mar - 2, a Saturday
        Assert.Equal(Day("2025-05-31"), deadlines.Feedback.Target);        // 14 Jun - 14, a Saturday
    }

    [Fact]
    public void Compute_CustomBuffers_MoveOnlyTheTargets()
    {
        var deadlines = Compute(
            receivedAt: "2025-03-10T09:00:00Z",
            acknowledgedAt: "2025-03-14T10:00:00Z",
            policy: new ClockPolicy(AcknowledgementBufferDays: 0, FeedbackBufferDays: 30));

        Assert.Equal(Day("2025-03-17"), deadlines.Acknowledgement.Target);
        Assert.Equal(Day("2025-05-15"), deadlines.Feedback.Target);
        Assert.Equal(Day("2025-03-17"), deadlines.Acknowledgement.Due);
        Assert.Equal(Day("2025-06-16"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_DueEndUtc_IsTheStartOfTheLocalDayAfterTheDueDate()
    {
        var deadlines = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-14T10:00:00Z");

        Assert.Equal(Utc("2025-03-17T23:00:00Z"), deadlines.Acknowledgement.DueEndUtc); // CET
        Assert.Equal(Utc("2025-06-16T22:00:00Z"), deadlines.Feedback.DueEndUtc);        // CEST
    }

    [Fact]
    public void Compute_ReceivedJustBeforeUtcMidnight_CountsFromTheLocalDate()
    {
        // 23:30 UTC on Sunday 9 March is 00:30 on Monday 10 March in Oslo.
        var deadlines = Compute(receivedAt: "2025-03-09T23:30:00Z");

        Assert.Equal(Day("2025-03-17"), deadlines.Acknowledgement.Due);
    }

    [Fact]
    public void Compute_ReceivedJustBeforeUtcMidnightInSummer_CountsFromTheLocalDate()
    {
        // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (UTC+2).
        var deadlines = Compute(receivedAt: "2025-06-30T22:30:00Z");

        Assert.Equal(Day("2025-07-08"), deadlines.Acknowledgement.Due);
        Assert.Equal(Day("2025-10-08"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_AcknowledgedJustBeforeUtcMidnight_FeedbackCountsFromTheLocalDate()
    {
        // Acknowledged 00:15 on Wednesday 12 March in Oslo: 3 months is 12 June, not 11 June.
        var deadlines = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-11T23:15:00Z");

        Assert.Equal(Day("2025-06-12"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_ReceivedOnDaylightSavingStartDay_DueEndUsesSummerOffset()
    {
        // Sunday 30 March 2025 has 23 hours in Oslo; day 7 is Sunday 6 April, rolled to Monday 7 April.
        var deadlines = Compute(receivedAt: "2025-03-29T23:30:00Z");

        Assert.Equal(Day("2025-04-07"), deadlines.Acknowledgement.Due);
        Assert.Equal(Utc("2025-04-07T22:00:00Z"), deadlines.Acknowledgement.DueEndUtc);
    }

    [Fact]
    public void Compute_DueDayIsDaylightSavingEndDay_DueEndIsTwentyFiveHoursAfterItsStart()
    {
        // Received Sunday 19 October; day 7 is Sunday 26 October (25 hours long), rolled to Monday 27 October.
        var deadlines = Compute(receivedAt: "2025-10-19T12:00:00Z");

        Assert.Equal(Day("2025-10-27"), deadlines.Acknowledgement.Due);
        Assert.Equal(Utc("2025-10-27T23:00:00Z"), deadlines.Acknowledgement.DueEndUtc);
    }

    [Fact]
    public void Compute_DaySevenOnSaturdayWithoutAcknowledgement_FeedbackCountsFromDaySevenNotTheRolledDay()
    {
        // Received Sat 15 Feb: day 7 is Sat 22 Feb (ack due Mon 24 Feb). Feedback counts from 22 Feb → Thu 22 May;
        // the later reading (from 24 Feb) would have given Mon 26 May.
        var deadlines = Compute(receivedAt: "2025-02-15T10:00:00Z");

        Assert.Equal(Day("2025-02-24"), deadlines.Acknowledgement.Due);
        Assert.Equal(Day("2025-05-22"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_AcknowledgedAfterDaySeven_FeedbackStillCountsFromDaySeven()
    {
        // Received Mon 10 Mar, acknowledged late on Wed 19 Mar: feedback counts from 17 Mar → Tue 17 Jun.
        var deadlines = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-19T09:00:00Z");

        Assert.Equal(Day("2025-06-17"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_AcknowledgedOnRolledForwardDueDay_FeedbackCountsFromDaySeven()
    {
        // Received Sat 15 Feb, acknowledged on time on Mon 24 Feb (day 7 was a Saturday): still from 22 Feb.
        var deadlines = Compute(receivedAt: "2025-02-15T10:00:00Z", acknowledgedAt: "2025-02-24T09:00:00Z");

        Assert.Equal(Day("2025-05-22"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_AcknowledgedOnTheDayOfReceipt_FeedbackCountsFromThatDay()
    {
        var deadlines = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-10T09:05:00Z");

        Assert.Equal(Day("2025-06-10"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_FeedbackNominalEndOnEndOfMonth_UsesTheMonthsLastDay()
    {
        // Acknowledged 30 Nov 2024: 3 months ends 28 Feb 2025 (a Friday), not "90 days".
        var deadlines = Compute(receivedAt: "2024-11-29T09:00:00Z", acknowledgedAt: "2024-11-30T09:00:00Z");

        Assert.Equal(Day("2025-02-28"), deadlines.Feedback.Due);
    }

    [Fact]
    public void Compute_AcknowledgementDayOnNorwegianHolidays_RollsPastThem()
    {
        // Day 7 is Wed 17 May 2023; Thu 18 May is Ascension Day.
        Assert.Equal(Day("2023-05-19"), Compute(receivedAt: "2023-05-10T09:00:00Z").Acknowledgement.Due);
        // Day 7 is Maundy Thursday 2025: Thursday to Easter Monday are all closed.
        Assert.Equal(Day("2025-04-22"), Compute(receivedAt: "2025-04-10T09:00:00Z").Acknowledgement.Due);
        // Day 7 is Christmas Day 2025 (Thursday), then Boxing Day and a weekend.
        Assert.Equal(Day("2025-12-29"), Compute(receivedAt: "2025-12-18T09:00:00Z").Acknowledgement.Due);
    }

    [Fact]
    public void Compute_SwedishEntity_RollsOverMidsummerEve()
    {
        // Day 7 is Midsummer Eve, Fri 20 June 2025; in Norway the same case is due that day.
        Assert.Equal(Day("2025-06-23"), Compute(receivedAt: "2025-06-13T09:00:00Z", jurisdiction: Jurisdictions.Sweden).Acknowledgement.Due);
        Assert.Equal(Day("2025-06-20"), Compute(receivedAt: "2025-06-13T09:00:00Z").Acknowledgement.Due);
    }

    [Fact]
    public void Compute_ExternalChannelWithExtensionReason_FeedbackIsSixMonths()
    {
        // Acknowledged Fri 14 Mar: 6 months ends Sun 14 Sep → Mon 15 Sep.
        var deadlines = Compute(
            receivedAt: "2025-03-10T09:00:00Z",
            acknowledgedAt: "2025-03-14T10:00:00Z",
            external: true,
            extensionReason: "Several witnesses abroad; justified under Art. 11(2)(d).");

        Assert.True(deadlines.FeedbackExtended);
        Assert.Equal(Day("2025-09-15"), deadlines.Feedback.Due);
        Assert.Equal(Day("2025-08-31"), deadlines.Feedback.Target);
        Assert.Equal(Day("2025-03-17"), deadlines.Acknowledgement.Due);
    }

    [Fact]
    public void Compute_ExtendedFromAugust31_EndsOnTheLastDayOfFebruary()
    {
        // No acknowledgement: received 24 Aug 2025, day 7 is 31 Aug → 6 months is 28 Feb 2026, a Saturday → Mon 2 Mar.
        var deadlines = Compute(receivedAt: "2025-08-24T09:00:00Z", external: true, extensionReason: "Complex case");

        Assert.Equal(Day("2026-03-02"), deadlines.Feedback.Due);
        Assert.Equal(Day("2026-02-14"), deadlines.Feedback.Target);
    }

    [Fact]
    public void Compute_ExternalChannelWithoutReason_FeedbackIsThreeMonths()
    {
        var deadlines = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-14T10:00:00Z", external: true);

        Assert.False(deadlines.FeedbackExtended);
        Assert.Equal(Day("2025-06-16"), deadlines.Feedback.Due);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Compute_BlankExtensionReason_CountsAsNone(string reason)
    {
        var external = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-14T10:00:00Z", external: true, extensionReason: reason);
        var internalChannel = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-14T10:00:00Z", extensionReason: reason);

        Assert.False(external.FeedbackExtended);
        Assert.Equal(Day("2025-06-16"), external.Feedback.Due);
        Assert.False(internalChannel.FeedbackExtended);
    }

    [Fact]
    public void Compute_InternalChannelWithExtensionReason_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Compute(receivedAt: "2025-03-10T09:00:00Z", external: false, extensionReason: "Complex case"));

        Assert.Contains("internal channels have no extension", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AcknowledgedBeforeReceipt_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-10T08:59:59Z"));

        Assert.Contains("acknowledgement", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot precede receipt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ClosedBeforeReceipt_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Compute(receivedAt: "2025-03-10T09:00:00Z", closedAt: "2025-03-09T09:00:00Z"));

        Assert.Contains("closure", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot precede receipt", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 14, 24)]
    [InlineData(2, -1, 24)]
    [InlineData(2, 14, 0)]
    public void Compute_InvalidPolicy_Throws(int acknowledgementBuffer, int feedbackBuffer, int retentionMonths)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Compute(receivedAt: "2025-03-10T09:00:00Z", policy: new ClockPolicy(acknowledgementBuffer, feedbackBuffer, retentionMonths)));
    }

    [Fact]
    public void Compute_ClosedOn29February_PurgeDueTwoYearsLaterOn28February()
    {
        var deadlines = Compute(receivedAt: "2024-01-15T09:00:00Z", closedAt: "2024-02-29T12:00:00Z");

        Assert.Equal(Day("2026-02-28"), deadlines.PurgeDue);
    }

    [Fact]
    public void Compute_PurgeDueOnASaturday_IsNotRolledForward()
    {
        // Closed 14 June 2023; two years later, 14 June 2025, is a Saturday: purge by then, not by Monday.
        var deadlines = Compute(receivedAt: "2023-01-10T09:00:00Z", closedAt: "2023-06-14T12:00:00Z");

        Assert.Equal(Day("2025-06-14"), deadlines.PurgeDue);
    }

    [Fact]
    public void Compute_ClosedJustBeforeUtcMidnight_PurgeCountsFromTheLocalDate()
    {
        var deadlines = Compute(receivedAt: "2025-01-10T09:00:00Z", closedAt: "2025-06-30T22:30:00Z");

        Assert.Equal(Day("2027-07-01"), deadlines.PurgeDue);
    }

    [Fact]
    public void Compute_CustomRetention_PurgeDueThatManyMonthsAfterClosure()
    {
        var deadlines = Compute(
            receivedAt: "2025-01-10T09:00:00Z",
            closedAt: "2025-03-31T12:00:00Z",
            policy: ClockPolicy.Default with { RetentionMonths = 6 });

        Assert.Equal(Day("2025-09-30"), deadlines.PurgeDue);
    }

    [Fact]
    public void Compute_SameInputsTwice_GivesEqualResults()
    {
        var first = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-14T10:00:00Z", closedAt: "2025-05-01T10:00:00Z");
        var second = Compute(receivedAt: "2025-03-10T09:00:00Z", acknowledgedAt: "2025-03-14T10:00:00Z", closedAt: "2025-05-01T10:00:00Z");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Compute_InputWithLocalOffset_GivesTheSameResultAsTheSameInstantInUtc()
    {
        var withOffset = CaseClock.Compute(
            new CaseClockInput(new DateTimeOffset(2025, 3, 10, 0, 30, 0, TimeSpan.FromHours(1)), null, null, false, null),
            Jurisdictions.Norway,
            ClockPolicy.Default);

        Assert.Equal(Compute(receivedAt: "2025-03-09T23:30:00Z"), withOffset);
    }
}
