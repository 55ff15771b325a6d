using System.Globalization;
using Varsling.Core.Cases;
using Varsling.Core.Exports.Pdf;

namespace Varsling.Core.Exports;

/// <summary>
/// The closed-case export as a PDF: a cover page with the export's scope and totals, then one section per case with
/// every field of the CSV. Never identity or report text, because <see cref="ExportedCase"/> holds neither.
/// </summary>
public static class ClosedCasePdf
{
    private static readonly Label s_title = new("Avsluttede varslingssaker", "Closed whistleblowing cases");
    private static readonly Label s_organisation = new("Organisasjon", "Organisation");
    private static readonly Label s_legalEntity = new("Juridisk enhet", "Legal entity");
    private static readonly Label s_period = new("Periode (avsluttet)", "Period (closed)");
    private static readonly Label s_generated = new("Laget", "Generated");
    private static readonly Label s_totals = new("Totalt", "Totals");
    private static readonly Label s_cases = new("Antall saker", "Number of cases");
    private static readonly Label s_byOutcome = new("Etter utfall", "By outcome");
    private static readonly Label s_ackMet = new("Bekreftelsesfrist overholdt", "Acknowledgement deadline met");
    private static readonly Label s_ackMissed = new("Bekreftelsesfrist oversittet", "Acknowledgement deadline missed");
    private static readonly Label s_feedbackMet = new("Tilbakemeldingsfrist overholdt", "Feedback deadline met");
    private static readonly Label s_feedbackMissed = new("Tilbakemeldingsfrist oversittet", "Feedback deadline missed");
    private static readonly Label s_onHold = new("Med rettslig hold", "On legal hold");
    private static readonly Label s_noCases = new("Ingen saker ble avsluttet i perioden.", "No cases were closed in the period.");
    private static readonly Label s_confidential = new(
        "Fortrolig. Eksporten inneholder aldri varslerens identitet eller varselets innhold.",
        "Confidential. The export never contains the reporter's identity or the report's content.");
    private static readonly Label s_case = new("Sak", "Case");
    private static readonly Label s_reference = new("Referanse", "Reference");
    private static readonly Label s_channel = new("Kanal", "Channel");
    private static readonly Label s_category = new("Kategori", "Category");
    private static readonly Label s_received = new("Mottatt", "Received");
    private static readonly Label s_acknowledged = new("Bekreftet", "Acknowledged");
    private static readonly Label s_feedback = new("Tilbakemelding gitt", "Feedback given");
    private static readonly Label s_closed = new("Avsluttet", "Closed");
    private static readonly Label s_ackDeadline = new("Frist for bekreftelse", "Acknowledgement deadline");
    private static readonly Label s_feedbackDeadline = new("Frist for tilbakemelding", "Feedback deadline");
    private static readonly Label s_outcome = new("Utfall", "Outcome");
    private static readonly Label s_summary = new("Avsluttende oppsummering", "Closing summary");
    private static readonly Label s_purge = new("Slettes", "Purge date");
    private static readonly Label s_legalHold = new("Rettslig hold", "Legal hold");
    private static readonly Label s_none = new("–", "–");
    private static readonly Label s_noSummary = new("(ingen, eller ingen nøkkel)", "(none, or no key)");
    private static readonly Label s_yes = new("ja", "yes");
    private static readonly Label s_no = new("nei", "no");

    public static Task WriteAsync(ClosedCaseExportData data, DocumentLanguage language, Stream output, CancellationToken ct = default)
    {
        var info = new PdfDocumentInfo(
            $"{s_title.In(language)} – {data.LegalEntity} – {Date(data.From)}–{Date(data.To)}",
            LanguageTag(language),
            data.CreatedAt,
            (n, total) => PageLabel(language, n, total));
        return PdfReport.WriteAsync(output, info, Blocks(data, language), ct);
    }

