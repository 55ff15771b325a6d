using Varsling.WebCommon;

namespace Varsling.Backoffice;

/// <summary>The back office's texts in Norwegian Bokmål and English.</summary>
public sealed class BackofficeTexts : TextCatalog
{
    public BackofficeTexts()
    {
        Add("site.name", "Varsling – saksbehandling", "Varsling – case handling");
        Add("nav.skip", "Hopp til innhold", "Skip to content");
        Add("nav.language", "English", "Norsk (bokmål)");
        Add("nav.languageLabel", "Språk", "Language");
        Add("home.title", "Saksbehandling", "Case handling");
        Add("home.lead",
            "Her behandler saksbehandlere, juridisk avdeling og administratorer varslingssaker. Innlogging krever tofaktorautentisering.",
            "Case handlers, the legal team and administrators work whistleblowing cases here. Signing in requires two-factor authentication.");
        Add("home.confidential",
            "Alt du ser her er taushetsbelagt. Varslerens identitet skal bare være kjent for dem som er utpekt til å behandle saken.",
            "Everything you see here is confidential. The reporter's identity may be known only to those designated to handle the case.");
        Add("footer.confidential", "Fortrolig. Hver visning loggføres.", "Confidential. Every view is logged.");
        Add("nav.login", "Logg inn", "Sign in");
        Add("nav.logout", "Logg ut", "Sign out");
        Add("nav.account", "Konto", "Account");
        Add("home.signedInAs", "Du er logget inn som", "You are signed in as");
        Add("home.changePassword", "Bytt passord", "Change password");
        Add("form.check", "Sjekk feltene og prøv igjen.", "Check the fields and try again.");
        Add("form.email", "E-postadresse", "E-mail address");
        Add("form.password", "Passord", "Password");
        Add("form.newPassword", "Nytt passord", "New password");
        Add("form.confirmPassword", "Gjenta nytt passord", "Repeat the new password");
        Add("form.passwordHint",
            "Minst 12 tegn. Bruk gjerne en setning med flere ord; mellomrom er lov. Ikke bruk e-postadressen eller navnet ditt.",
            "At least 12 characters. A sentence of several words works well; spaces are allowed. Don't use your e-mail address or name.");
        Add("form.passwordsDiffer", "De to nye passordene er ikke like.", "The two new passwords are not the same.");
        Add("login.title", "Logg inn", "Sign in");
        Add("login.submit", "Fortsett", "Continue");
        Add("login.failed", "E-postadressen eller passordet er feil.", "The e-mail address or the password is wrong.");
        Add("login.locked",
            "For mange mislykkede forsøk. Kontoen er sperret i 15 minutter.",
            "Too many failed attempts. The account is locked for 15 minutes.");
        Add("login.forgot", "Glemt passordet?", "Forgot your password?");
        Add("login.reset", "Passordet er byttet. Logg inn med det nye passordet.", "Your password has been changed. Sign in with the new one.");
        Add("login.ended", "Økten er avsluttet. Logg inn på nytt.", "Your session has ended. Please sign in again.");
        Add("code.title", "Engangskode", "One-time code");
        Add("code.lead",
            "Skriv inn den sekssifrede koden fra autentiseringsappen, eller en av gjenopprettingskodene dine.",
            "Enter the six-digit code from your authenticator app, or one of your recovery codes.");
        Add("code.label", "Kode", "Code");
        Add("code.submit", "Logg inn", "Sign in");
        Add("code.failed", "Koden er feil eller allerede brukt.", "The code is wrong or has already been used.");
        Add("enrol.title", "Sett opp kontoen", "Set up your account");
        Add("enrol.lead",
            "Første gang du logger inn, velger du ditt eget passord og kobler til en autentiseringsapp. Samtidig lages nøkkelparet som beskytter sakene du får tilgang til.",
            "The first time you sign in, you choose your own password and connect an authenticator app. At the same time, the key pair that protects the cases you are given access to is created.");
        Add("enrol.scan", "Skann QR-koden med autentiseringsappen", "Scan the QR code with your authenticator app");
        Add("enrol.qrAlt", "QR-kode for autentiseringsappen", "QR code for the authenticator app");
        Add("enrol.manual", "Eller skriv inn denne nøkkelen:", "Or enter this key:");
        Add("enrol.code", "Koden appen viser nå", "The code the app shows now");
        Add("enrol.submit", "Fullfør oppsettet", "Finish setting up");
        Add("enrol.doneTitle", "Kontoen er klar", "Your account is ready");
        Add("enrol.recoveryKeyTitle", "Gjenopprettingsnøkkel", "Recovery key");
        Add("enrol.recoveryKeyLead",
            "Med denne nøkkelen kan du sette nytt passord uten å miste tilgangen til sakene dine. Den vises bare nå. Skriv den ned og oppbevar den trygt, atskilt fra datamaskinen.",
            "With this key you can set a new password without losing access to your cases. It is shown only now. Write it down and keep it safe, away from your computer.");
        Add("enrol.recoveryCodesTitle", "Gjenopprettingskoder", "Recovery codes");
        Add("enrol.recoveryCodesLead",
            "Hver kode kan brukes én gang i stedet for koden fra appen, hvis du mister telefonen. De vises bare nå.",
            "Each code can be used once instead of the app's code if you lose your phone. They are shown only now.");
        Add("enrol.continue", "Jeg har tatt vare på dem – fortsett", "I have stored them safely – continue");
        Add("change.title", "Bytt passord", "Change password");
        Add("change.current", "Nåværende passord", "Current password");
        Add("change.submit", "Bytt passord", "Change password");
        Add("change.done",
            "Passordet er byttet, og den private nøkkelen din er beskyttet med det nye. Andre økter er logget ut.",
            "Your password has been changed and your private key is now protected by the new one. Other sessions have been signed out.");
        Add("nav.cases", "Saker", "Cases");
        Add("home.cases", "Gå til sakene dine", "Go to your cases");
        Add("cases.title", "Saker", "Cases");
        Add("cases.caption", "Saker du har tilgang til", "Cases you have access to");
        Add("cases.filters", "Filtrer sakene", "Filter the cases");
        Add("cases.all", "Alle", "All");
        Add("cases.status", "Status", "Status");
        Add("cases.channel", "Kanal", "Channel");
        Add("cases.legalEntity", "Juridisk enhet", "Legal entity");
        Add("cases.received", "Mottatt", "Received");
        Add("cases.reference", "Saksnummer", "Reference");
        Add("cases.ackDeadline", "Frist for bekreftelse", "Acknowledgement deadline");
        Add("cases.feedbackDeadline", "Frist for tilbakemelding", "Feedback deadline");
        Add("cases.overdueOnly", "Bare saker med passert frist", "Only cases past a deadline");
        Add("cases.sort", "Sorter etter", "Sort by");
        Add("cases.sortDeadline", "Neste frist", "Next deadline");
        Add("cases.sortReceived", "Sist mottatt", "Most recently received");
        Add("cases.apply", "Vis", "Show");
        Add("cases.none", "Ingen saker passer.", "No cases match.");
        Add("cases.due", "Lovfrist", "Legal due date");
        Add("cases.target", "internt mål", "internal target");
        Add("cases.met", "Gjort", "Done");
        Add("cases.overdue", "Fristen er passert", "Overdue");
        Add("cases.dueSoon", "Fristen nærmer seg", "Due soon");
        Add("status.Received", "Mottatt", "Received");
        Add("status.Acknowledged", "Bekreftet mottatt", "Acknowledged");
        Add("status.UnderInvestigation", "Under behandling", "Under investigation");
        Add("status.FeedbackGiven", "Tilbakemelding gitt", "Feedback given");
        Add("status.Closed", "Avsluttet", "Closed");
        Add("status.Purged", "Slettet", "Purged");
        Add("outcome.Substantiated", "Bekreftet", "Substantiated");
        Add("outcome.PartlySubstantiated", "Delvis bekreftet", "Partly substantiated");
        Add("outcome.NotSubstantiated", "Ikke bekreftet", "Not substantiated");
        Add("outcome.InsufficientInformation", "For lite informasjon", "Insufficient information");
        Add("outcome.OutsideScope", "Utenfor varslingsreglene", "Outside the scope");
        Add("outcome.Referred", "Oversendt", "Referred");
        Add("outcome.Withdrawn", "Trukket tilbake", "Withdrawn");
        Add("author.Reporter", "Varsleren", "The reporter");
        Add("author.Handler", "Saksbehandler", "Case handler");
        Add("author.System", "Automatisk melding", "Automatic message");
        Add("template.acknowledgement",
            "Takk for varselet. Vi bekrefter at det er mottatt, og vil følge det opp. Du får tilbakemelding i denne postkassen.",
            "Thank you for your report. We confirm that it has been received and will follow it up. You will get feedback in this mailbox.");
        Add("answer.what", "Hva skjedde", "What happened");
        Add("answer.when", "Når", "When");
        Add("answer.where", "Hvor", "Where");
        Add("answer.who", "Hvem er involvert", "Who is involved");
        Add("answer.how", "Hvordan varsleren vet det", "How the reporter knows");
        Add("identity.name", "Navn", "Name");
        Add("identity.contact", "Kontaktinformasjon", "Contact details");
        Add("case.title", "Sak", "Case");
        Add("case.back", "Tilbake til sakene", "Back to the cases");
        Add("case.done", "Lagret.", "Saved.");
        Add("case.facts", "Status og frister", "Status and deadlines");
        Add("case.outcome", "Utfall", "Outcome");
        Add("case.closed", "Avsluttet", "Closed");
        Add("case.report", "Varselet", "The report");
        Add("case.identity", "Varslerens identitet", "The reporter's identity");
        Add("case.identityConfidential",
            "Taushetsbelagt: identiteten skal ikke gis videre uten varslerens uttrykkelige samtykke eller en rettslig plikt.",
            "Confidential: the identity may not be passed on without the reporter's explicit consent or a legal obligation.");
        Add("case.anonymous", "Varsleren har ikke oppgitt identitet.", "The reporter has not given their identity.");
        Add("case.files", "Vedlegg", "Attachments");
        Add("case.noFiles", "Ingen vedlegg.", "No attachments.");
        Add("case.thread", "Meldinger med varsleren", "Messages with the reporter");
        Add("case.messageLabel", "Ny melding til varsleren", "New message to the reporter");
        Add("case.messageHint", "Varsleren leser meldingen i den anonyme postkassen.", "The reporter reads the message in the anonymous mailbox.");
        Add("case.send", "Send melding", "Send message");
        Add("case.actions", "Saksgang", "Case steps");
        Add("case.noActions", "Ingen steg er mulige nå.", "No steps are possible now.");
        Add("case.acknowledgeHint", "Varsleren får en automatisk bekreftelse på at varselet er mottatt.", "The reporter gets an automatic confirmation that the report was received.");
        Add("case.acknowledge", "Bekreft mottak", "Acknowledge receipt");
        Add("case.investigate", "Start behandling", "Start investigation");
        Add("case.feedbackLabel", "Tilbakemelding til varsleren", "Feedback to the reporter");
        Add("case.feedbackHint",
            "Fortell hva som er gjort eller planlagt. Teksten sendes til varsleren som melding.",
            "Say what has been done or is planned. The text is sent to the reporter as a message.");
        Add("case.giveFeedback", "Gi tilbakemelding", "Give feedback");
        Add("case.chooseOutcome", "Velg utfall", "Choose an outcome");
        Add("case.summaryLabel", "Avsluttende oppsummering (valgfri)", "Closing summary (optional)");
        Add("case.summaryHint", "Kun for saksbehandlere og juridisk avdeling; varsleren ser den ikke.", "For case handlers and the legal team only; the reporter does not see it.");
        Add("case.close", "Avslutt saken", "Close the case");
        Add("case.reopen", "Gjenåpne saken", "Reopen the case");
        Add("case.summary", "Avsluttende oppsummering", "Closing summary");
        Add("case.notes", "Interne notater", "Internal notes");
        Add("case.notesHint", "Varsleren ser aldri disse.", "The reporter never sees these.");
        Add("case.noteLabel", "Nytt notat", "New note");
        Add("case.addNote", "Lagre notat", "Save note");
        Add("forgot.title", "Glemt passord", "Forgotten password");
        Add("forgot.lead",
            "Har du gjenopprettingsnøkkelen du fikk da kontoen ble satt opp, kan du velge nytt passord her og beholde tilgangen til sakene dine. Du trenger fortsatt autentiseringsappen for å logge inn.",
            "If you have the recovery key you were given when your account was set up, you can choose a new password here and keep access to your cases. You will still need your authenticator app to sign in.");
        Add("forgot.recoveryKey", "Gjenopprettingsnøkkel", "Recovery key");
        Add("forgot.submit", "Sett nytt passord", "Set new password");
        Add("forgot.noKeyTitle", "Uten gjenopprettingsnøkkel", "Without the recovery key");
        Add("forgot.noKey",
            "Be en administrator om å tilbakestille kontoen. Du får da et nytt nøkkelpar, og den gamle private nøkkelen kan ikke gjenopprettes: sakene du hadde tilgang til, må gis til deg på nytt av en annen saksbehandler.",
            "Ask an administrator to reset your account. You will then get a new key pair, and the old private key cannot be recovered: the cases you had access to must be granted to you again by another case handler.");
        Add("nav.export", "Eksport", "Export");
        Add("nav.statistics", "Statistikk", "Statistics");
        Add("nav.requests", "Personvernforespørsler", "Data-subject requests");
        Add("form.legalEntity", "Juridisk enhet", "Legal entity");
        Add("form.allEntities", "Alle juridiske enheter", "All legal entities");
        Add("form.from", "Fra og med", "From");
        Add("form.to", "Til og med", "To");
        Add("export.title", "Eksport av avsluttede saker", "Export of closed cases");
        Add("export.lead",
            "Last ned de avsluttede sakene til en juridisk enhet for en periode, med avsluttende oppsummering. Varslerens identitet og varselets innhold er aldri med.",
            "Download the closed cases of a legal entity for a period, with their closing summaries. The reporter's identity and the report's content are never included.");
        Add("export.format", "Format", "Format");
        Add("export.format.Csv", "CSV (regneark)", "CSV (spreadsheet)");
        Add("export.format.Json", "JSON", "JSON");
        Add("export.hint",
            "Eksporten loggføres. Oppsummeringer du ikke har nøkkel til, står tomme.",
            "The export is logged. Summaries you hold no key for are left empty.");
        Add("export.submit", "Last ned", "Download");
        Add("stats.title", "Statistikk", "Statistics");
        Add("stats.lead",
            "Tall for sakene som ble mottatt i perioden, bare fra saksopplysninger, aldri innhold.",
            "Figures for the cases received in the period, from case metadata only, never content.");
        Add("stats.filters", "Periode og enhet", "Period and entity");
        Add("stats.apply", "Vis", "Show");
        Add("stats.total", "Saker i alt", "Cases in total");
        Add("stats.medianAck", "Median dager til bekreftelse", "Median days to acknowledgement");
        Add("stats.medianFeedback", "Median dager til tilbakemelding", "Median days to feedback");
        Add("stats.medianClosure", "Median dager til avslutning", "Median days to closure");
        Add("stats.ackMet", "Frister for bekreftelse overholdt", "Acknowledgement deadlines met");
        Add("stats.feedbackMet", "Frister for tilbakemelding overholdt", "Feedback deadlines met");
        Add("stats.byChannel", "Saker per kanal", "Cases by channel");
        Add("stats.byCategory", "Saker per kategori", "Cases by category");
        Add("stats.byMonth", "Saker per måned", "Cases by month");
        Add("stats.channel", "Kanal", "Channel");
        Add("stats.category", "Kategori", "Category");
        Add("stats.month", "Måned", "Month");
        Add("stats.cases", "Saker", "Cases");
        Add("stats.suppressed",
            "«<5» betyr færre enn fem saker, eller et tall som er skjult for at et lite tall ikke skal kunne regnes ut. Slik kan ingen identifiseres.",
            "“<5” means fewer than five cases, or a figure hidden so that a small one cannot be worked out. This way nobody can be identified.");
        Add("requests.title", "Register over personvernforespørsler", "Register of data-subject requests");
        Add("requests.lead",
            "Forespørsler etter personvernforordningen om behandlingen i varslingskanalen. Svarfristen er én måned; den kan forlenges med to måneder bare hvis det registreres, med begrunnelse, innen den første måneden.",
            "Requests under the GDPR about the processing in the whistleblowing channel. The answer is due within one month; it can be extended by two months only when recorded, with reasons, within the first month.");
        Add("requests.none", "Ingen forespørsler er registrert.", "No requests have been registered.");
        Add("requests.caption", "Forespørsler, de mest presserende først", "Requests, most urgent first");
        Add("requests.reference", "Referanse", "Reference");
        Add("requests.right", "Rettighet", "Right");
        Add("requests.received", "Mottatt", "Received");
        Add("requests.due", "Frist", "Due");
        Add("requests.status", "Status", "Status");
        Add("requests.steps", "Behandling", "Handling");
        Add("requests.reason", "Begrunnelse for forlengelse (gitt til personen)", "Reasons for the extension (given to the person)");
        Add("requests.extend", "Forleng med to måneder", "Extend by two months");
        Add("requests.outcome", "Utfall", "Outcome");
        Add("requests.ground", "Rettslig grunnlag ved avslag", "Legal ground for a refusal");
        Add("requests.complete", "Registrer svar", "Record the answer");
        Add("requests.register", "Registrer en ny forespørsel", "Register a new request");
        Add("requests.registerSubmit", "Registrer", "Register");
        Add("requests.fillRegister", "Velg juridisk enhet, rettighet og mottaksdato.", "Choose the legal entity, the right and the date received.");
        Add("requests.noRequest", "Forespørselen finnes ikke.", "The request does not exist.");
        Add("requests.chooseOutcome", "Velg et utfall.", "Choose an outcome.");
        Add("requests.done.registered", "Forespørselen er registrert.", "The request has been registered.");
        Add("requests.done.extended", "Fristen er forlenget.", "The deadline has been extended.");
        Add("requests.done.completed", "Svaret er registrert.", "The answer has been recorded.");
        Add("right.Access", "Innsyn", "Access");
        Add("right.Rectification", "Retting", "Rectification");
        Add("right.Erasure", "Sletting", "Erasure");
        Add("right.Restriction", "Begrensning", "Restriction");
        Add("right.Objection", "Protest", "Objection");
        Add("requestStatus.Open", "Åpen", "Open");
        Add("requestStatus.Extended", "Forlenget", "Extended");
        Add("requestStatus.Completed", "Besvart", "Answered");
        Add("requestOutcome.Granted", "Innvilget", "Granted");
        Add("requestOutcome.PartiallyGranted", "Delvis innvilget", "Partially granted");
        Add("requestOutcome.Refused", "Avslått", "Refused");
        Add("requestOutcome.Withdrawn", "Trukket", "Withdrawn");

        // Case work: assignment, recusal, delete as irrelevant, oral reports, extension, paging, stale forms.
        Add("cases.assignee", "Ansvarlig", "Assignee");
        Add("cases.unassigned", "Ikke tildelt", "Unassigned");
        Add("cases.assignment", "Tildeling", "Assignment");
        Add("cases.assignedToMe", "Tildelt meg", "Assigned to me");
        Add("cases.unassignedOnly", "Ikke tildelt", "Unassigned");
        Add("cases.count", "{0} saker – side {1} av {2}", "{0} cases – page {1} of {2}");
        Add("cases.previous", "Forrige side", "Previous page");
        Add("cases.next", "Neste side", "Next page");
        Add("cases.paging", "Sider", "Pages");
        Add("cases.register", "Registrer muntlig varsel", "Register an oral report");
        Add("cases.recused", "Du har trådt til side i saken. Nøklene dine til saken er slettet.", "You have stood aside from the case. Your keys to it have been deleted.");
        Add("case.stale", "Saken er endret siden du åpnet den, og ingenting ble lagret. Les siden på nytt og prøv igjen.",
            "The case changed since you opened it, and nothing was saved. Reload the page and try again.");
        Add("case.assignment", "Tildeling og inhabilitet", "Assignment and conflicts of interest");
        Add("case.assignTo", "Ansvarlig saksbehandler", "Responsible handler");
        Add("case.assign", "Lagre tildeling", "Save assignment");
        Add("case.assignMe", "Tildel meg", "Assign to me");
        Add("case.recuseLabel", "Jeg er inhabil – begrunnelse", "I have a conflict of interest – reason");
        Add("case.recuseHint",
            "Begrunnelsen lagres kryptert som internt notat. Nøklene dine til saken slettes, og du mister tilgangen. Den siste med tilgang kan ikke tre til side.",
            "The reason is stored encrypted as an internal note. Your keys to the case are deleted and you lose access. The last person with access cannot stand aside.");
        Add("case.recuse", "Tre til side", "Stand aside");
        Add("case.irrelevantReason", "Hvorfor irrelevant", "Why irrelevant");
        Add("case.chooseReason", "Velg en begrunnelse", "Choose a reason");
        Add("case.deleteIrrelevant", "Slett som irrelevant", "Delete as irrelevant");
        Add("irrelevant.NotRelatedToTheReport", "Har ikke med varselet å gjøre", "Not related to the report");
        Add("irrelevant.ExcessivePersonalData", "Flere personopplysninger enn saken trenger", "More personal data than the case needs");
        Add("irrelevant.SpecialCategoryData", "Særlige kategorier personopplysninger saken ikke trenger", "Special categories of personal data the case does not need");
        Add("irrelevant.Duplicate", "Dobbelt opp", "Duplicate");
        Add("template.deletedIrrelevant", "En oppføring ble slettet som irrelevant {0}.", "An entry was deleted as irrelevant on {0}.");
        Add("template.minutesAgreed", "Varsleren har godtatt referatet av det muntlige varselet.", "The reporter agreed to the minutes of the oral report.");
        Add("case.extensionReason", "Begrunnelse for forlenget frist", "Reason for the extended deadline");
        Add("case.extendLabel", "Forleng fristen for tilbakemelding til seks måneder – begrunnelse", "Extend the feedback period to six months – reason");
        Add("case.extendHint", "Bare for eksterne kanaler, i saker der det er godt begrunnet (direktivet art. 11(2)).",
            "External channels only, in duly justified cases (Directive Art. 11(2)).");
        Add("case.extend", "Forleng fristen", "Extend the period");
        Add("case.extendInternal", "Fristen for tilbakemelding kan ikke forlenges i en intern kanal; bare eksterne kanaler kan forlenge (direktivet art. 11(2)).",
            "The feedback period cannot be extended on an internal channel; only external channels may extend it (Directive Art. 11(2)).");
        Add("case.oral", "Muntlig varsel", "Oral report");
        Add("case.minutes", "Referat av muntlig varsel", "Minutes of the oral report");
        Add("case.minutesAgreed", "Varsleren har godtatt referatet", "The reporter agreed to the minutes");
        Add("case.minutesNotAgreed", "Ikke ennå", "Not yet");
        Add("medium.Phone", "Telefon", "Phone");
        Add("medium.Meeting", "Møte", "Meeting");
        Add("register.title", "Registrer muntlig varsel", "Register an oral report");
        Add("register.lead",
            "Et varsel gitt på telefon eller i møte registreres her på varslerens vegne, med fullstendig og nøyaktig referat. Varsleren får en kvitteringskode og kan kontrollere, rette og godta referatet i den anonyme postkassen.",
            "A report made by phone or in a meeting is registered here on the reporter's behalf, with complete and accurate minutes. The reporter gets a receipt code and can check, correct and agree to the minutes in the anonymous mailbox.");
        Add("register.channel", "Kanal", "Channel");
        Add("register.noChannels", "Du er ikke saksbehandler for noen åpen kanal.", "You are not a handler of any open channel.");
        Add("register.category", "Kategori (valgfri)", "Category (optional)");
        Add("register.medium", "Hvordan varselet ble gitt", "How the report was made");
        Add("register.date", "Dato for varselet", "Date of the report");
        Add("register.minutes", "Referat eller utskrift", "Minutes or transcript");
        Add("register.minutesHint", "Fullstendig og nøyaktig. Varsleren får lese og rette det.", "Complete and accurate. The reporter will read and can correct it.");
        Add("register.name", "Varslerens navn (valgfritt)", "The reporter's name (optional)");
        Add("register.contact", "Varslerens kontaktinformasjon (valgfri)", "The reporter's contact details (optional)");
        Add("register.submit", "Registrer varselet", "Register the report");
        Add("register.fill", "Velg kanal, hvordan og når varselet ble gitt, og skriv referatet.", "Choose the channel, how and when the report was made, and write the minutes.");
        Add("register.done", "Varselet er registrert som sak", "The report is registered as case");
        Add("register.code", "Kvitteringskode til varsleren", "Receipt code for the reporter");
        Add("register.codeHint",
            "Gi koden til varsleren nå. Den vises bare denne ene gangen, lagres ikke og kan ikke hentes fram igjen. Med koden logger varsleren inn i den anonyme postkassen.",
            "Give the code to the reporter now. It is shown this once only, is not stored and cannot be shown again. With it, the reporter logs in to the anonymous mailbox.");
        Add("register.open", "Åpne saken", "Open the case");
    }
}
