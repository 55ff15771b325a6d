using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Audit;
using Varsling.Core.Cases;
using Varsling.Core.Data;
using Varsling.Core.Messaging;
using Varsling.Core.Organisations;
using Varsling.Core.Reports;
using Varsling.Crypto;

namespace Varsling.Core.Exports;

/// <summary>The formats of a legal export: machine-readable CSV and JSON, and a PDF for reading and filing.</summary>
public enum ExportFormat
{
    Csv,
    Json,
    Pdf,
}

/// <summary>
/// The legal team's export of closed cases: gathered with <see cref="ClosedCaseExport"/>, closing summaries opened
/// with the person's own summary-key grants (a case whose summary key they do not hold is exported without one),
/// and audited as <see cref="AuditAction.ExportCreated"/> with the format and period only. The caller checks the role.
/// </summary>
public sealed partial class LegalExports(VarslingDbContext db, ClosedCaseExport export, AuditLog audit, ILogger<LegalExports> logger)
{
    public Task<IReadOnlyList<LegalEntityOption>> LegalEntitiesAsync(CancellationToken ct = default) => LegalEntityOptions.ListAsync(db, ct);

    /// <summary>Gathers the export and records it in the audit log; the caller then writes it with <see cref="WriteAsync"/>.</summary>
    public async Task<ClosedCaseExportData> CreateAsync(Guid userId, X25519KeyPair key, Guid legalEntityId, DateOnly from, DateOnly to,
        ExportFormat format, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(format))
        {
            throw new RuleViolationException("Choose a format.");
        }

        var organisationId = await db.LegalEntities.AsNoTracking().Where(e => e.Id == legalEntityId).Select(e => (Guid?)e.OrganisationId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("No such legal entity.");
        var data = await export.GatherAsync(legalEntityId, from, to, (c, token) => OpenSummaryAsync(c, userId, key, token), ct);
        var period = string.Create(CultureInfo.InvariantCulture, $"{format} {from:yyyy-MM-dd}..{to:yyyy-MM-dd} entity {legalEntityId} cases {data.Cases.Count}");
        await audit.AppendAsync(new AuditEntry(organisationId, AuditActor.User(userId), AuditAction.ExportCreated, null, period), ct);
        LogExported(logger, userId, legalEntityId, format, data.Cases.Count);
        return data;
    }

    /// <summary>Writes the export; <paramref name="language"/> chooses the PDF's labels (CSV and JSON have fixed names).</summary>
    public static Task WriteAsync(ClosedCaseExportData data, ExportFormat format, DocumentLanguage language, Stream output, CancellationToken ct = default) => format switch
    {
        ExportFormat.Csv => ExportFormats.WriteCsvAsync(data, output, ct),
        ExportFormat.Json => ExportFormats.WriteJsonAsync(data, output, ct),
        ExportFormat.Pdf => ClosedCasePdf.WriteAsync(data, language, output, ct),
        _ => throw new RuleViolationException("Choose a format."),
    };

    /// <summary>The latest closing summary of the case, or null when there is none or the person lacks the summary key.</summary>
    private async Task<string?> OpenSummaryAsync(Case c, Guid userId, X25519KeyPair key, CancellationToken ct)
    {
        var grant = await db.CaseKeyGrants.AsNoTracking()
            .SingleOrDefaultAsync(g => g.CaseId == c.Id && g.UserId == userId && g.Kind == CaseKeyKind.Summary, ct);
        var record = await db.CaseRecords.AsNoTracking()
            .Where(r => r.CaseId == c.Id && r.Kind == RecordKind.Summary && r.SealedContent != null)
            .OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(ct);
        if (grant is null || record is null)
        {
            return null;
        }

        var summaryKey = CaseKeys.Unwrap(grant.WrappedKey, key, c.Id, CaseKeyKind.Summary);
        try
        {
            return EntryJson.Decode<MessageContent>(Records.Open(summaryKey, c.Id, record.Id, RecordKind.Summary, record.SealedContent!)).Text;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(summaryKey);
        }
    }

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "User {UserId} exported {Count} closed cases of legal entity {LegalEntityId} as {Format}")]
    private static partial void LogExported(ILogger logger, Guid userId, Guid legalEntityId, ExportFormat format, int count);
}
