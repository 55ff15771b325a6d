using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Varsling.Core.Accounts;
using Varsling.Core.Audit;
using Varsling.Core.Data;
using Varsling.Core.Exports;
using Varsling.Core.Exports.Pdf;
using Varsling.Core.Organisations;

namespace Varsling.Core.Privacy;

/// <summary>One entry of a record section: a label and its text.</summary>
public sealed record RecordItem(string Label, string Value);

/// <summary>One heading of the record of processing with its entries.</summary>
public sealed record RecordSection(string Heading, IReadOnlyList<RecordItem> Items);

/// <summary>The record of processing activities for the whistleblowing channel, in one language.</summary>
public sealed record RecordOfProcessing(string Title, string OrganisationName, DateTimeOffset GeneratedAt, DocumentLanguage Language,
    IReadOnlyList<RecordSection> Sections);

/// <summary>
/// The record of processing activities (GDPR Art. 30(1)) for the organisation's whistleblowing channel, built from
/// its settings (controller, DPO, processors, third-country transfers, retention, legal entities) and the people in
/// each role, with the fixed facts of what Varsling processes and how it protects it. Reads the scope's
/// organisation; the caller checks the role (legal or admin).
/// </summary>
public sealed partial class ProcessingRecord(VarslingDbContext db, OrganisationScope scope, AuditLog audit, TimeProvider time,
    ILogger<ProcessingRecord> logger)
{
    public async Task<RecordOfProcessing> BuildAsync(DocumentLanguage language, CancellationToken ct = default)
    {
        var organisationId = scope.OrganisationId ?? throw new NotFoundException("No organisation.");
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct)
            ?? throw new NotFoundException("No organisation.");
        var entities = await db.LegalEntities.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        var roleCounts = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where user.OrganisationId == organisationId
                group user by role.Name into g
                select new { Role = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.Role ?? "", r => r.Count, ct);
        int People(string role) => roleCounts.GetValueOrDefault(role);

        var l = language;
        string T(string nb, string en) => new Label(nb, en).In(l);
        var controller = string.IsNullOrEmpty(organisation.ControllerName) ? organisation.Name : organisation.ControllerName;
        var notSet = T("ikke registrert i innstillingene", "not recorded in the settings");

        var sections = new List<RecordSection>
        {
            new(T("Behandlingsansvarlig", "Controller"),
            [
                new(T("Behandlingsansvarlig", "Controller"), controller),
                new(T("Kontakt", "Contact"), string.IsNullOrEmpty(organisation.ControllerContact) ? notSet : organisation.ControllerContact),
                new(T("Personvernombud", "Data protection officer"), organisation.DpoContact ?? T("ikke utpekt", "none designated")),
                new(T("Juridiske enheter", "Legal entities"), string.Join(", ", entities.Select(e => $"{e.Name} ({e.JurisdictionCode})"))),
            ]),
            new(T("Formål og rettslig grunnlag", "Purposes and legal basis"), Purposes(entities, l)),
            new(T("Kategorier av registrerte", "Categories of data subjects"),
            [
                new(T("Varslere", "Reporters"), T("personer som melder fra om kritikkverdige forhold, anonymt eller med navn", "people who report wrongdoing, anonymously or by name")),
                new(T("Berørte personer", "Persons concerned"), T("personer varselet gjelder", "people the report is about")),
                new(T("Andre nevnte", "Others named"), T("vitner, tilretteleggere og andre som nevnes i en sak", "witnesses, facilitators and others named in a case")),
                new(T("Brukere", "Users"), T("saksbehandlere, juridisk team og administratorer i saksbehandlingen", "case handlers, the legal team and administrators of the back office")),
            ]),
            new(T("Kategorier av personopplysninger", "Categories of personal data"),
            [
                new(T("Varselet", "The report"), T("det varsleren skriver og laster opp; kan inneholde særlige kategorier (art. 9) og opplysninger om straffbare forhold (art. 10)",
                    "what the reporter writes and uploads; may contain special categories (Art. 9) and data on criminal offences (Art. 10)")),
                new(T("Varslerens identitet", "Reporter's identity"), T("navn og kontaktinformasjon bare når varsleren selv oppgir dem", "name and contact details only when the reporter gives them")),
                new(T("Saksbehandlingen", "Follow-up"), T("meldinger mellom varsler og saksbehandlere, interne notater, avsluttende oppsummering",
                    "messages between reporter and handlers, internal notes, closing summary")),
                new(T("Saksopplysninger", "Case metadata"), T("referanse, kanal, kategori, datoer, frister, utfall, rettslig hold", "reference, channel, category, dates, deadlines, outcome, legal hold")),
                new(T("Brukere", "Users"), T("navn, e-post, rolle, offentlige nøkler, revisjonslogg over handlinger", "name, e-mail, role, public keys, audit log of actions")),
                new(T("Samles ikke inn", "Not collected"), T("varslerens IP-adresse, nettleser (User-Agent) og henvisende side", "the reporter's IP address, browser (User-Agent) and referring page")),
            ]),
            new(T("Mottakere", "Recipients"),
            [
                new(T("Saksbehandlere", "Case handlers"), Count(People(Roles.Handler), l) + T(" – leser sakene i kanalene de er mottakere for", " – read the cases of the channels they receive")),
                new(T("Juridisk team", "Legal team"), Count(People(Roles.Legal), l) + T(" – leser avsluttende oppsummeringer, eksporterer uten identitet", " – read closing summaries, export without identity")),
                new(T("Administratorer", "Administrators"), Count(People(Roles.Admin), l) + T(" – ingen tilgang til sakenes innhold", " – no access to case contents")),
                new(T("Databehandlere", "Processors"), organisation.Processors ?? T("ingen registrert", "none recorded")),
                new(T("Myndigheter", "Authorities"), T("bare når lov krever det (f.eks. politi, domstoler, tilsyn)", "only where the law requires it (e.g. police, courts, supervisory authorities)")),
            ]),
            new(T("Overføring til tredjeland", "Transfers to third countries"),
            [
                new(T("Overføringer", "Transfers"), organisation.ThirdCountryTransfers ?? T("ingen", "none")),
            ]),
            new(T("Lagringstid og sletting", "Retention and erasure"), Retention(organisation, entities, l)),
            new(T("Tekniske og organisatoriske sikkerhetstiltak", "Technical and organisational security measures"), SecurityMeasures(l)),
        };

        return new RecordOfProcessing(
            T("Protokoll over behandlingsaktiviteter – varslingskanalen", "Record of processing activities – whistleblowing channel"),
            organisation.Name, time.GetUtcNow(), language, sections);
    }

    /// <summary>Builds the record for a download and audits it as <see cref="AuditAction.ExportCreated"/> (format only).</summary>
    public async Task<RecordOfProcessing> ExportAsync(Guid userId, DocumentLanguage language, CancellationToken ct = default)
    {
        var record = await BuildAsync(language, ct);
        var organisationId = scope.OrganisationId!.Value;
        await audit.AppendAsync(new AuditEntry(organisationId, AuditActor.User(userId), AuditAction.ExportCreated, null, "Pdf record-of-processing"), ct);
        LogExported(logger, userId, organisationId);
        return record;
    }

    /// <summary>The record as a PDF: a title block, then each section's entries as a key/value table.</summary>
    public static Task WritePdfAsync(RecordOfProcessing record, Stream output, CancellationToken ct = default)
    {
        var info = new PdfDocumentInfo($"{record.Title} – {record.OrganisationName}", ClosedCasePdf.LanguageTag(record.Language), record.GeneratedAt,
            (n, total) => ClosedCasePdf.PageLabel(record.Language, n, total));
        return PdfReport.WriteAsync(output, info, Blocks(record), ct);
    }

    private static IEnumerable<PdfBlock> Blocks(RecordOfProcessing record)
    {
        var generated = new Label("Laget", "Generated").In(record.Language);
        yield return new PdfTitle(record.Title);
        yield return new PdfParagraph(record.OrganisationName);
        yield return new PdfField(generated, record.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        yield return new PdfField("GDPR", new Label("art. 30 nr. 1", "Art. 30(1)").In(record.Language));
        foreach (var section in record.Sections)
        {
            yield return new PdfHeading(section.Heading);
            foreach (var item in section.Items)
            {
                yield return new PdfField(item.Label, item.Value);
            }
        }
    }

    private static List<RecordItem> Purposes(IReadOnlyList<LegalEntity> entities, DocumentLanguage l)
    {
        string T(string nb, string en) => new Label(nb, en).In(l);
        var laws = new List<string>
        {
            T("europaparlaments- og rådsdirektiv (EU) 2019/1937 (varslingsdirektivet)", "Directive (EU) 2019/1937 of the European Parliament and of the Council (Whistleblowing Directive)"),
            T("arbeidsmiljøloven kapittel 2 A (varsling)", "Norwegian Working Environment Act (arbeidsmiljøloven) chapter 2 A (whistleblowing)"),
        };
        if (entities.Any(e => e.JurisdictionCode == "SE"))
        {
            laws.Add(T("svensk lag (2021:890) om skydd för personer som rapporterar om missförhållanden", "Swedish Act (2021:890) on the protection of persons reporting irregularities"));
        }

        if (entities.Any(e => e.JurisdictionCode == "DK"))
        {
            laws.Add(T("dansk lov nr. 1436 af 29. juni 2021 om beskyttelse af whistleblowere", "Danish Act no. 1436 of 29 June 2021 on the protection of whistleblowers"));
        }

        return
        [
            new(T("Formål", "Purposes"), T(
                "å ta imot, registrere og følge opp varsler om kritikkverdige forhold; å kommunisere med varsleren, også anonymt; å gi bekreftelse og tilbakemelding innen fristene; å dokumentere oppfølgingen",
                "to receive, register and follow up reports of wrongdoing; to communicate with the reporter, also anonymously; to acknowledge and give feedback within the deadlines; to document the follow-up")),
            new(T("Rettslig grunnlag", "Legal basis"), T(
                "personvernforordningen art. 6 nr. 1 bokstav c (rettslig forpliktelse); art. 9 og 10 der slike opplysninger forekommer i en sak",
                "GDPR Art. 6(1)(c) (legal obligation); Art. 9 and 10 where such data arise in a case")),
            new(T("Lover", "Laws"), string.Join("; ", laws)),
        ];
    }

    private static List<RecordItem> Retention(Organisation organisation, IReadOnlyList<LegalEntity> entities, DocumentLanguage l)
    {
        string T(string nb, string en) => new Label(nb, en).In(l);
        var items = new List<RecordItem>
        {
            new(T("Organisasjonen", "Organisation"), Months(organisation.RetentionMonths, l) + T(" etter at saken er avsluttet", " after the case was closed")),
        };
        foreach (var e in entities)
        {
            items.Add(new(e.Name, e.RetentionMonths is { } months
                ? Months(months, l) + T(" (egen innstilling for enheten)", " (the entity's own setting)")
                : Months(organisation.RetentionMonths, l) + T(" (organisasjonens innstilling)", " (the organisation's setting)")));
        }

        items.Add(new(T("Sletting", "Purge"), T(
            "en planlagt jobb sletter hver time avsluttede saker som har nådd slettedatoen i enhetens kalender: nøkler, varsel, vedlegg, meldinger og notater; igjen står bare en sletteoppføring uten personopplysninger (referanse, enhet, kanal, kategori, måneder, utfall). Saker med rettslig hold slettes ikke før holdet oppheves; gjenåpning fjerner slettedatoen.",
            "a scheduled job purges, every hour, closed cases whose purge date has come in the entity's calendar: keys, report, attachments, messages and notes; only a purge record without personal data remains (reference, entity, channel, category, months, outcome). Cases on legal hold are kept until the hold is lifted; reopening clears the purge date.")));
        items.Add(new(T("Sikkerhetskopier", "Backups"), T(
            "krypterte, lagres i høyst 30 dager, så slettede saker er borte fra alle kopier innen 30 dager etter slettedatoen; etter gjenoppretting kjøres slettingen på nytt",
            "encrypted, kept for at most 30 days, so purged cases are gone from every copy within 30 days of the purge date; the purge is re-run after a restore")));
        return items;
    }

    private static List<RecordItem> SecurityMeasures(DocumentLanguage l)
    {
        string T(string nb, string en) => new Label(nb, en).In(l);
        return
        [
            new(T("Ende-til-ende-kryptering", "End-to-end encryption"), T(
                "varsel, identitet, vedlegg og meldinger krypteres med HPKE (RFC 9180, X25519) til saksbehandlernes offentlige nøkler, i varslerens nettleser (eller av serveren ved mottak uten JavaScript) før noe lagres; serveren lagrer bare chiffertekst",
                "report, identity, attachments and messages are encrypted with HPKE (RFC 9180, X25519) to the case handlers' public keys, in the reporter's browser (or by the server on receipt without JavaScript) before anything is stored; the server stores ciphertext only")),
            new(T("Nøkler", "Keys"), T(
                "hver person har sitt eget nøkkelpar; den private nøkkelen er pakket inn under passordet og en gjenopprettingsnøkkel og låses opp bare for en innlogget økt",
                "each person has their own key pair; the private key is wrapped under their password and a recovery key and unlocked only for a signed-in session")),
            new(T("Tofaktorinnlogging", "Two-factor sign-in"), T("passord og TOTP-kode er påkrevd for alle i saksbehandlingen", "password and a TOTP code are required for everyone in the back office")),
            new(T("Tilgangsstyring", "Access control"), T(
                "roller (saksbehandler, juridisk, administrator); en sak er bare synlig for dem som har nøkkel til den; alt annet gir «finnes ikke»",
                "roles (handler, legal, admin); a case is visible only to those holding a key to it; anything else answers \"not found\"")),
            new(T("Revisjonslogg", "Audit log"), T(
                "hver visning, dekryptering, nedlasting, eksport og endring logges i en hash-kjedet logg som bare kan legges til, og som kontrolleres med audit-verify",
                "every view, decryption, download, export and change is written to a hash-chained, append-only log, checked with audit-verify")),
            new(T("Ingen sporing av varsleren", "No tracking of reporters"), T(
                "mottakssiden lagrer og logger verken IP-adresse, User-Agent eller henvisende side, og setter bare strengt nødvendige informasjonskapsler",
                "the intake site neither stores nor logs IP addresses, User-Agent or referrer, and sets strictly necessary cookies only")),
            new(T("Sletting", "Purge"), T("automatisk sletting etter lagringstiden, med rettslig hold og sletteoppføringer uten innhold", "automatic purge after the retention period, with legal hold and content-free purge records")),
            new(T("Transport og nettleser", "Transport and browser"), T(
                "streng Content-Security-Policy, ingen innhold fra tredjeparter, no-referrer, ingen mellomlagring av sider",
                "strict Content-Security-Policy, no third-party content, no-referrer, pages never cached")),
        ];
    }

    private static string Count(int people, DocumentLanguage l) => l == DocumentLanguage.Norwegian
        ? string.Create(CultureInfo.InvariantCulture, $"{people} {(people == 1 ? "person" : "personer")}")
        : string.Create(CultureInfo.InvariantCulture, $"{people} {(people == 1 ? "person" : "people")}");

    private static string Months(int months, DocumentLanguage l) => l == DocumentLanguage.Norwegian
        ? string.Create(CultureInfo.InvariantCulture, $"{months} {(months == 1 ? "måned" : "måneder")}")
        : string.Create(CultureInfo.InvariantCulture, $"{months} {(months == 1 ? "month" : "months")}");

    [LoggerMessage(EventId = 4451, Level = LogLevel.Information, Message = "User {UserId} exported the record of processing of organisation {OrganisationId}")]
    private static partial void LogExported(ILogger logger, Guid userId, Guid organisationId);
}
