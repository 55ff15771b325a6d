using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Varsling.Core.Exports;

/// <summary>The machine-readable forms of a closed-case export: CSV (RFC 4180) and JSON.</summary>
public static class ExportFormats
{
    private static readonly string[] s_columns =
    [
        "reference", "legal_entity", "channel", "category", "received", "acknowledged", "feedback_given", "closed",
        "acknowledgement_due", "acknowledgement_met", "acknowledgement_days_late", "feedback_due", "feedback_met",
        "feedback_days_late", "outcome", "closing_summary", "purge_due", "legal_hold",
    ];

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// UTF-8 with a byte-order mark (so spreadsheet programs read Norwegian letters right), CRLF line ends, every
    /// field quoted when needed. Cells that a spreadsheet would run as a formula get a leading apostrophe.
    /// </summary>
    public static async Task WriteCsvAsync(ClosedCaseExportData data, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', s_columns));
        foreach (var c in data.Cases)
        {
            ct.ThrowIfCancellationRequested();
            string?[] fields =
            [
                c.Reference, c.LegalEntity, c.Channel, c.Category, Date(c.Received), Date(c.Acknowledged), Date(c.FeedbackGiven),
                Date(c.Closed), Date(c.Acknowledgement.Due), Bool(c.Acknowledgement.Met), Int(c.Acknowledgement.DaysLate),
                Date(c.Feedback.Due), Bool(c.Feedback.Met), Int(c.Feedback.DaysLate), c.Outcome?.ToString(), c.ClosingSummary,
                Date(c.PurgeDue), Bool(c.LegalHold),
            ];
            await writer.WriteLineAsync(string.Join(',', fields.Select(Field)));
        }
    }

    public static async Task WriteJsonAsync(ClosedCaseExportData data, Stream output, CancellationToken ct = default)
    {
        var document = new
        {
            data.OrganisationName,
            data.LegalEntity,
            Period = new { From = data.From, To = data.To },
            data.CreatedAt,
            Totals = new { Cases = data.Cases.Count, data.AcknowledgementsMet, data.FeedbackMet },
            data.Cases,
        };
        await JsonSerializer.SerializeAsync(output, document, s_json, ct);
    }

    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A leading =, +, - or @ (or a tab/CR) makes spreadsheets evaluate the cell (CSV injection).
        var safe = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Bool(bool b) => b ? "yes" : "no";

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);
}
