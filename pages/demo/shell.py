"""Demo content of the site shell: clinic details, navigation, legal pages.

Nothing here is a fact about the clinic that its seed text does not give (ROC
Ortho, Aschheim near Munich, structured diagnosis before treatment, minimally
invasive options). Everything else the clinic must supply is a visibly marked
placeholder: "[Von der Praxis zu ergänzen: …]" / "[To be supplied by the
clinic: …]". Each function fills only what is missing, so editors' work stays.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation

from wagtail.models import Page, Site

from pages.models import (
    ClinicSettings,
    ConsultationPage,
    HomePage,
    LegalNoticePage,
    NavigationItem,
    StandardPage,
)
from treatments.models import TreatmentIndexPage

from .editor_form import as_saved_by_editor, paragraph_html
from .home import translated_values


def todo(language: str, what: str) -> str:
    if language == "de":
        return f"[Von der Praxis zu ergänzen: {what}]"
    return f"[To be supplied by the clinic: {what}]"


def clinic_settings_values() -> dict:
    values = {"clinic_name": "ROC Ortho", "postal_code": ""}
    for language, texts in {
        "de": {
            "tagline": "Orthopädie in Aschheim bei München",
            "street_address": todo("de", "Straße und Hausnummer, Postleitzahl"),
            "locality": "Aschheim",
            "region_note": "bei München",
            "phone": todo("de", "Telefonnummer"),
            "email": todo("de", "E-Mail-Adresse"),
            "opening_hours": todo("de", "Sprechzeiten"),
            "provider": todo("de", "Name und Rechtsform der Praxis"),
            "represented_by": todo("de", "vertretungsberechtigte Ärztin/Arzt"),
            "professional_title": todo(
                "de", "gesetzliche Berufsbezeichnung, z.\u00a0B. Arzt/Ärztin"
            ),
            "title_awarded_in": todo(
                "de", "Staat, in dem die Berufsbezeichnung verliehen wurde"
            ),
            "chamber": todo("de", "zuständige Ärztekammer"),
            "professional_rules": todo(
                "de", "berufsrechtliche Regelungen (Berufsordnung) mit Link"
            ),
            "supervisory_authority": todo(
                "de",
                "zuständige Aufsichtsbehörde, z.\u00a0B. Kassenärztliche Vereinigung",
            ),
            "vat_id": todo("de", "Umsatzsteuer-Identifikationsnummer, falls vorhanden"),
            "content_responsible": todo(
                "de", "inhaltlich Verantwortliche/r mit Anschrift"
            ),
        },
        "en": {
            "tagline": "Orthopaedics in Aschheim near Munich",
            "street_address": todo("en", "street, number and postal code"),
            "locality": "Aschheim",
            "region_note": "near Munich",
            "phone": todo("en", "phone number"),
            "email": todo("en", "email address"),
            "opening_hours": todo("en", "opening hours"),
            "provider": todo("en", "name and legal form of the practice"),
            "represented_by": todo("en", "doctor(s) representing the practice"),
            "professional_title": todo("en", "statutory professional title"),
            "title_awarded_in": todo("en", "state in which the title was awarded"),
            "chamber": todo("en", "competent medical chamber"),
            "professional_rules": todo("en", "professional rules, with a link"),
            "supervisory_authority": todo("en", "competent supervisory authority"),
            "vat_id": todo("en", "VAT identification number, if any"),
            "content_responsible": todo(
                "en", "person responsible for the content, with address"
            ),
        },
    }.items():
        for field, text in texts.items():
            values[f"{field}_{language}"] = text
    return values


def paragraphs(*texts: str) -> list[dict]:
    return [{"type": "paragraph", "value": paragraph_html(text)} for text in texts]


def heading(text: str) -> dict:
    return {"type": "heading", "value": text}


def bullets(*items: str) -> dict:
    return {"type": "bullet_list", "value": list(items)}


CONTACT = {"type": "clinic_contact", "value": None}


def clinic_page() -> dict:
    return {
        "de": {
            "title": "Die Praxis",
            "slug": "praxis",
            "search_description": (
                "ROC Ortho in Aschheim bei München: strukturierte Diagnostik vor "
                "jeder Behandlung, auch minimalinvasive Möglichkeiten."
            ),
            "intro": (
                "ROC Ortho ist eine orthopädische Praxis in Aschheim bei München."
            ),
            "body": [
                heading("Erst die Diagnose, dann die Behandlung"),
                *paragraphs(
                    "Vor jeder Behandlung steht bei uns eine strukturierte "
                    "Diagnostik: Wir klären, woher Ihre Beschwerden kommen, bevor "
                    "wir mit Ihnen über eine Behandlung sprechen.",
                    "Wo es medizinisch sinnvoll ist, gehören dazu auch "
                    "minimalinvasive Behandlungsmöglichkeiten, eingebettet in ein "
                    "Gesamtkonzept aus Diagnostik und Therapie.",
                ),
                heading("Team und Schwerpunkte"),
                *paragraphs(todo("de", "Ärztinnen und Ärzte, Team, Schwerpunkte")),
                heading("So erreichen Sie uns"),
                CONTACT,
            ],
        },
        "en": {
            "title": "The clinic",
            "slug": "clinic",
            "search_description": (
                "ROC Ortho in Aschheim near Munich: a structured diagnosis before "
                "any treatment, including minimally invasive options."
            ),
            "intro": "ROC Ortho is an orthopaedic clinic in Aschheim near Munich.",
            "body": [
                heading("Diagnosis first, then treatment"),
                *paragraphs(
                    "Every treatment starts with a structured diagnosis: we find "
                    "out where your symptoms come from before we discuss a "
                    "treatment with you.",
                    "Where it makes medical sense, this includes minimally invasive "
                    "options, as part of an overall concept of diagnosis and "
                    "therapy.",
                ),
                heading("Team and specialties"),
                *paragraphs(todo("en", "doctors, team, specialties")),
                heading("How to reach us"),
                CONTACT,
            ],
        },
    }


def privacy_page() -> dict:
    closed = settings.CONSULTATION_RETENTION_CLOSED_DAYS
    still_open = settings.CONSULTATION_RETENTION_OPEN_DAYS
    comments = settings.PAGE_FEEDBACK_COMMENT_RETENTION_DAYS
    return {
        "de": {
            "title": "Datenschutzerklärung",
            "slug": "datenschutz",
            "search_description": (
                "Wie ROC Ortho Daten auf dieser Website verarbeitet: "
                "Beratungsanfragen, Server-Protokolle, keine Cookies für Leser."
            ),
            "intro": (
                "Hier erfahren Sie, welche Daten beim Besuch dieser Website und bei "
                "einer Beratungsanfrage verarbeitet werden, wozu und wie lange."
            ),
            "body": [
                heading("Verantwortlich"),
                CONTACT,
                *paragraphs(todo("de", "Kontakt für Datenschutzfragen")),
                heading("Lesen der Website: keine Cookies, keine Tracker"),
                *paragraphs(
                    "Wenn Sie unsere Seiten lesen, setzen wir keine Cookies und "
                    "binden keine Analyse- oder Werbedienste, keine Schriftarten "
                    "und keine Inhalte anderer Anbieter ein. Ihr Browser lädt alle "
                    "Dateien nur von unserem Server.",
                ),
                heading("Server-Protokolle"),
                *paragraphs(
                    "Bei jedem Abruf verarbeitet der Server technisch notwendige "
                    "Daten: IP-Adresse, Zeitpunkt, aufgerufene Adresse, "
                    "Statuscode und Browserkennung. Zweck ist der sichere und "
                    "stabile Betrieb der Website (Art. 6 Abs. 1 lit. f DSGVO).",
                    todo("de", "Speicherdauer der Server-Protokolle und Hoster"),
                ),
                heading("Beratungsanfrage"),
                *paragraphs(
                    "Mit dem Formular für eine Beratungsanfrage senden Sie uns Ihren "
                    "Namen, Ihre Kontaktdaten, die Art des gewünschten Termins "
                    "(Behandlung oder Körperregion) und Ihre bevorzugten Zeiten. "
                    "Diese Angaben verarbeiten wir, um mit Ihnen einen Termin zu "
                    "vereinbaren, ohne Einwilligung: Rechtsgrundlage ist Art. 9 "
                    "Abs. 2 lit. h DSGVO in Verbindung mit § 22 Abs. 1 Nr. 1 lit. b "
                    "BDSG (Gesundheitsvorsorge und Behandlung), so wie es die "
                    "Datenschutzkonferenz in ihrem Positionspapier zur "
                    "Terminverwaltung vom 16. Juni 2025 beschreibt.",
                    "Eine Nachricht mit Angaben zu Ihren Beschwerden ist freiwillig. "
                    "Wir nehmen sie nur mit Ihrer ausdrücklichen, gesonderten "
                    "Einwilligung an (Art. 9 Abs. 2 lit. a DSGVO); dafür hat das "
                    "Formular ein eigenes, nicht vorab angekreuztes Kästchen. Wir "
                    "speichern, welchem Text Sie wann zugestimmt haben. Sie können "
                    "die Einwilligung jederzeit für die Zukunft widerrufen; dann "
                    "löschen wir Ihre Nachricht. Ohne Nachricht brauchen wir keine "
                    "Einwilligung.",
                    "Sie müssen das Formular nicht nutzen: Sie können Ihren Termin "
                    "auch telefonisch zu unseren Öffnungszeiten vereinbaren.",
                    "Nur für dieses Formular setzt die Website ein technisch "
                    "notwendiges Cookie (CSRF-Schutz), das das Absenden durch "
                    "fremde Seiten verhindert. Es enthält keine Angaben über Sie.",
                    "Ihre Angaben werden verschlüsselt gespeichert. Sie erhält nur "
                    "unser Praxisteam am Empfang; die Benachrichtigung per E-Mail "
                    "enthält keine Ihrer Angaben, nur einen Link in unsere "
                    "Verwaltung.",
                    f"Abgeschlossene Anfragen löschen wir {closed} Tage nach dem "
                    f"Abschluss, alle anderen {still_open} Tage nach dem Eingang, "
                    "auch wenn sie noch nicht abgeschlossen sind. Wird aus der "
                    "Anfrage eine Behandlung, gelten die gesetzlichen "
                    "Aufbewahrungsfristen der Patientenakte.",
                    todo("de", "Hoster und E-Mail-Anbieter als Auftragsverarbeiter"),
                ),
                heading("Videos"),
                *paragraphs(
                    "Videos auf unseren Seiten werden erst geladen, wenn Sie auf "
                    "„Video abspielen“ klicken. Erst dann stellt Ihr Browser eine "
                    "Verbindung zu YouTube oder Vimeo her, und deren "
                    "Datenschutzbestimmungen gelten. Vorher wird nichts von diesen "
                    "Anbietern geladen.",
                ),
                heading("Rückmeldung „War diese Seite hilfreich?“"),
                *paragraphs(
                    "Unter Behandlungs- und Informationsseiten können Sie mit Ja "
                    "oder Nein antworten und freiwillig einen kurzen Kommentar "
                    "schreiben. Gespeichert werden nur die Seite, die Sprache, "
                    "Ihre Antwort, der Kommentar und der Tag: keine IP-Adresse, "
                    "kein Cookie. E-Mail-Adressen und Telefonnummern im Kommentar "
                    "werden vor dem Speichern entfernt; bitte schreiben Sie nichts "
                    "über Ihre Gesundheit. Gegen massenhaftes Absenden zählt der "
                    "Server die Antworten je Verbindung zehn Minuten lang unter "
                    "einem Hashwert der IP-Adresse (Art. 6 Abs. 1 lit. f DSGVO).",
                    f"Kommentare löschen wir {comments} Tage nach dem Eingang. "
                    "Die Antwort Ja oder Nein mit Seite, Sprache und Tag bleibt "
                    "für die Auswertung gespeichert; sie enthält nichts, was auf "
                    "Sie hinweist.",
                ),
                heading("Ihre Rechte"),
                bullets(
                    "Auskunft über Ihre Daten (Art. 15 DSGVO)",
                    "Berichtigung (Art. 16 DSGVO) und Löschung (Art. 17 DSGVO)",
                    "Einschränkung der Verarbeitung (Art. 18 DSGVO)",
                    "Datenübertragbarkeit (Art. 20 DSGVO)",
                    "Widerspruch (Art. 21 DSGVO) und Widerruf einer Einwilligung",
                    "Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77 DSGVO)",
                ),
            ],
        },
        "en": {
            "title": "Privacy notice",
            "slug": "privacy",
            "search_description": (
                "How ROC Ortho processes data on this website: consultation "
                "requests, server logs, no cookies for readers."
            ),
            "intro": (
                "This page explains which data are processed when you visit this "
                "website or ask for a consultation, why, and for how long."
            ),
            "body": [
                heading("Controller"),
                CONTACT,
                *paragraphs(todo("en", "contact for data protection")),
                heading("Reading the website: no cookies, no trackers"),
                *paragraphs(
                    "When you read our pages, we set no cookies and use no "
                    "analytics or advertising services, no font services and no "
                    "content from other providers. Your browser loads every file "
                    "from our server only.",
                ),
                heading("Server logs"),
                *paragraphs(
                    "For every request, the server processes technically necessary "
                    "data: IP address, time, the address requested, status code and "
                    "browser identification. The purpose is to run the website "
                    "securely and reliably (Art. 6(1)(f) GDPR).",
                    todo("en", "how long server logs are kept, and the host"),
                ),
                heading("Consultation requests"),
                *paragraphs(
                    "With the consultation request form you send us your name, "
                    "your contact details, the kind of appointment you want "
                    "(treatment or body region) and your preferred times. We "
                    "process these details to arrange an appointment with you, "
                    "without consent: the legal basis is Art. 9(2)(h) GDPR with "
                    "§ 22(1)(1)(b) BDSG (health care and treatment), as the German "
                    "data protection conference (DSK) describes it in its position "
                    "paper on appointment management of 16 June 2025.",
                    "A message about your symptoms is optional. We accept it only "
                    "with your explicit, separate consent (Art. 9(2)(a) GDPR), "
                    "given with its own box in the form, which is not ticked in "
                    "advance. We record which text you agreed to and when. You can "
                    "withdraw your consent at any time with effect for the future; "
                    "we then delete your message. Without a message, no consent is "
                    "needed.",
                    "You do not have to use the form: you can also arrange your "
                    "appointment by phone during our opening hours.",
                    "For this form only, the website sets one technically necessary "
                    "cookie (CSRF protection) that stops other sites from sending "
                    "the form. It holds no information about you.",
                    "Your details are stored encrypted. Only our front-desk team "
                    "receives them; the email notification contains none of your "
                    "details, only a link into our administration.",
                    f"We delete closed requests {closed} days after they were "
                    f"closed, and all others {still_open} days after they arrived, "
                    "even if they are not closed yet. If a request leads to "
                    "treatment, the statutory retention periods of the medical "
                    "record apply.",
                    todo("en", "host and email provider as processors"),
                ),
                heading("Videos"),
                *paragraphs(
                    "Videos on our pages load only when you click “Play video”. "
                    "Only then does your browser connect to YouTube or Vimeo, and "
                    "their privacy policies apply. Before that, nothing is loaded "
                    "from these providers.",
                ),
                heading("Feedback: “Was this page helpful?”"),
                *paragraphs(
                    "Below treatment and information pages you can answer yes or "
                    "no and, if you wish, write a short comment. Only the page, "
                    "the language, your answer, the comment and the day are "
                    "stored: no IP address, no cookie. Email addresses and phone "
                    "numbers in a comment are removed before it is stored; please "
                    "write nothing about your health. Against mass sending, the "
                    "server counts answers per connection for ten minutes under a "
                    "hash of the IP address (Art. 6(1)(f) GDPR).",
                    f"We delete comments {comments} days after they arrived. The "
                    "yes or no answer with its page, language and day is kept for "
                    "our statistics; it holds nothing that points to you.",
                ),
                heading("Your rights"),
                bullets(
                    "Access to your data (Art. 15 GDPR)",
                    "Rectification (Art. 16 GDPR) and erasure (Art. 17 GDPR)",
                    "Restriction of processing (Art. 18 GDPR)",
                    "Data portability (Art. 20 GDPR)",
                    "Objection (Art. 21 GDPR) and withdrawal of consent",
                    "Complaint to a data protection supervisory authority "
                    "(Art. 77 GDPR)",
                ),
            ],
        },
    }


def accessibility_page() -> dict:
    return {
        "de": {
            "title": "Erklärung zur Barrierefreiheit",
            "slug": "barrierefreiheit",
            "search_description": (
                "Wie barrierefrei die Website von ROC Ortho ist und wie Sie uns "
                "Barrieren melden."
            ),
            "intro": (
                "ROC Ortho möchte, dass alle Menschen diese Website nutzen können. "
                "Diese Erklärung gilt für die Website der Praxis."
            ),
            "body": [
                heading("Stand der Vereinbarkeit"),
                *paragraphs(
                    "Die Website soll die Anforderungen des "
                    "Barrierefreiheitsstärkungsgesetzes (BFSG) und der WCAG 2.2 "
                    "auf Stufe AA erfüllen. Jede Änderung wird automatisch mit "
                    "axe-core und Lighthouse auf Telefon- und Desktop-Größe "
                    "geprüft. Automatische Prüfungen finden nicht alle Barrieren.",
                    todo(
                        "de",
                        "Ergebnis einer manuellen Prüfung: vollständig oder "
                        "teilweise vereinbar, Datum der Prüfung",
                    ),
                ),
                heading("Bekannte Einschränkungen"),
                *paragraphs(todo("de", "bekannte Barrieren und Alternativen")),
                heading("Barrieren melden"),
                *paragraphs(
                    "Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns oder "
                    "rufen Sie uns an:",
                ),
                CONTACT,
                heading("Durchsetzungsverfahren"),
                *paragraphs(
                    "Erhalten Sie keine zufriedenstellende Antwort, können Sie sich "
                    "an die zuständige Marktüberwachungsbehörde wenden.",
                    todo("de", "zuständige Marktüberwachungsbehörde mit Kontakt"),
                ),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "search_description": (
                "How accessible the ROC Ortho website is and how to report a barrier."
            ),
            "intro": (
                "ROC Ortho wants everyone to be able to use this website. This "
                "statement covers the clinic's website."
            ),
            "body": [
                heading("Conformance status"),
                *paragraphs(
                    "The website aims to meet the German Accessibility "
                    "Strengthening Act (BFSG) and WCAG 2.2 level AA. Every change "
                    "is checked automatically with axe-core and Lighthouse at phone "
                    "and desktop sizes. Automated checks do not find every barrier.",
                    todo(
                        "en",
                        "result of a manual audit: fully or partially conformant, "
                        "date of the audit",
                    ),
                ),
                heading("Known limitations"),
                *paragraphs(todo("en", "known barriers and alternatives")),
                heading("Report a barrier"),
                *paragraphs(
                    "Have you come across a barrier? Write to us or call us:",
                ),
                CONTACT,
                heading("Enforcement procedure"),
                *paragraphs(
                    "If you do not receive a satisfactory answer, you can contact "
                    "the competent market surveillance authority.",
                    todo("en", "competent market surveillance authority, contact"),
                ),
            ],
        },
    }


def legal_notice_page() -> dict:
    return {
        "de": {
            "title": "Impressum",
            "slug": "impressum",
            "search_description": "Impressum von ROC Ortho nach §\u00a05 DDG.",
            "intro": "Angaben gemäß §\u00a05 Digitale-Dienste-Gesetz (DDG).",
            "body": [
                heading("Verbraucherstreitbeilegung"),
                *paragraphs(
                    todo(
                        "de",
                        "Angabe zur Teilnahme an Streitbeilegungsverfahren vor "
                        "einer Verbraucherschlichtungsstelle",
                    )
                ),
            ],
        },
        "en": {
            "title": "Legal notice",
            "slug": "legal-notice",
            "search_description": (
                "Legal notice (Impressum) of ROC Ortho, §\u00a05 DDG."
            ),
            "intro": (
                "Information under section 5 of the German Digital Services Act (DDG)."
            ),
            "body": [
                heading("Consumer dispute resolution"),
                *paragraphs(
                    todo(
                        "en",
                        "whether the practice takes part in dispute resolution "
                        "before a consumer arbitration board",
                    )
                ),
            ],
        },
    }


HOME_SECTIONS = {
    "de": {
        "about_heading": "Wer wir sind",
        "about": [
            *paragraphs(
                "ROC Ortho ist eine orthopädische Praxis in Aschheim bei München. "
                "Vor jeder Behandlung steht eine strukturierte Diagnostik: Erst "
                "wenn klar ist, woher die Beschwerden kommen, besprechen wir die "
                "Behandlung.",
                "Dazu gehören, wo medizinisch sinnvoll, auch minimalinvasive "
                "Behandlungsmöglichkeiten.",
            )
        ],
        "regions_heading": "Behandlungen nach Körperregion",
        "regions_intro": "Wählen Sie die Region, in der Sie Beschwerden haben.",
        "consultation_heading": "Ihr Weg zum Beratungstermin",
        "consultation_text": (
            "Schreiben Sie uns über das Formular, worum es geht und wie wir Sie "
            "erreichen. Unser Empfang meldet sich, um einen Termin zu vereinbaren."
        ),
    },
    "en": {
        "about_heading": "Who we are",
        "about": [
            *paragraphs(
                "ROC Ortho is an orthopaedic clinic in Aschheim near Munich. Every "
                "treatment starts with a structured diagnosis: only once it is "
                "clear where the symptoms come from do we discuss treatment.",
                "Where it makes medical sense, this includes minimally invasive "
                "options.",
            )
        ],
        "regions_heading": "Treatments by body region",
        "regions_intro": "Choose the region where you have symptoms.",
        "consultation_heading": "The way to a consultation",
        "consultation_text": (
            "Use the form to tell us what it is about and how to reach you. Our "
            "front desk will get in touch to arrange an appointment."
        ),
    },
}


@transaction.atomic
def ensure_home_sections(home: HomePage) -> bool:
    """Fill the home page's sections that are still empty; True if any was."""
    home = home.specific
    changed = False
    for language, values in HOME_SECTIONS.items():
        for field, value in values.items():
            name = f"{field}_{language}"
            if not getattr(home, name):
                setattr(home, name, value)
                changed = True
    if changed:
        with translation.override("de"):
            as_saved_by_editor(home).save_revision().publish()
    return changed


