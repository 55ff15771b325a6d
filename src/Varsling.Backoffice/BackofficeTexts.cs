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
        Add("answer.none", "(ikke besvart)", "(not answered)");
        Add("identity.name", "Navn", "Name");
        Add("identity.contact", "Kontaktinformasjon", "Contact details");
        Add("notice.link", "Informasjon til den det er varslet om", "Informing the reported person");
        Add("notice.title", "Informasjon til den det er varslet om, sak", "Informing the reported person, case");
        Add("notice.back", "Tilbake til saken", "Back to the case");
        Add("notice.lead",
            "Den det er varslet om skal som hovedregel informeres innen en måned (personvernforordningen art. 14). Informasjonen kan utsettes når den ville skade undersøkelsen eller et lovbestemt unntak gjelder; grunnlaget og en dato for ny vurdering skal da registreres.",
            "The reported person must as a rule be informed within one month (GDPR Art. 14). Informing may be deferred when it would harm the investigation or a statutory exemption applies; the ground and a date for reviewing it must then be recorded.");
        Add("notice.due", "Frist for å informere", "Deadline for informing");
        Add("notice.state", "Status", "Status");
        Add("notice.state.Pending", "Ikke informert ennå", "Not informed yet");
        Add("notice.state.Informed", "Informert", "Informed");
        Add("notice.state.Deferred", "Utsatt", "Deferred");
        Add("notice.inTime", "(innen fristen)", "(within the deadline)");
        Add("notice.late", "(etter fristen)", "(after the deadline)");
        Add("notice.reviewOn", "Ny vurdering innen", "Review by");
        Add("notice.reviewOverdue", "Ny vurdering er forfalt", "Review overdue");
        Add("notice.reviewSoon", "Ny vurdering nærmer seg", "Review due soon");
        Add("notice.history", "Historikk", "History");
        Add("notice.recorded", "Registrert", "Recorded");
        Add("notice.entry", "Registrering", "Entry");
        Add("notice.informedHeading", "Den det er varslet om er informert", "The reported person has been informed");
        Add("notice.informedOn", "Dato informert", "Date informed");
        Add("notice.recordInformed", "Registrer at personen er informert", "Record that the person was informed");
        Add("notice.deferHeading", "Utsett informasjonen", "Defer informing");
        Add("notice.deferHint",
            "Velg grunnlaget og en dato da utsettelsen skal vurderes på nytt. Skriv ikke inn navn eller andre opplysninger om personer.",
            "Choose the ground and a date by which the deferral will be reviewed. Do not enter names or other details about anyone.");
        Add("notice.ground", "Grunnlag", "Ground");
        Add("notice.defer", "Utsett", "Defer");
        Add("ground.ImpairsInvestigation", "Ville skade undersøkelsen (art. 14 nr. 5 bokstav b)", "Would seriously impair the investigation (Art. 14(5)(b))");
        Add("ground.ImpossibleOrDisproportionate", "Umulig eller uforholdsmessig vanskelig (art. 14 nr. 5 bokstav b)", "Impossible or a disproportionate effort (Art. 14(5)(b))");
        Add("ground.NationalRestriction", "Nasjonalt unntak (art. 23, personopplysningsloven § 16)", "National exemption (Art. 23; Norway: personopplysningsloven § 16)");
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
        Add("nav.record", "Behandlingsprotokoll", "Record of processing");
        Add("record.lead",
            "Protokollen etter personvernforordningen art. 30 for varslingskanalen, laget fra organisasjonens innstillinger. Nedlastingen loggføres.",
            "The record under GDPR Art. 30 for the whistleblowing channel, made from the organisation's settings. The download is logged.");
        Add("record.download", "Last ned som PDF", "Download as PDF");
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
        Add("export.format.Pdf", "PDF (til lesing og arkiv)", "PDF (for reading and filing)");
        Add("export.hint",
            "Eksporten loggføres. Oppsummeringer du ikke har nøkkel til, står tomme.",
            "The export is logged. Summaries you hold no key for are left empty.");
        Add("export.submit", "Last ned", "Download");
        Add("nav.holds", "Rettslig hold", "Legal holds");
        Add("holds.title", "Rettslig hold (stans av sletting)", "Legal holds (purge paused)");
        Add("holds.lead",
            "En sak på rettslig hold slettes ikke når oppbevaringstiden er ute, så lenge et krav, en rettssak eller et pålegg fra en myndighet gjør det nødvendig å beholde den. Opphev holdet når grunnen faller bort; en avsluttet sak som er forbi slettedatoen, slettes da ved neste kjøring.",
            "A case on legal hold is not purged when its retention ends, for as long as a claim, litigation or an authority's order needs it kept. Release the hold when the reason ends; a closed case past its purge date is then purged on the next run.");
        Add("holds.done.set", "Saken er satt på rettslig hold.", "The case is on legal hold.");
        Add("holds.done.released", "Det rettslige holdet er opphevet.", "The legal hold is released.");
        Add("holds.onHold", "Saker på rettslig hold", "Cases on legal hold");
        Add("holds.noneOnHold", "Ingen saker er på rettslig hold.", "No case is on legal hold.");
        Add("holds.purgeSoon", "Slettes snart", "Purged soon");
        Add("holds.purgeSoonLead", "Avsluttede saker som slettes til og med {0}.", "Closed cases purged up to and including {0}.");
        Add("holds.nonePurgeSoon", "Ingen avsluttede saker slettes i denne perioden.", "No closed case is purged in this period.");
        Add("holds.reference", "Saksreferanse", "Case reference");
        Add("holds.status", "Status", "Status");
        Add("holds.closed", "Avsluttet", "Closed");
        Add("holds.purgeDue", "Slettedato", "Purge date");
        Add("holds.reason", "Grunn", "Reason");
        Add("holds.reasonHint",
            "Vis til kravet, saken eller pålegget holdet bygger på. Ikke skriv navn eller annet fra saken.",
            "Name the claim, case or order the hold rests on. Don't write names or anything from the case.");
        Add("holds.since", "Satt", "Set on");
        Add("holds.actions", "Handling", "Action");
        Add("holds.release", "Opphev hold", "Release hold");
        Add("holds.setTitle", "Sett en sak på rettslig hold", "Put a case on legal hold");
        Add("holds.set", "Sett på hold", "Put on hold");
        Add("holds.needReference", "Skriv saksreferansen.", "Enter the case reference.");
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
        Add("stats.anonymousShare", "Andel anonyme varsler", "Share of anonymous reports");
        Add("stats.byChannelAnonymity", "Anonyme og navngitte varsler per kanal", "Anonymous and named reports by channel");
        Add("stats.anonymous", "Anonyme", "Anonymous");
        Add("stats.identified", "Med identitet", "With identity");
        Add("stats.share", "Andel anonyme", "Anonymous share");
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

        // Access: grants, escrow and custodian identity release.
        Add("nav.access", "Tilganger", "Access");
        Add("nav.escrow", "Nøkkeldeponering", "Key escrow");
        Add("access.title", "Tilganger å gi", "Access to grant");
        Add("access.lead",
            "Disse personene skal ha tilgang til saker du kan åpne, men mangler nøklene. Bare noen med en opplåst nøkkel kan gi tilgang: serveren kan ikke gjøre det alene.",
            "These people should have access to cases you can open but lack the keys. Only someone with an unlocked key can grant access: the server cannot do it alone.");
        Add("access.pending", "Mangler tilgang", "Lacking access");
        Add("access.none", "Ingen mangler tilgang til saker du kan åpne.", "Nobody lacks access to cases you can open.");
        Add("access.reason.ChannelMember", "saksbehandler i kanalen", "handler in the channel");
        Add("access.reason.LegalSummary", "juridisk avdeling: avslutningsoppsummering", "legal team: closing summary");
        Add("access.grant", "Gi tilgang til {0} saker", "Grant access to {0} cases");
        Add("access.choosePerson", "Velg hvem som skal få tilgang.", "Choose who should get access.");
        Add("access.chooseRequest", "Forespørselen finnes ikke.", "The request does not exist.");
        Add("access.done.granted", "Tilgang er gitt til {0} saker.", "Access has been granted to {0} cases.");
        Add("access.done.approved", "Identiteten er frigitt til saksbehandleren.", "The identity has been released to the handler.");
        Add("access.done.refused", "Forespørselen er avslått.", "The request has been refused.");
        Add("access.requests", "Forespørsler om varslerens identitet", "Requests for the reporter's identity");
        Add("access.noRequests", "Ingen forespørsler venter på deg.", "No requests are waiting for you.");
        Add("access.requestReason", "Begrunnelse:", "Reason:");
        Add("access.approve", "Frigi identiteten", "Release the identity");
        Add("access.refuse", "Avslå", "Refuse");
        Add("case.identityHeld", "Identiteten oppbevares av en identitetsforvalter.", "The identity is held by a custodian.");
        Add("case.identityRequest", "Be om identiteten", "Request the identity");
        Add("identityRelease.title", "Varslerens identitet", "The reporter's identity");
        Add("identityRelease.back", "Tilbake til sak", "Back to case");
        Add("identityRelease.youHold", "Du har nøkkelen til varslerens identitet i denne saken.", "You hold the key to the reporter's identity in this case.");
        Add("identityRelease.held",
            "Identiteten oppbevares av en identitetsforvalter. Du ser den først når en forvalter godkjenner en begrunnet forespørsel.",
            "The identity is held by a custodian. You will see it only after a custodian approves a request with a reason.");
        Add("identityRelease.status.Pending", "Forespørselen din venter på en forvalter.", "Your request is waiting for a custodian.");
        Add("identityRelease.status.Approved", "Forespørselen din er godkjent.", "Your request was approved.");
        Add("identityRelease.status.Refused", "Forespørselen din ble avslått. Du kan be på nytt med en ny begrunnelse.", "Your request was refused. You may ask again with a new reason.");
        Add("identityRelease.reason", "Hvorfor trenger du identiteten?", "Why do you need the identity?");
        Add("identityRelease.reasonHint",
            "Begrunnelsen krypteres med sakens interne nøkkel og kan bare leses av sakens saksbehandlere.",
            "The reason is encrypted under the case's internal key and can be read only by the case's handlers.");
        Add("identityRelease.submit", "Send forespørselen", "Send the request");
        Add("identityRelease.done", "Forespørselen er sendt til forvalterne.", "The request has been sent to the custodians.");
        Add("escrow.title", "Nøkkeldeponering", "Key escrow");
        Add("escrow.lead",
            "Med nøkkeldeponering krypteres hver persons private nøkkel også til organisasjonens deponeringsnøkkel. Den som har deponeringsnøkkelen, kan gjenopprette en persons nøkkel og gi tilgang til saker på nytt. Hver handling loggføres.",
            "With key escrow, each person's private key is also encrypted to the organisation's escrow key. Whoever holds the escrow recovery key can recover a person's key and grant access to cases again. Every action is logged.");
        Add("escrow.on", "Nøkkeldeponering er slått på.", "Key escrow is on.");
        Add("escrow.off", "Nøkkeldeponering er slått av.", "Key escrow is off.");
        Add("escrow.turnOn", "Slå på nøkkeldeponering", "Turn key escrow on");
        Add("escrow.turnOnHint",
            "Du får se deponeringsnøkkelen én gang. Serveren lagrer den ikke.",
            "You will see the escrow recovery key once. The server does not store it.");
        Add("escrow.keyHeading", "Deponeringsnøkkelen (vises bare nå)", "The escrow recovery key (shown only now)");
        Add("escrow.keyKeep",
            "Skriv den ned og oppbevar den frakoblet, for eksempel i en safe, gjerne delt mellom to personer. Den som har den, kan åpne alle personers nøkler. Den vises aldri igjen, og uten den kan ingen bruke deponeringen.",
            "Write it down and keep it offline, for example in a safe, ideally split between two people. Whoever holds it can open everyone's keys. It is never shown again, and without it nobody can use the escrow.");
        Add("escrow.people", "Personer med nøkkel", "People with a key");
        Add("escrow.covered", "deponert", "in escrow");
        Add("escrow.notCovered", "deponeres ved neste innlogging", "joins escrow at the next sign-in");
        Add("escrow.person", "Person", "Person");
        Add("escrow.escrowKey", "Deponeringsnøkkelen", "The escrow recovery key");
        Add("escrow.recover", "Gjenopprett en persons nøkkel", "Recover a person's key");
        Add("escrow.recoverHint",
            "For en som har glemt passordet og mistet gjenopprettingsnøkkelen: de får en ny engangs gjenopprettingsnøkkel, beholder nøkkelparet og alle sakene, og velger nytt passord på siden «Glemt passordet?».",
            "For someone who forgot their password and lost their recovery key: they get a new one-time recovery key, keep their key pair and all their cases, and choose a new password on the \"Forgot your password?\" page.");
        Add("escrow.recoverSubmit", "Lag ny gjenopprettingsnøkkel", "Make a new recovery key");
        Add("escrow.recoveryHeading", "Ny gjenopprettingsnøkkel (vises bare nå)", "New recovery key (shown only now)");
        Add("escrow.recoveryHandOver",
            "Gi den til personen på en trygg måte, ikke på e-post. De bruker den på siden «Glemt passordet?».",
            "Hand it to the person safely, not by e-mail. They use it on the \"Forgot your password?\" page.");
        Add("escrow.regrant", "Gi tilgang på nytt gjennom deponeringen", "Re-grant access through escrow");
        Add("escrow.regrantHint",
            "For en person som har fått nytt nøkkelpar: sakene åpnes med en deponert nøkkel til en som har tilgang, og pakkes til personens nye nøkkel.",
            "For a person who has a new key pair: the cases are opened with the escrowed key of someone who has access, and wrapped to the person's new key.");
        Add("escrow.regrantSubmit", "Gi tilgang", "Grant access");
        Add("escrow.turnOff", "Slå av nøkkeldeponering", "Turn key escrow off");
        Add("escrow.turnOffHint",
            "Deponeringsnøkkelen og alle deponerte nøkler slettes. En person som da mister passord og gjenopprettingsnøkkel, får nytt nøkkelpar og må få tilgang på nytt.",
            "The escrow key and every escrowed key are deleted. A person who then loses password and recovery key gets a new key pair and must be granted access again.");
        Add("escrow.confirmOffLabel", "Ja, slett deponeringen", "Yes, delete the escrow");
        Add("escrow.confirmOff", "Kryss av for å bekrefte at deponeringen skal slettes.", "Tick the box to confirm that the escrow is to be deleted.");
        Add("escrow.fillIn", "Velg en person og skriv inn deponeringsnøkkelen.", "Choose a person and type the escrow recovery key.");
        Add("escrow.done.off", "Nøkkeldeponering er slått av, og deponeringen er slettet.", "Key escrow is off and the escrow has been deleted.");
        Add("nav.custodians", "Identitetsforvaltere", "Identity custodians");
        Add("custodians.title", "Identitetsforvaltere", "Identity custodians");
        Add("custodians.lead",
            "Når en kanal lar forvaltere oppbevare varslerens identitet, får bare forvalterne identitetsnøkkelen til nye saker. Andre saksbehandlere må be om den med en begrunnelse. Endringen gjelder saker som kommer inn etterpå.",
            "When a channel lets custodians hold the reporter's identity, only the custodians receive the identity key of new cases. Other handlers must ask for it with a reason. The change applies to cases filed afterwards.");
        Add("custodians.held", "Identiteten oppbevares av forvaltere", "Identities are held by custodians");
        Add("custodians.members", "Forvaltere blant kanalens saksbehandlere", "Custodians among the channel's handlers");
        Add("custodians.noMembers", "Kanalen har ingen saksbehandlere.", "The channel has no handlers.");
        Add("custodians.save", "Lagre", "Save");
        Add("custodians.chooseChannel", "Kanalen finnes ikke.", "The channel does not exist.");
        Add("custodians.done", "Endringen er lagret.", "The change has been saved.");
        Add("escrow.done.regranted", "Tilgang er gitt til {0} saker gjennom deponeringen.", "Access to {0} cases has been granted through escrow.");

        // Administration
        Add("nav.people", "Personer", "People");
        Add("nav.channels", "Kanaler", "Channels");
        Add("nav.entities", "Juridiske enheter", "Legal entities");
        Add("nav.settings", "Innstillinger", "Settings");
        Add("nav.audit", "Aktivitetslogg", "Audit log");
        Add("admin.save", "Lagre", "Save");
        Add("admin.up", "Flytt opp", "Move up");
        Add("admin.down", "Flytt ned", "Move down");
        Add("admin.remove", "Fjern", "Remove");
        Add("admin.rename", "Gi nytt navn", "Rename");
        Add("admin.yes", "Ja", "Yes");
        Add("admin.no", "Nei", "No");
        Add("admin.done", "Endringen er lagret.", "The change has been saved.");
        Add("admin.name", "Navn", "Name");
        Add("role.handler", "Saksbehandler", "Case handler");
        Add("role.legal", "Juridisk avdeling", "Legal team");
        Add("role.admin", "Administrator", "Administrator");
        Add("people.title", "Personer", "People");
        Add("people.lead",
            "Personer som arbeider i saksbehandlingen, med roller og kanaler. Nye personer får et engangspassord som du gir dem på en annen måte enn e-post, for eksempel personlig eller per telefon.",
            "People who work in the back office, with their roles and channels. New people get an initial password that you hand over by another route than e-mail, for example in person or by phone.");
        Add("people.grantNotice",
            "En saksbehandler som legges til en kanal, får nye saker i kanalen automatisk. Eksisterende saker får de først når en saksbehandler som allerede har tilgang, gir dem tilgang; serveren kan ikke gjøre det alene.",
            "A handler added to a channel receives the channel's new cases automatically. Existing cases reach them only when a handler who already has access grants it; the server cannot do that alone.");
        Add("people.caption", "Personer i organisasjonen", "People in the organisation");
        Add("people.email", "E-post", "E-mail");
        Add("people.roles", "Roller", "Roles");
        Add("people.status", "Status", "Status");
        Add("people.channels", "Kanaler", "Channels");
        Add("people.actions", "Endringer", "Changes");
        Add("people.enrolled", "Innrullert", "Enrolled");
        Add("people.notEnrolled", "Ikke innrullert ennå", "Not enrolled yet");
        Add("people.locked", "Sperret", "Locked");
        Add("people.deactivated", "Deaktivert", "Deactivated");
        Add("people.noChannels", "Ingen", "None");
        Add("people.setRoles", "Lagre roller", "Save roles");
        Add("people.addChannel", "Legg til i kanal", "Add to channel");
        Add("people.removeChannel", "Fjern fra kanalen", "Remove from the channel");
        Add("people.deactivate", "Deaktiver", "Deactivate");
        Add("people.reactivate", "Aktiver igjen", "Reactivate");
        Add("people.reset", "Tilbakestill konto", "Reset account");
        Add("people.resetHint",
            "Tilbakestilling sletter personens nøkkelpar: saker må gis til dem på nytt etter at de har rullert inn igjen.",
            "A reset deletes the person's key pair: cases must be granted to them again after they enrol again.");
        Add("people.create", "Legg til en person", "Add a person");
        Add("people.role", "Rolle", "Role");
        Add("people.createSubmit", "Opprett", "Create");
        Add("people.created", "Personen er opprettet.", "The person has been created.");
        Add("people.wasReset", "Kontoen er tilbakestilt.", "The account has been reset.");
        Add("people.initialPassword", "Engangspassord", "Initial password");
        Add("people.initialPasswordHint",
            "Passordet vises bare denne ene gangen. Gi det til personen på en trygg måte; ved første innlogging velger de sitt eget passord og setter opp tofaktorautentisering.",
            "The password is shown this once only. Hand it to the person safely; at first sign-in they choose their own password and set up two-factor authentication.");
        Add("people.back", "Tilbake til personene", "Back to the people");
        Add("people.fillCreate", "Fyll inn navn, e-postadresse og rolle.", "Fill in the name, e-mail address and role.");
        Add("people.chooseChannel", "Velg en kanal.", "Choose a channel.");
        Add("channels.title", "Kanaler", "Channels");
        Add("channels.lead",
            "Kanalene varslere kan sende inn gjennom, med kategorier og egne spørsmål i skjemaet. Svar på spørsmålene krypteres sammen med resten av varselet.",
            "The channels reporters file through, with categories and the form's own questions. Answers to the questions are encrypted with the rest of the report.");
        Add("channels.name", "Navn", "Name");
        Add("channels.slug", "Navn i nettadressen", "URL name");
        Add("channels.slugHint", "Små bokstaver, sifre og bindestrek.", "Lower-case letters, digits and dashes.");
        Add("channels.kind", "Type", "Kind");
        Add("channelKind.Internal", "Intern kanal", "Internal channel");
        Add("channelKind.External", "Ekstern kanal (myndighet)", "External channel (authority)");
        Add("channels.autoAck", "Send automatisk bekreftelse av mottak", "Send an automatic acknowledgement of receipt");
        Add("channels.open", "Åpen for nye varsler", "Open for new reports");
        Add("channels.closed", "Stengt", "Closed");
        Add("channels.members", "Medlemmer", "Members");
        Add("channels.categories", "Kategorier", "Categories");
        Add("channels.inUse", "brukt i {0} saker", "used by {0} cases");
        Add("channels.addCategory", "Legg til kategori", "Add category");
        Add("channels.category", "Kategori", "Category");
        Add("channels.questions", "Egne spørsmål i skjemaet", "The form's own questions");
        Add("channels.noQuestions", "Ingen egne spørsmål.", "No questions of its own.");
        Add("channels.question", "Spørsmål", "Question");
        Add("channels.required", "Må besvares", "Required");
        Add("channels.addQuestion", "Legg til spørsmål", "Add question");
        Add("channels.create", "Opprett en kanal", "Create a channel");
        Add("channels.createSubmit", "Opprett kanal", "Create channel");
        Add("channels.none", "Organisasjonen har ingen kanaler ennå.", "The organisation has no channels yet.");
        Add("channels.noEntities", "Opprett en juridisk enhet først.", "Create a legal entity first.");
        Add("entities.title", "Juridiske enheter", "Legal entities");
        Add("entities.lead",
            "Selskapene som mottar varsler. Jurisdiksjonen bestemmer kalenderen fristene regnes i; oppbevaringstid her overstyrer organisasjonens.",
            "The companies that receive reports. The jurisdiction decides the calendar deadlines are counted in; a retention period here overrides the organisation's.");
        Add("entities.jurisdiction", "Jurisdiksjon", "Jurisdiction");
        Add("entities.retention", "Oppbevaringstid etter avslutning (måneder, tomt = organisasjonens)", "Retention after closure (months, empty = the organisation's)");
        Add("entities.create", "Opprett en juridisk enhet", "Create a legal entity");
        Add("entities.createSubmit", "Opprett", "Create");
        Add("entities.default", "organisasjonens", "the organisation's");
        Add("settings.title", "Innstillinger for organisasjonen", "Organisation settings");
        Add("settings.lead", "Navn, oppbevaringstid, personvernerklæringen og påminnelser.", "Name, retention, the privacy notice and reminders.");
        Add("settings.name", "Organisasjonens navn", "Organisation name");
        Add("settings.retention", "Oppbevaringstid etter avslutning (måneder)", "Retention after closure (months)");
        Add("settings.privacy", "Personvernerklæringen", "The privacy notice");
        Add("settings.controller", "Behandlingsansvarlig", "Data controller");
        Add("settings.contact", "Kontakt for personvern", "Contact about personal data");
        Add("settings.dpo", "Personvernombud (valgfritt)", "Data protection officer (optional)");
        Add("settings.processors", "Databehandlere og mottakere (valgfritt)", "Processors and recipients (optional)");
        Add("settings.reminders", "Påminnelser", "Reminders");
        Add("settings.remindersHint",
            "Dager i forhold til hver frist, skilt med komma: negativt før, 0 på dagen, positivt etter (for eksempel -2, 0, 1). La begge feltene stå tomme for å bruke standarden ({0}; {1} dager før sletting).",
            "Days relative to each deadline, separated by commas: negative before, 0 on the day, positive after (for example -2, 0, 1). Leave both fields empty to use the default ({0}; {1} days before purge).");
        Add("settings.offsets", "Påminnelsesdager", "Reminder days");
        Add("settings.purgeNotice", "Varsel før sletting (dager)", "Notice before purge (days)");
        Add("settings.badOffsets", "Påminnelsesdagene må være hele tall skilt med komma.", "The reminder days must be whole numbers separated by commas.");
        Add("audit.title", "Aktivitetslogg", "Audit log");
        Add("audit.lead",
            "Hvem gjorde hva og når, nyeste først. Loggen inneholder aldri innholdet i saker. Hver visning av loggen loggføres også.",
            "Who did what and when, newest first. The log never holds the content of cases. Every view of the log is logged too.");
        Add("audit.intact", "Kjeden er hel: {0} hendelser kontrollert.", "The chain is intact: {0} events verified.");
        Add("audit.broken", "Kjeden er brutt ved hendelse {0} ({1}). Kontakt driftsansvarlig.", "The chain is broken at event {0} ({1}). Contact the operator.");
        Add("audit.filter", "Filtrer", "Filter");
        Add("audit.action", "Handling", "Action");
        Add("audit.actor", "Utført av", "Actor");
        Add("audit.any", "Alle", "Any");
        Add("audit.case", "Saksreferanse", "Case reference");
        Add("audit.time", "Tid (UTC)", "Time (UTC)");
        Add("audit.detail", "Detaljer", "Detail");
        Add("audit.none", "Ingen hendelser passer.", "No events match.");
        Add("audit.reporter", "Varsleren", "The reporter");
        Add("audit.system", "Systemet", "The system");
        Add("audit.unknownUser", "Ukjent bruker", "Unknown user");
        Add("audit.purged", "slettet sak", "purged case");
        Add("audit.newer", "Nyere", "Newer");
        Add("audit.older", "Eldre", "Older");
        Add("audit.page", "Side {0}", "Page {0}");

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
