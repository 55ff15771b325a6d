using Microsoft.Extensions.Time.Testing;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varsling.Core.Cases;
using Varsling.Core.Exports;
using Varsling.Core.Organisations;
using Varsling.Testing;

namespace Varsling.Core.Tests.Exports;

/// <summary>
/// Exports of closed cases for the Norwegian legal entity of Nordlys, May 2025, made on 1 Jul 2025.
/// X-1: acknowledged in time, feedback in time. X-2: acknowledged 3 days late (due Mon 12 May, sent Thu 15 May).
/// X-3: summary that tries a spreadsheet formula. Not exported: a case closed in June, an open case, a case of the
/// Swedish legal entity.
/// </summary>
public sealed class ClosedCaseExportTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset s_exportedAt = new(2025, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static int s_seeded;

    /// <summary>Names with letters from Sámi, Polish and Cyrillic next to the Nordic ones; every format must keep them.</summary>
    private const string LettersSummary = "Heard Áilu Ŋuolja, Đuođđa Čáhci and Ŧeahkki; Łucja Żak (Łódź); Алёна Ёлкина; Bjørn Åsæther. ŋ đ č ŧ ł ż ё æøå";

    private async Task<(Guid OrganisationId, Guid LegalEntityId)> SeedAsync()
    {
        await using var root = database.Context();
        if (Interlocked.Exchange(ref s_seeded, 1) == 0)
        {
            await new DemoData(root, TimeProvider.System).SeedAsync();
            var org = await root.Organisations.SingleAsync(o => o.Slug == DemoData.NordlysSlug);
            await using var db = database.Context(org.Id);
            var channels = await db.Channels.Include(c => c.LegalEntity).ToListAsync();
            var no = channels.Single(c => c.LegalEntity!.JurisdictionCode == "NO");
            var se = channels.Single(c => c.LegalEntity!.JurisdictionCode == "SE");
            Case Add(Channel channel, string reference, DateTimeOffset received, int ackDays, int? feedbackDays, DateTimeOffset? closed)
            {
                var clock = CaseClockContexts.For(org, channel.LegalEntity!, channel);
                var c = Case.Receive(Guid.NewGuid(), org.Id, channel.LegalEntityId, channel.Id, null, reference, received, clock);
                c.Acknowledge(received.AddDays(ackDays), clock);
                if (feedbackDays is { } f)
                {
                    c.GiveFeedback(received.AddDays(f));
                }

                if (closed is { } at)
                {
                    c.Close(at, CaseOutcome.Substantiated, clock);
                }

                db.Cases.Add(c);
                return c;
            }

            var may5 = new DateTimeOffset(2025, 5, 5, 9, 0, 0, TimeSpan.Zero);
            Add(no, "X-1", may5, 1, 20, new DateTimeOffset(2025, 5, 28, 9, 0, 0, TimeSpan.Zero));
            Add(no, "X-2", may5, 10, 21, new DateTimeOffset(2025, 5, 30, 9, 0, 0, TimeSpan.Zero));
            Add(no, "X-3", may5, 2, 22, new DateTimeOffset(2025, 5, 31, 21, 30, 0, TimeSpan.Zero)); // 23:30 Oslo, still May
            Add(no, "X-JUNE", may5, 2, 22, new DateTimeOffset(2025, 5, 31, 22, 30, 0, TimeSpan.Zero)); // 00:30 on 1 June in Oslo
            Add(no, "X-OPEN", may5, 2, null, null);
            Add(se, "X-SE", may5, 2, 22, new DateTimeOffset(2025, 5, 20, 9, 0, 0, TimeSpan.Zero));
            await db.SaveChangesAsync();
        }

        var orgId = await root.Organisations.Where(o => o.Slug == DemoData.NordlysSlug).Select(o => o.Id).SingleAsync();
        await using var scoped = database.Context(orgId);
        var entity = await scoped.LegalEntities.SingleAsync(e => e.JurisdictionCode == "NO");
        return (orgId, entity.Id);
    }

    private static Task<string?> Summary(Case c, CancellationToken _) => Task.FromResult<string?>(c.Reference switch
    {
        "X-3" => "=HYPERLINK(\"http://evil.example\",\"click\")",
        "X-2" => LettersSummary,
        _ => $"Summary of {c.Reference}: the matter was followed up, and the process changed; see minutes.",
    });

    private async Task<ClosedCaseExportData> GatherAsync(DateOnly from, DateOnly to)
    {
        var (org, entity) = await SeedAsync();
        await using var db = database.Context(org);
        return await new ClosedCaseExport(db, new FakeTimeProvider(s_exportedAt)).GatherAsync(entity, from, to, Summary);
    }

    private Task<ClosedCaseExportData> MayAsync() => GatherAsync(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31));

    [Fact]
    public async Task Gather_TakesTheLegalEntitysCasesClosedInThePeriodByLocalDate()
    {
        var data = await MayAsync();

        Assert.Equal(["X-1", "X-2", "X-3"], data.Cases.Select(c => c.Reference));
        Assert.Equal("Nordlys Energi ASA", data.LegalEntity);
    }

    [Fact]
    public async Task Gather_JudgesEachDeadline_AndCountsTheDaysMissed()
    {
        var data = await MayAsync();
        var late = data.Cases.Single(c => c.Reference == "X-2");

        Assert.Equal(new DeadlineOutcome(new DateOnly(2025, 5, 12), Met: false, DaysLate: 3), late.Acknowledgement);
        Assert.True(late.Feedback.Met);
        Assert.True(data.Cases.Single(c => c.Reference == "X-1").Acknowledgement.Met);
        Assert.Equal(2, data.AcknowledgementsMet);
        Assert.Equal(3, data.FeedbackMet);
    }

    [Fact]
    public async Task Csv_HasOneRowPerCase_MatchingTheDatabase_WithFormulasDefused()
    {
        var data = await MayAsync();
        using var stream = new MemoryStream();

        await ExportFormats.WriteCsvAsync(data, stream);

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("reference,legal_entity,channel,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("X-2,Nordlys Energi ASA,Varslingskanal Norge,,2025-05-05,2025-05-15,2025-05-26,2025-05-30,2025-05-12,no,3,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",", lines[3], StringComparison.Ordinal);
        Assert.Contains("\"Summary of X-1: the matter was followed up, and the process changed; see minutes.\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"" + LettersSummary + "\",", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_CarriesTotalsAndCases_MatchingTheDatabase()
    {
        var data = await MayAsync();
        using var stream = new MemoryStream();

        await ExportFormats.WriteJsonAsync(data, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("totals").GetProperty("cases").GetInt32());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("acknowledgementsMet").GetInt32());
        Assert.Equal("2025-05-01", root.GetProperty("period").GetProperty("from").GetString());
        var x2 = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("reference").GetString() == "X-2");
        Assert.Equal("2025-05-15", x2.GetProperty("acknowledged").GetString());
        Assert.False(x2.GetProperty("acknowledgement").GetProperty("met").GetBoolean());
        Assert.Equal(3, x2.GetProperty("acknowledgement").GetProperty("daysLate").GetInt32());
        Assert.Equal("Substantiated", x2.GetProperty("outcome").GetString());
        Assert.Equal("2027-05-30", x2.GetProperty("purgeDue").GetString());
    }

    [Fact]
    public async Task Pdf_HasACoverWithTotals_AndASectionPerCase_MatchingTheDatabase()
    {
        var data = await MayAsync();
        using var stream = new MemoryStream();

        await ClosedCasePdf.WriteAsync(data, DocumentLanguage.English, stream);

        var text = Squash(await PdfTools.TextAsync(stream.ToArray()));
        Assert.Contains("Organisation Nordlys", text, StringComparison.Ordinal);
        Assert.Contains("Period (closed) 2025-05-01 – 2025-05-31", text, StringComparison.Ordinal);
        Assert.Contains("Generated 2025-07-01 08:00 UTC", text, StringComparison.Ordinal);
        Assert.Contains("Number of cases 3", text, StringComparison.Ordinal);
        Assert.Contains("By outcome: Substantiated 3", text, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement deadline met 2", text, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement deadline missed 1", text, StringComparison.Ordinal);
        Assert.Contains("Feedback deadline met 3", text, StringComparison.Ordinal);
        Assert.Contains("On legal hold 0", text, StringComparison.Ordinal);
        foreach (var reference in new[] { "X-1", "X-2", "X-3" })
        {
            Assert.Contains("Case " + reference, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("X-JUNE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("X-SE", text, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement deadline missed by 3 days (due 2025-05-12)", text, StringComparison.Ordinal);
        Assert.Contains("Summary of X-1: the matter was followed up, and the process changed; see minutes.", text, StringComparison.Ordinal);
        Assert.Contains("Purge date 2027-05-30", text, StringComparison.Ordinal);
        Assert.Contains("=HYPERLINK(\"http://evil.example\",\"click\")", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of ", text, StringComparison.Ordinal);
        Assert.Contains("Closing summary " + LettersSummary, text, StringComparison.Ordinal);
        Assert.Contains("ŋ đ č ŧ ł ż ё æøå", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_InNorwegian_HasNorwegianLabels()
    {
        var data = await MayAsync();
        using var stream = new MemoryStream();

        await ClosedCasePdf.WriteAsync(data, DocumentLanguage.Norwegian, stream);

        var text = Squash(await PdfTools.TextAsync(stream.ToArray()));
        Assert.Contains("Antall saker 3", text, StringComparison.Ordinal);
        Assert.Contains("Frist for bekreftelse oversittet med 3 dager (frist 2025-05-12)", text, StringComparison.Ordinal);
        Assert.Contains("Juridisk enhet Nordlys Energi ASA", text, StringComparison.Ordinal);
        Assert.Contains("Side 1 av ", text, StringComparison.Ordinal);
    }

    /// <summary>pdftotext -layout keeps columns apart with runs of spaces and wraps values over lines; one space is enough to compare.</summary>
    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Fact]
    public async Task EmptyPeriod_GivesValidEmptyExportsInEveryFormat()
    {
        var data = await GatherAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31));
        Assert.Empty(data.Cases);

        using var csv = new MemoryStream();
        await ExportFormats.WriteCsvAsync(data, csv);
        Assert.Single(Encoding.UTF8.GetString(csv.ToArray()[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        using var json = new MemoryStream();
        await ExportFormats.WriteJsonAsync(data, json);
        Assert.Equal(0, JsonDocument.Parse(json.ToArray()).RootElement.GetProperty("cases").GetArrayLength());

        using var pdf = new MemoryStream();
        await ClosedCasePdf.WriteAsync(data, DocumentLanguage.English, pdf);
        Assert.Equal(1, await PdfTools.PageCountAsync(pdf.ToArray()));
        var text = Squash(await PdfTools.TextAsync(pdf.ToArray()));
        Assert.Contains("Number of cases 0", text, StringComparison.Ordinal);
        Assert.Contains("No cases were closed in the period.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gather_ForAnotherOrganisationsLegalEntity_IsNotFound()
    {
        var (_, entity) = await SeedAsync();
        await using var root = database.Context();
        var other = await root.Organisations.Where(o => o.Slug == DemoData.FjellbergSlug).Select(o => o.Id).SingleAsync();
        await using var db = database.Context(other);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            new ClosedCaseExport(db, new FakeTimeProvider(s_exportedAt)).GatherAsync(entity, new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31), Summary));
    }
}