@transaction.atomic
def ensure_page(home: HomePage, model: type[Page], content: dict):
    """Create a page under ``home`` once (found by its German slug)."""
    existing = model.objects.filter(slug_de=content["de"]["slug"]).first()
    if existing is not None:
        return existing, False
    fields = ("title", "slug", "search_description", "intro", "body")
    page = as_saved_by_editor(model(**translated_values(content, fields)))
    with translation.override("de"):
        home.add_child(instance=page)
        page.save_revision().publish()
    return page, True


def ensure_information_pages(home: HomePage) -> dict[str, tuple[Page, bool]]:
    return {
        "clinic page": ensure_page(home, StandardPage, clinic_page()),
        "privacy notice": ensure_page(home, StandardPage, privacy_page()),
        "accessibility statement": ensure_page(
            home, StandardPage, accessibility_page()
        ),
        "legal notice": ensure_page(home, LegalNoticePage, legal_notice_page()),
    }


@transaction.atomic
def ensure_clinic_settings(pages: dict[str, Page]) -> tuple[ClinicSettings, bool]:
    """Fill empty clinic details, footer links and navigation of the default site."""
    site = Site.objects.get(is_default_site=True)
    clinic = ClinicSettings.for_site(site)
    changed = False
    for name, value in clinic_settings_values().items():
        if value and not getattr(clinic, name):
            setattr(clinic, name, value)
            changed = True
    for field, key in (
        ("legal_notice_page", "legal notice"),
        ("privacy_page", "privacy notice"),
        ("accessibility_page", "accessibility statement"),
    ):
        if getattr(clinic, f"{field}_id") is None:
            setattr(clinic, field, pages[key])
            changed = True
    if not clinic.navigation_items.exists():
        # Short labels keep the navigation on one line on a phone.
        clinic.navigation_items = [
            NavigationItem(page=page, sort_order=order, **labels)
            for order, (page, labels) in enumerate(
                (
                    (TreatmentIndexPage.objects.first(), {}),
                    (pages["clinic page"], {}),
                    (
                        ConsultationPage.objects.first(),
                        {"label_de": "Beratung", "label_en": "Consultation"},
                    ),
                )
            )
            if page is not None
        ]
        changed = True
    if changed:
        clinic.save()
    return clinic, changed


def link_consent_to_privacy(privacy: Page) -> None:
    """The consultation form's consent label links to the privacy notice."""
    page = ConsultationPage.objects.filter(privacy_page__isnull=True).first()
    if page is None:
        return
    page.privacy_page = privacy
    with translation.override("de"):
        page.save_revision().publish()
