using Varsling.Core.Cases;
using Varsling.Core.Deadlines;

namespace Varsling.Core.Tests.Cases;

/// <summary>Every legal step of the lifecycle, and the refusal of every illegal one.</summary>
public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset s_received = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly CaseClockContext s_internal = new(Jurisdictions.Get("NO"), ClockPolicy.Default, ExternalChannel: false);
    private static readonly CaseClockContext s_external = s_internal with { ExternalChannel = true };

    private static Case NewCase(CaseClockContext? clock = null) => Case.Receive(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        Guid.NewGuid(), null, "TEST-1", s_received, clock ?? s_internal);

    private static Case InStatus(CaseStatus status)
    {
        var c = NewCase();
        var at = s_received;
        switch (status)
        {
            case CaseStatus.Received:
                break;
            case CaseStatus.Acknowledged:
                c.Acknowledge(at.AddDays(1), s_internal);
                break;
            case CaseStatus.UnderInvestigation:
                c.Acknowledge(at.AddDays(1), s_internal);
                c.StartInvestigation(at.AddDays(2));
                break;
            case CaseStatus.FeedbackGiven:
                c.Acknowledge(at.AddDays(1), s_internal);
                c.GiveFeedback(at.AddDays(30));
                break;
            case CaseStatus.Closed:
                c.Acknowledge(at.AddDays(1), s_internal);
                c.GiveFeedback(at.AddDays(30));
                c.Close(at.AddDays(40), CaseOutcome.NotSubstantiated, s_internal);
                break;
            case CaseStatus.Purged:
                c.Acknowledge(at.AddDays(1), s_internal);
                c.Close(at.AddDays(40), CaseOutcome.NotSubstantiated, s_internal);
                c.MarkPurged(c.PurgeDue!.Value);
                break;
        }

        Assert.Equal(status, c.Status);
        return c;
    }

    public static TheoryData<CaseStatus, CaseAction, bool> Transitions()
    {
        // The full table: which action is legal in which status.
        var legal = new Dictionary<CaseStatus, CaseAction[]>
        {
            [CaseStatus.Received] = [CaseAction.Acknowledge],
            [CaseStatus.Acknowledged] = [CaseAction.StartInvestigation, CaseAction.GiveFeedback, CaseAction.Close],
            [CaseStatus.UnderInvestigation] = [CaseAction.GiveFeedback, CaseAction.Close],
            [CaseStatus.FeedbackGiven] = [CaseAction.GiveFeedback, CaseAction.Close],
            [CaseStatus.Closed] = [CaseAction.Reopen],
            [CaseStatus.Purged] = [],
        };
        var data = new TheoryData<CaseStatus, CaseAction, bool>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                data.Add(status, action, legal[status].Contains(action));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Action_InEachStatus_IsAllowedExactlyWhenTheLifecycleSaysSo(CaseStatus status, CaseAction action, bool allowed)
    {
        var c = InStatus(status);
        var at = s_received.AddDays(60);

        Assert.Equal(allowed, c.Can(action));
        void Act()
        {
            switch (action)
            {
                case CaseAction.Acknowledge: c.Acknowledge(at, s_internal); break;
                case CaseAction.StartInvestigation: c.StartInvestigation(at); break;
                case CaseAction.GiveFeedback: c.GiveFeedback(at); break;
                case CaseAction.Close: c.Close(at, CaseOutcome.NotSubstantiated, s_internal); break;
                case CaseAction.Reopen: c.Reopen(at, s_internal); break;
            }
        }

        if (allowed)
        {
            Act();
        }
        else
        {
            var error = Assert.Throws<RuleViolationException>(Act);
            Assert.Contains("TEST-1", error.Message, StringComparison.Ordinal);
            Assert.Equal(status, c.Status);
        }
    }

    [Fact]
    public void Receive_ComputesAcknowledgementDeadlineFromTheJurisdiction()
    {
        var c = NewCase();

        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(new DateOnly(2025, 3, 17), c.AcknowledgementDue);
        Assert.Null(c.PurgeDue);
    }

    [Fact]
    public void Acknowledge_RecordsTheMomentAndMovesTheFeedbackClock()
    {
        var c = NewCase();
        var before = c.FeedbackDue;

        c.Acknowledge(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero), s_internal);

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero), c.AcknowledgedAt);
        Assert.Equal(new DateOnly(2025, 6, 16), c.FeedbackDue);
        Assert.NotEqual(before, c.FeedbackDue);
    }

    [Fact]
    public void GiveFeedback_Twice_KeepsTheFirstMoment()
    {
        var c = InStatus(CaseStatus.Acknowledged);
        var first = s_received.AddDays(20);

        c.GiveFeedback(first);
        c.GiveFeedback(first.AddDays(5));

        Assert.Equal(first, c.FeedbackGivenAt);
        Assert.Equal(CaseStatus.FeedbackGiven, c.Status);
    }

    [Fact]
    public void Close_SetsPurgeDueTwoYearsAfterClosure()
    {
        var c = InStatus(CaseStatus.Acknowledged);

        c.Close(new DateTimeOffset(2025, 4, 30, 12, 0, 0, TimeSpan.Zero), CaseOutcome.NotSubstantiated, s_internal);

        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.Equal(CaseOutcome.NotSubstantiated, c.Outcome);
        Assert.Equal(new DateOnly(2027, 4, 30), c.PurgeDue);
    }

    [Fact]
    public void Reopen_ClearsClosureAndPurgeDate()
    {
        var c = InStatus(CaseStatus.Closed);

        c.Reopen(s_received.AddDays(100), s_internal);

        Assert.Equal(CaseStatus.UnderInvestigation, c.Status);
        Assert.Null(c.ClosedAt);
        Assert.Null(c.PurgeDue);
        Assert.Null(c.Outcome);
    }

    [Fact]
    public void MarkPurged_BeforeThePurgeDate_IsRefused()
    {
        var c = InStatus(CaseStatus.Closed);

        Assert.Throws<RuleViolationException>(() => c.MarkPurged(c.PurgeDue!.Value.AddDays(-1)));
        Assert.Equal(CaseStatus.Closed, c.Status);
    }

    [Fact]
    public void Step_DatedBeforeReceipt_IsRefused()
    {
        var c = NewCase();

        Assert.Throws<RuleViolationException>(() => c.Acknowledge(s_received.AddMinutes(-1), s_internal));
        Assert.Equal(CaseStatus.Received, c.Status);
    }

    [Fact]
    public void ExtendFeedback_OnAnInternalChannel_IsRefused()
    {
        var c = InStatus(CaseStatus.Acknowledged);

        var error = Assert.Throws<RuleViolationException>(() => c.ExtendFeedback("complex case", s_internal));
        Assert.Contains("external", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ExtendFeedback_OnAnExternalChannelWithReason_GivesSixMonths()
    {
        var c = NewCase(s_external);
        c.Acknowledge(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero), s_external);

        c.ExtendFeedback("Several witnesses abroad", s_external);

        Assert.Equal("Several witnesses abroad", c.FeedbackExtensionReason);
        Assert.Equal(new DateOnly(2025, 9, 15), c.FeedbackDue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ExtendFeedback_WithoutReason_IsRefused(string reason)
    {
        var c = NewCase(s_external);
        c.Acknowledge(s_received.AddDays(1), s_external);

        Assert.Throws<RuleViolationException>(() => c.ExtendFeedback(reason, s_external));
        Assert.Null(c.FeedbackExtensionReason);
    }
}

/// <summary>Legal hold pauses the purge and nothing else.</summary>
public sealed class CaseLegalHoldTests
{
    private static readonly CaseClockContext s_clock = new(Jurisdictions.Get("NO"), ClockPolicy.Default, ExternalChannel: false);

    private static Case ClosedCase()
    {
        var at = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var c = Case.Receive(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, "HOLD-1", at, s_clock);
        c.Acknowledge(at.AddDays(1), s_clock);
        c.Close(at.AddDays(20), CaseOutcome.NotSubstantiated, s_clock);
        return c;
    }

    [Fact]
    public void MarkPurged_OnHold_IsRefusedEvenWhenDue()
    {
        var c = ClosedCase();
        c.SetLegalHold("Court order", Guid.NewGuid(), DateTimeOffset.UtcNow);

        Assert.False(c.IsDueForPurge(c.PurgeDue!.Value.AddDays(1)));
        var error = Assert.Throws<RuleViolationException>(() => c.MarkPurged(c.PurgeDue!.Value.AddDays(1)));
        Assert.Contains("legal hold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleaseLegalHold_MakesADueCasePurgeableAgain()
    {
        var c = ClosedCase();
        c.SetLegalHold("Court order", Guid.NewGuid(), DateTimeOffset.UtcNow);

        c.ReleaseLegalHold();

        Assert.True(c.IsDueForPurge(c.PurgeDue!.Value));
        Assert.Null(c.LegalHoldSetBy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void SetLegalHold_WithoutReason_IsRefused(string reason)
    {
        var c = ClosedCase();

        Assert.Throws<RuleViolationException>(() => c.SetLegalHold(reason, Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.False(c.OnLegalHold);
    }

    [Fact]
    public void ReleaseLegalHold_WhenNotOnHold_IsRefused()
    {
        Assert.Throws<RuleViolationException>(() => ClosedCase().ReleaseLegalHold());
    }

    [Fact]
    public void IsDueForPurge_TheDayBefore_IsFalse()
    {
        var c = ClosedCase();

        Assert.False(c.IsDueForPurge(c.PurgeDue!.Value.AddDays(-1)));
        Assert.True(c.IsDueForPurge(c.PurgeDue!.Value));
    }
}
