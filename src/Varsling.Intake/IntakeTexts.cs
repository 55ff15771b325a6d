using Varsling.WebCommon;

namespace Varsling.Intake;

/// <summary>The intake site's texts in Norwegian Bokmål and English.</summary>
public sealed class IntakeTexts : TextCatalog
{
    public IntakeTexts()
    {
        Add("site.name", "Varsling", "Varsling");
        Add("site.tagline", "Trygg og anonym varsling om kritikkverdige forhold", "Safe and anonymous reporting of wrongdoing");
        Add("nav.skip", "Hopp til innhold", "Skip to content");
        Add("nav.language", "English", "Norsk (bokmål)");
        Add("nav.languageLabel", "Språk", "Language");
        Add("home.title", "Si fra om kritikkverdige forhold", "Speak up about wrongdoing");
        Add("home.lead",
            "Her kan du varsle om kritikkverdige forhold hos en virksomhet, med eller uten navn. Det du skriver krypteres før det lagres, og bare de som behandler saken kan lese det.",
            "Here you can report wrongdoing at an organisation, with or without your name. What you write is encrypted before it is stored, and only the people who handle the case can read it.");
        Add("home.anonymity.title", "Slik holder du deg anonym", "How to stay anonymous");
        Add("home.anonymity.device", "Bruk en privat enhet, ikke arbeidsgiverens PC eller telefon.", "Use a private device, not your employer's computer or phone.");
        Add("home.anonymity.network", "Bruk ikke arbeidsgiverens nettverk.", "Do not use your employer's network.");
        Add("home.anonymity.tor", "Tor Browser skjuler hvor du kobler deg til fra.", "Tor Browser hides where you connect from.");
        Add("home.anonymity.nolog", "Vi lagrer ikke IP-adressen din, nettleseren din eller hvor du kom fra, og vi bruker ingen sporing.",
            "We do not store your IP address, your browser or where you came from, and we use no tracking.");
        Add("home.organisation", "Gå til varslingssiden til virksomheten din via lenken den har gitt deg.",
            "Go to your organisation's reporting page using the link it gave you.");
        Add("home.anonymity.content", "Skriv ikke mer om deg selv enn du ønsker å dele; detaljer kan avsløre hvem du er.",
            "Do not write more about yourself than you want to share; details can reveal who you are.");
        Add("nav.back", "Tilbake", "Back");
        Add("org.title", "Varsling til", "Report to");
        Add("org.channels", "Velg varslingskanal", "Choose a reporting channel");
        Add("org.closed", "stengt", "closed");
        Add("org.next.title", "Hva skjer etterpå", "What happens next");
        Add("org.next.receipt", "Når du sender, får du en kvitteringskode. Den er eneste vei tilbake til saken din.",
            "When you submit, you get a receipt code. It is the only way back to your case.");
        Add("org.next.ack", "Du får en bekreftelse på at varselet er mottatt innen 7 dager.", "You get an acknowledgement that the report was received within 7 days.");
        Add("org.next.feedback", "Du får tilbakemelding om oppfølgingen innen 3 måneder.", "You get feedback on the follow-up within 3 months.");
        Add("org.next.mailbox", "Logg inn i den anonyme postkassen med koden for å lese svar og svare.",
            "Log in to the anonymous mailbox with the code to read answers and reply.");
        Add("org.mailbox.title", "Har du allerede varslet?", "Already reported?");
        Add("org.mailbox.link", "Gå til den anonyme postkassen", "Go to the anonymous mailbox");
        Add("path.nojs", "JavaScript er av: varselet ditt krypteres på serveren vår i det øyeblikket det kommer fram, før noe lagres.",
            "JavaScript is off: your report is encrypted on our server the moment it arrives, before anything is stored.");
        Add("path.js", "JavaScript er på: varselet ditt krypteres i nettleseren din før det sendes. Serveren ser aldri innholdet.",
            "JavaScript is on: your report is encrypted in your browser before it is sent. The server never sees its content.");
        Add("path.nox25519", "Nettleseren din mangler krypteringen dette nettstedet bruker (X25519 i WebCrypto), så varselet ditt sendes med det vanlige skjemaet og krypteres på serveren vår i det øyeblikket det kommer fram, før noe lagres.",
            "Your browser lacks the encryption this site uses (X25519 in WebCrypto), so your report is sent with the plain form and encrypted on our server the moment it arrives, before anything is stored.");
        Add("path.nox25519.mailbox", "Nettleseren din mangler krypteringen dette nettstedet bruker (X25519 i WebCrypto), så koden din brukes på serveren for å åpne saken, og glemmes straks.",
            "Your browser lacks the encryption this site uses (X25519 in WebCrypto), so your code is used on our server to open your case, and forgotten at once.");
        Add("path.nojs.mailbox", "JavaScript er av: koden din brukes på serveren for å åpne saken, og glemmes straks.",
            "JavaScript is off: your code is used on our server to open your case, and forgotten at once.");
        Add("path.js.mailbox", "JavaScript er på: koden din og meldingene åpnes bare i nettleseren din.",
            "JavaScript is on: your code and your messages are opened only in your browser.");
        Add("report.title", "Send et varsel", "File a report");
        Add("report.intro", "Beskriv det du har opplevd eller sett. Bare feltet om hva som skjedde er påkrevd.",
            "Describe what you experienced or saw. Only the field about what happened is required.");
        Add("report.noRecipients", "Denne kanalen har ingen saksbehandlere ennå, så et varsel kunne ikke blitt lest. Kontakt virksomheten på annen måte, eller prøv senere.",
            "This channel has no case handlers yet, so a report could not be read. Contact the organisation another way, or try later.");
        Add("report.category", "Hva gjelder det?", "What is it about?");
        Add("report.category.none", "Velg (valgfritt)", "Choose (optional)");
        Add("report.what", "Hva skjedde?", "What happened?");
        Add("report.what.hint", "Beskriv så konkret du kan.", "Describe it as concretely as you can.");
        Add("report.when", "Når skjedde det?", "When did it happen?");
        Add("report.where", "Hvor skjedde det?", "Where did it happen?");
        Add("report.who", "Hvem er involvert?", "Who is involved?");
        Add("report.how", "Hvordan vet du dette?", "How do you know this?");
        Add("report.identity", "Om deg (valgfritt)", "About you (optional)");
        Add("report.identity.hint", "La feltene stå tomme for å varsle anonymt. Fyller du dem ut, kan bare utpekte saksbehandlere lese dem.",
            "Leave these empty to report anonymously. If you fill them in, only designated case handlers can read them.");
        Add("report.name", "Navn", "Name");
        Add("report.contact", "Hvordan kan vi kontakte deg?", "How can we contact you?");
        Add("report.files", "Vedlegg (valgfritt)", "Attachments (optional)");
        Add("report.files.hint", "Opptil {0} filer, høyst {1} MB hver. Filer kan inneholde skjulte opplysninger om deg (f.eks. forfatter eller posisjon).",
            "Up to {0} files, at most {1} MB each. Files can contain hidden details about you (such as author or location).");
        Add("report.toReview", "Gå videre til gjennomgang", "Continue to review");
        Add("form.required", "påkrevd", "required");
        Add("form.errors", "Noe må rettes", "Something needs fixing");
        Add("form.invalid", "En verdi er ugyldig.", "A value is not valid.");
        Add("what.required", "Beskriv hva som skjedde.", "Describe what happened.");
        Add("text.tooLong", "Teksten er for lang.", "The text is too long.");
        Add("question.required", "Dette spørsmålet må besvares.", "This question must be answered.");
        Add("category.unknown", "Velg en av kategoriene.", "Choose one of the categories.");
        Add("review.title", "Se over og send", "Review and submit");
        Add("review.intro", "Sjekk at alt stemmer. Du kan legge ved filer her. Ingenting er lagret før du sender.",
            "Check that everything is right. You can attach files here. Nothing is stored until you submit.");
        Add("review.anonymous", "Anonym", "Anonymous");
        Add("review.submit", "Send varselet", "Submit the report");
        Add("review.edit", "Endre svarene", "Change the answers");
        Add("submit.failed", "Varselet ble ikke sendt", "The report was not submitted");
        Add("submit.nothingSaved", "Ingenting er lagret.", "Nothing was saved.");
        Add("submit.again", "Prøv igjen", "Try again");
        Add("submit.sending", "Krypterer og sender …", "Encrypting and sending …");
        Add("submit.uploading", "Laster opp {0}: {1} %", "Uploading {0}: {1} %");
        Add("receipt.title", "Varselet er mottatt – her er kvitteringskoden din", "Report received – here is your receipt code");
        Add("receipt.lead", "Med denne koden kan du logge inn i den anonyme postkassen, lese svar og svare.",
            "With this code you can log in to the anonymous mailbox, read answers and reply.");
        Add("receipt.writeDown", "Skriv ned koden nå. Den vises bare denne ene gangen.", "Write the code down now. It is shown only this once.");
        Add("receipt.noRecovery", "Koden kan ikke gjenopprettes. Mister du den, kan du sende et nytt varsel og vise til dette.",
            "The code cannot be recovered. If you lose it, you can file a new report and refer to this one.");
        Add("receipt.noWorkDevice", "Ikke lagre koden på en jobbenhet eller i jobbens e-post eller skylagring.",
            "Do not store the code on a work device or in work e-mail or cloud storage.");
        Add("receipt.noScreenshot", "Unngå skjermbilder som synkroniseres automatisk.", "Avoid screenshots that sync automatically.");
        Add("receipt.checkBack", "Logg inn igjen om noen dager for å se om saksbehandlerne har spørsmål.",
            "Log in again in a few days to see whether the case handlers have questions.");
        Add("receipt.acknowledged", "Virksomheten har automatisk bekreftet at varselet er mottatt.", "The organisation has automatically acknowledged receipt of the report.");
        Add("mailbox.login.title", "Anonym postkasse", "Anonymous mailbox");
        Add("mailbox.login.lead", "Logg inn med kvitteringskoden du fikk da du sendte varselet.", "Log in with the receipt code you got when you submitted the report.");
        Add("mailbox.login.code", "Kvitteringskode", "Receipt code");
        Add("mailbox.login.hint", "20 tegn, f.eks. 7QX4-M2KD-9H3T-PZ8R-WC5N. Store/små bokstaver og bindestreker spiller ingen rolle.",
            "20 characters, e.g. 7QX4-M2KD-9H3T-PZ8R-WC5N. Case and dashes do not matter.");
        Add("mailbox.login.submit", "Logg inn", "Log in");
        Add("mailbox.login.refused", "Koden ble ikke gjenkjent. Sjekk den og prøv igjen.", "The code was not recognised. Check it and try again.");
        Add("mailbox.login.working", "Åpner saken …", "Opening the case …");
        Add("mailbox.title", "Saken din", "Your case");
        Add("mailbox.status", "Status og datoer", "Status and dates");
        Add("mailbox.status.label", "Status", "Status");
        Add("mailbox.received", "Mottatt", "Received");
        Add("mailbox.acknowledged", "Bekreftet mottatt", "Acknowledged");
        Add("mailbox.feedbackDue", "Tilbakemelding senest", "Feedback due by");
        Add("mailbox.feedbackGiven", "Tilbakemelding gitt", "Feedback given");
        Add("mailbox.closed", "Avsluttet", "Closed");
        Add("mailbox.messages", "Meldinger", "Messages");
        Add("mailbox.loading", "Åpner meldingene i nettleseren …", "Opening the messages in your browser …");
        Add("mailbox.relogin", "Nøkkelen til saken finnes ikke i denne fanen. Logg ut og inn igjen med koden.",
            "The key to your case is not in this tab. Log out and log in again with your code.");
        Add("mailbox.file", "Vedlegg", "Attachment");
        Add("mailbox.reply", "Svar eller legg til opplysninger", "Reply or add information");
        Add("mailbox.reply.text", "Melding", "Message");
        Add("mailbox.reply.send", "Send", "Send");
        Add("mailbox.logout", "Logg ut", "Log out");
        Add("mailbox.loggedOut", "Du er logget ut", "You are logged out");
        Add("mailbox.loggedOut.lead", "Økten er slettet, og nettleseren er bedt om å fjerne alt nettstedet har lagret. Lukk fanen når du er ferdig.",
            "The session is deleted and the browser was asked to remove everything this site stored. Close the tab when you are done.");
        Add("author.Reporter", "Du", "You");
        Add("author.Handler", "Saksbehandler", "Case handler");
        Add("author.System", "Automatisk melding", "Automatic message");
        Add("template.deletedIrrelevant", "En oppføring ble slettet som irrelevant for saken denne dagen.", "An entry was deleted as irrelevant to the case on this day.");
        Add("template.minutesAgreed", "Du godtok referatet av det muntlige varselet ditt.", "You agreed to the minutes of your oral report.");
        Add("minutes.label", "Referat av det muntlige varselet ditt – kontroller det", "Minutes of your oral report – please check");
        Add("minutes.lead",
            "Saksbehandleren skrev dette referatet da du varslet muntlig. Les det nøye. Er det fullstendig og riktig, kan du godta det. Er noe feil eller mangler noe, svar med rettelsene dine nedenfor.",
            "The case handler wrote these minutes when you reported orally. Read them carefully. If they are complete and accurate, you can agree to them. If something is wrong or missing, reply with your corrections below.");
        Add("minutes.agree", "Jeg godtar referatet", "I agree to the minutes");
        Add("minutes.agreed", "Du godtok referatet", "You agreed to the minutes on");
        Add("minutes.failed", "Kunne ikke godta referatet", "Could not agree to the minutes");
        Add("template.acknowledgement", "Takk for varselet. Vi bekrefter at det er mottatt, og vil følge det opp. Du får tilbakemelding i denne postkassen.",
            "Thank you for your report. We confirm that it has been received and will follow it up. You will get feedback in this mailbox.");
        Add("status.Received", "Mottatt", "Received");
        Add("status.Acknowledged", "Bekreftet mottatt", "Acknowledged");
        Add("status.UnderInvestigation", "Under behandling", "Under investigation");
        Add("status.FeedbackGiven", "Tilbakemelding gitt", "Feedback given");
        Add("status.Closed", "Avsluttet", "Closed");
        Add("status.Purged", "Slettet", "Deleted");
        Add("privacy.title", "Personvernerklæring for varslingskanalen", "Privacy notice for the whistleblowing channel");
        Add("privacy.controller", "Behandlingsansvarlig", "Controller");
        Add("privacy.controller.text", "{0} er behandlingsansvarlig for personopplysningene i varslingssaker.", "{0} is the controller of the personal data in whistleblowing cases.");
        Add("privacy.contact", "Kontakt", "Contact");
        Add("privacy.dpo", "Personvernombud", "Data protection officer");
        Add("privacy.purpose", "Formål og rettslig grunnlag", "Purpose and legal basis");
        Add("privacy.purpose.text", "Vi behandler opplysningene for å ta imot, undersøke og følge opp varsler om kritikkverdige forhold, og for å gi varsleren tilbakemelding.",
            "We process the data to receive, investigate and follow up reports of wrongdoing, and to give the reporter feedback.");
        Add("privacy.basis", "Rettslig grunnlag", "Legal basis");
        Add("privacy.basis.text", "Rettslig forpliktelse etter GDPR art. 6 nr. 1 bokstav c, jf. varslingsdirektivet (EU) 2019/1937 og nasjonal lov (i Norge arbeidsmiljøloven kapittel 2 A). Særlige kategorier og opplysninger om straffbare forhold behandles bare når det er nødvendig, etter art. 9 og 10.",
            "Legal obligation under GDPR Art. 6(1)(c), with the Whistleblowing Directive (EU) 2019/1937 and national law (in Norway, the Working Environment Act chapter 2 A). Special categories and data on offences are processed only where necessary, under Art. 9 and 10.");
        Add("privacy.data", "Hvilke opplysninger", "What data");
        Add("privacy.data.text", "Det du skriver i varselet og i meldinger, vedlegg, og navn og kontaktopplysninger hvis du oppgir dem. Varselet kan også inneholde opplysninger om personer det varsles om og vitner.",
            "What you write in the report and in messages, attachments, and your name and contact details if you give them. The report may also contain data about the persons reported and witnesses.");
        Add("privacy.anonymous", "Du kan varsle anonymt. Vi lagrer ikke IP-adresse, nettleser eller hvor du kom fra.",
            "You can report anonymously. We do not store your IP address, your browser or where you came from.");
        Add("privacy.encryption", "Alt du skriver krypteres, og identiteten din krypteres med en egen nøkkel som bare utpekte saksbehandlere har.",
            "Everything you write is encrypted, and your identity is encrypted with a separate key that only designated case handlers hold.");
        Add("privacy.recipients", "Hvem får opplysningene", "Who receives the data");
        Add("privacy.recipients.text", "Bare saksbehandlerne for kanalen. Ved behov deles opplysninger med eksterne rådgivere, IT-leverandører og myndigheter, og bare når det er nødvendig.",
            "Only the channel's case handlers. Where needed, data is shared with external advisers, IT providers and authorities, and only when necessary.");
        Add("privacy.processors", "Databehandlere", "Processors");
        Add("privacy.transfers", "Opplysningene overføres ikke til land utenfor EØS.", "The data is not transferred to countries outside the EEA.");
        Add("privacy.retention", "Hvor lenge", "How long");
        Add("privacy.retention.text", "Saken slettes {0} måneder etter at den er avsluttet, eller senere bare der annen lov eller en domstol krever det.",
            "The case is deleted {0} months after it is closed, or later only where other law or a court requires it.");
        Add("privacy.rights", "Dine rettigheter", "Your rights");
        Add("privacy.rights.access", "Innsyn i opplysningene om deg.", "Access to the data about you.");
        Add("privacy.rights.rectification", "Retting av uriktige opplysninger.", "Rectification of inaccurate data.");
        Add("privacy.rights.erasure", "Sletting når vilkårene er oppfylt.", "Erasure where the conditions are met.");
        Add("privacy.rights.restriction", "Begrensning av behandlingen.", "Restriction of processing.");
        Add("privacy.rights.objection", "Protest mot behandlingen.", "Objection to the processing.");
        Add("privacy.rights.portability", "Dataportabilitet gjelder vanligvis ikke, fordi behandlingen bygger på en rettslig forpliktelse.",
            "Data portability usually does not apply, because the processing rests on a legal obligation.");
        Add("privacy.rights.anonymously", "Du kan bruke rettighetene dine anonymt ved å skrive til oss i den anonyme postkassen.",
            "You can exercise your rights anonymously by writing to us in the anonymous mailbox.");
        Add("privacy.complaint", "Du kan klage til {0}.", "You can complain to {0}.");
        Add("cookies.title", "Informasjonskapsler", "Cookies");
        Add("cookies.lead", "Nettstedet bruker bare strengt nødvendige informasjonskapsler. Språk velges i adressen, ikke med en informasjonskapsel.",
            "The site uses only strictly necessary cookies. The language is chosen in the address, not with a cookie.");
        Add("cookies.caption", "Alle informasjonskapsler nettstedet setter", "Every cookie the site sets");
        Add("cookies.name", "Navn", "Name");
        Add("cookies.purpose", "Formål", "Purpose");
        Add("cookies.duration", "Varighet", "Duration");
        Add("cookies.af.purpose", "Beskytter skjemaene mot forfalskede innsendinger fra andre nettsteder.", "Protects the forms against forged submissions from other sites.");
        Add("cookies.mb.purpose", "Holder deg innlogget i den anonyme postkassen. Inneholder ingen kode og ingen personopplysninger.",
            "Keeps you logged in to the anonymous mailbox. Contains no code and no personal data.");
        Add("cookies.session", "Til nettleseren lukkes, eller til du logger ut", "Until the browser closes, or until you log out");
        Add("cookies.none", "Ingen analyse, ingen sporing og ikke noe innhold fra tredjeparter.", "No analytics, no tracking and no third-party content.");
        Add("footer.noTracking", "Ingen sporing. Bare nødvendige informasjonskapsler.", "No tracking. Only strictly necessary cookies.");
    }
}