    /// <summary>The document's language tag: "nb" (Norwegian Bokmål) or "en".</summary>
    public static string LanguageTag(DocumentLanguage language) => language switch
    {
        DocumentLanguage.Norwegian => "nb",
        DocumentLanguage.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>"Side n av N" or "Page n of N".</summary>
    public static string PageLabel(DocumentLanguage language, int page, int total) => language switch
    {
        DocumentLanguage.Norwegian => string.Create(CultureInfo.InvariantCulture, $"Side {page} av {total}"),
        DocumentLanguage.English => string.Create(CultureInfo.InvariantCulture, $"Page {page} of {total}"),
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    private static IEnumerable<PdfBlock> Blocks(ClosedCaseExportData data, DocumentLanguage l)
    {
        yield return new PdfTitle(s_title.In(l));
        yield return new PdfField(s_organisation.In(l), data.OrganisationName);
        yield return new PdfField(s_legalEntity.In(l), data.LegalEntity);
        yield return new PdfField(s_period.In(l), $"{Date(data.From)} – {Date(data.To)}");
        yield return new PdfField(s_generated.In(l), data.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        yield return new PdfHeading(s_totals.In(l));
        yield return new PdfField(s_cases.In(l), Int(data.Cases.Count));
        foreach (var outcome in Enum.GetValues<CaseOutcome>())
        {
            var count = data.Cases.Count(c => c.Outcome == outcome);
            if (count > 0)
            {
                yield return new PdfField($"{s_byOutcome.In(l)}: {Outcome(outcome, l)}", Int(count));
            }
        }

        var acknowledgementsMet = data.AcknowledgementsMet;
        var feedbackMet = data.FeedbackMet;
        yield return new PdfField(s_ackMet.In(l), Int(acknowledgementsMet));
        yield return new PdfField(s_ackMissed.In(l), Int(data.Cases.Count - acknowledgementsMet));
        yield return new PdfField(s_feedbackMet.In(l), Int(feedbackMet));
        yield return new PdfField(s_feedbackMissed.In(l), Int(data.Cases.Count - feedbackMet));
        yield return new PdfField(s_onHold.In(l), Int(data.Cases.Count(c => c.LegalHold)));
        yield return new PdfSpace(12);
        if (data.Cases.Count == 0)
        {
            yield return new PdfParagraph(s_noCases.In(l));
        }

        yield return new PdfParagraph(s_confidential.In(l));

        foreach (var (c, i) in data.Cases.Select((c, i) => (c, i)))
        {
            if (i == 0)
            {
                yield return new PdfPageBreak();
            }

            yield return new PdfHeading($"{s_case.In(l)} {c.Reference}");
            yield return new PdfField(s_reference.In(l), c.Reference);
            yield return new PdfField(s_legalEntity.In(l), c.LegalEntity);
            yield return new PdfField(s_channel.In(l), c.Channel);
            yield return new PdfField(s_category.In(l), c.Category ?? s_none.In(l));
            yield return new PdfField(s_received.In(l), Date(c.Received));
            yield return new PdfField(s_acknowledged.In(l), Date(c.Acknowledged, l));
            yield return new PdfField(s_feedback.In(l), Date(c.FeedbackGiven, l));
            yield return new PdfField(s_closed.In(l), Date(c.Closed));
            yield return new PdfField(s_ackDeadline.In(l), Deadline(c.Acknowledgement, l));
            yield return new PdfField(s_feedbackDeadline.In(l), Deadline(c.Feedback, l));
            yield return new PdfField(s_outcome.In(l), c.Outcome is { } o ? Outcome(o, l) : s_none.In(l));
            yield return new PdfField(s_purge.In(l), Date(c.PurgeDue, l));
            yield return new PdfField(s_legalHold.In(l), (c.LegalHold ? s_yes : s_no).In(l));
            yield return new PdfField(s_summary.In(l), string.IsNullOrEmpty(c.ClosingSummary) ? s_noSummary.In(l) : c.ClosingSummary);
        }
    }

    /// <summary>"met (due 2025-05-12)" or "missed by 3 days (due 2025-05-12)".</summary>
    internal static string Deadline(DeadlineOutcome d, DocumentLanguage l)
    {
        var due = Date(d.Due);
        if (d.Met)
        {
            return l == DocumentLanguage.Norwegian ? $"overholdt (frist {due})" : $"met (due {due})";
        }

        var days = Int(d.DaysLate);
        return l == DocumentLanguage.Norwegian
            ? $"oversittet med {days} {(d.DaysLate == 1 ? "dag" : "dager")} (frist {due})"
            : $"missed by {days} {(d.DaysLate == 1 ? "day" : "days")} (due {due})";
    }

    internal static string Outcome(CaseOutcome outcome, DocumentLanguage l) => (outcome switch
    {
        CaseOutcome.Substantiated => new Label("Bekreftet", "Substantiated"),
        CaseOutcome.PartlySubstantiated => new Label("Delvis bekreftet", "Partly substantiated"),
        CaseOutcome.NotSubstantiated => new Label("Ikke bekreftet", "Not substantiated"),
        CaseOutcome.InsufficientInformation => new Label("For lite informasjon", "Insufficient information"),
        CaseOutcome.OutsideScope => new Label("Utenfor ordningen", "Outside scope"),
        CaseOutcome.Referred => new Label("Henvist", "Referred"),
        CaseOutcome.Withdrawn => new Label("Trukket", "Withdrawn"),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    }).In(l);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? d, DocumentLanguage l) => d is { } day ? Date(day) : s_none.In(l);

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);
}
