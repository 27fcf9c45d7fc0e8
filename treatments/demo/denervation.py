"""Demo content for the ROC Ortho page on denervation (thermocoagulation).

The English text comes from the clinic's seed text (denervation.en.txt) and is
kept verbatim apart from whitespace fixes, sentence-case headings, consistently
capitalised list items and two deliberate changes: the diagnostic step has one
name, "diagnostic test block" / "test block" (the seed says "test infiltration",
"diagnostic block", "nerve block" and "diagnostic nerve blocks"), and the seed's
"Test simulation" is the "Test stimulation" that it means. The German text is a
faithful translation of that seed in plain words ("örtliches Betäubungsmittel",
not "Lokalanästhetikum"); it adds no medical claim, person, number or URL.
Non-breaking spaces (U+00A0) keep "60–90 °C" and "z. B." on one line.

Both language dicts have the same keys and the same structure, so they can be
loaded into the translated fields of one page. Stream values are lists of
``(block_type, value)`` tuples; block types are ``paragraph``, ``bullet_list``,
``numbered_list``, ``note`` and ``variants``.
"""

_EN = {
    "title": "Denervation (thermocoagulation)",
    "slug": "denervation-thermocoagulation",
    "seo_title": "Denervation (thermocoagulation) in Aschheim",
    "search_description": (
        "Minimally invasive denervation (thermocoagulation) for chronic, "
        "clearly localized joint or back pain – ROC Ortho in Aschheim near "
        "Munich."
    ),
    "subtitle": "Targeted pain management for joint and spinal conditions",
    "summary": [
        (
            "paragraph",
            (
                "Chronic joint or back pain can severely limit daily "
                "life—regardless of whether the symptoms are caused by "
                "osteoarthritis, overuse, or degenerative changes in the "
                "spine. Conservative treatments are often tried first: "
                "physical therapy, targeted muscle strengthening, adjusting "
                "physical activity levels, medication for pain and "
                "inflammation, or injection therapies. If these approaches do "
                "not provide sufficient and lasting pain relief, many patients "
                "are faced with the question of whether surgery must be the "
                "next step."
            ),
        ),
        (
            "paragraph",
            (
                "Denervation (radiofrequency thermocoagulation) is a "
                "minimally invasive option for treating chronic, clearly "
                "localized pain—particularly in the small vertebral joints "
                "(facet joints), the sacroiliac joint (SIJ), and, in selected "
                "cases, the knee, hip, or shoulder. The goal is to "
                "specifically reduce pain transmission, improve mobility, and "
                "thereby often buy time to consistently implement further "
                "conservative and regenerative measures. At ROC Ortho in "
                "Aschheim near Munich, denervation is integrated into a "
                "structured overall diagnostic and therapeutic concept."
            ),
        ),
    ],
    "what_it_is_heading": "What does denervation mean?",
    "what_it_is": [
        (
            "paragraph",
            (
                "In this context, the term “denervation” does not refer to "
                "the “cutting” of large nerves, but rather to the targeted "
                "treatment of fine pain-conducting nerve branches. These nerve "
                "fibers are primarily responsible for transmitting pain "
                "signals from a specific joint or spinal region to the nervous "
                "system. They do not play a central role in muscle strength or "
                "movement control."
            ),
        ),
        (
            "paragraph",
            (
                "During denervation, these pain-conducting fibers are "
                "subjected to controlled heat, causing them to temporarily "
                "stop transmitting pain signals or to transmit them at a "
                "significantly reduced level. The joint itself—that is, the "
                "bone, cartilage, joint capsule, and ligaments—remains "
                "structurally intact."
            ),
        ),
    ],
    "how_it_works_heading": (
        "Radiofrequency thermocoagulation: How does the procedure work?"
    ),
    "how_it_works": [
        (
            "paragraph",
            (
                "Denervation is usually performed using radiofrequency "
                "thermocoagulation (RF). A probe is guided near the target "
                "nerve through a very thin, specialized cannula. This probe "
                "generates high-frequency electrical impulses that produce "
                "heat at the tip of the probe. The heat acts locally on the "
                "surrounding tissue, particularly on the pain-conducting nerve "
                "fibers."
            ),
        ),
        (
            "paragraph",
            (
                "Depending on the technology, a distinction is made between "
                "various RF procedures, for example:"
            ),
        ),
        (
            "variants",
            [
                {
                    "name": "Continuous radiofrequency (thermal RF)",
                    "description": (
                        "Targeted heating, typically in the range of "
                        "approximately 60–90\u00a0°C, depending on the region, "
                        "protocol, and target structure"
                    ),
                },
                {
                    "name": "Pulsed radiofrequency (pRF)",
                    "description": (
                        "Lower temperature peaks, more of a neuromodulatory "
                        "effect, often used in specific clinical settings"
                    ),
                },
            ],
        ),
        (
            "paragraph",
            (
                "The appropriate method depends on the diagnosis, the target "
                "area, and the individual situation."
            ),
        ),
        (
            "note",
            {
                "heading": "Important to note",
                "text": (
                    "Denervation addresses pain transmission, not the "
                    "underlying cause of osteoarthritis or the structural "
                    "changes themselves. However, it can create a "
                    "“therapeutic window” during which increased movement and "
                    "exercise become possible again—and it is precisely this "
                    "window that is often crucial."
                ),
            },
        ),
    ],
    "indications_heading": "Who is denervation suitable for?",
    "indications": [
        (
            "paragraph",
            (
                "Denervation is particularly appropriate when the following "
                "conditions are met:"
            ),
        ),
        (
            "bullet_list",
            [
                (
                    "The pain can be clearly localized (for example, near a "
                    "joint or at specific vertebral joints)."
                ),
                (
                    "Conservative treatment has already been administered, "
                    "but it has not produced sufficient or lasting results."
                ),
                (
                    "The source of the pain can be narrowed down through "
                    "diagnostic testing, ideally using clinical examination, "
                    "imaging, and diagnostic test blocks."
                ),
                (
                    "People often want to postpone surgery or, if possible, "
                    "avoid it altogether."
                ),
            ],
        ),
    ],
    "applications_heading": "Typical applications",
    "applications": [
        {
            "body_region": "spine",
            "heading": "Facet joint pain in the spine",
            "text": (
                "Facet joints can cause chronic back pain, particularly in "
                "the lumbar spine (and sometimes in the cervical spine). If "
                "the pain is mechanically triggered (e.g., by extension "
                "movements or prolonged standing) and the clinical findings "
                "are consistent, denervation can be a very good option."
            ),
        },
        {
            "body_region": "sacroiliac-joint",
            "heading": "Sacroiliac joint (SIJ) pain",
            "text": (
                "The sacroiliac joint—often overlooked—can cause significant "
                "chronic pain in the lower back and pelvic region. In cases "
                "with typical symptoms and a confirmed diagnosis, denervation "
                "can provide significant relief."
            ),
        },
        {
            "body_region": "knee",
            "heading": "Knee osteoarthritis",
            "text": (
                "In cases of knee osteoarthritis, the nerve branches that "
                "transmit pain around the joint can be treated if pain "
                "persists despite physical therapy, weight management, "
                "injections, or orthopedic interventions."
            ),
        },
        {
            "body_region": "hip",
            "heading": "Hip osteoarthritis",
            "text": (
                "In certain cases, denervation can serve as an interim "
                "solution to reduce pain and stabilize function—especially "
                "when joint replacement is not currently desired or medically "
                "necessary."
            ),
        },
        {
            "body_region": "shoulder",
            "heading": "Shoulder/AC joint",
            "text": (
                "Targeted treatment of pain-transmitting structures can also "
                "be helpful for the shoulder when there is a clear indication."
            ),
        },
    ],
    "contraindications_heading": "When is denervation generally not recommended?",
    "contraindications": [
        (
            "paragraph",
            (
                "Not all pain can be treated with denervation. Denervation is "
                "typically less suitable when:"
            ),
        ),
        (
            "bullet_list",
            [
                (
                    "The pain is diffuse and cannot be definitively "
                    "attributed to a specific structure"
                ),
                (
                    "There is an acute infection or inflammatory condition of "
                    "the skin or soft tissues in the treatment area"
                ),
                (
                    "When there is marked instability, severe malalignment, or "
                    "significant neurological symptoms, in which case other "
                    "procedures take precedence"
                ),
                (
                    "Acute nerve root problems are the primary concern (e.g., "
                    "severe radicular pain with neurological deficits)—in "
                    "such cases, other treatment approaches (e.g., targeted "
                    "nerve root therapies) should be considered based on the "
                    "findings"
                ),
                (
                    "There is a structural condition in which surgery is "
                    "clearly medically indicated and denervation is expected "
                    "to have only a very limited effect"
                ),
            ],
        ),
    ],
    "diagnosis_heading": "The most important step: an accurate diagnosis",
    "diagnosis": [
        (
            "paragraph",
            (
                "The success of denervation depends entirely on the "
                "diagnosis. At ROC Ortho, we therefore conduct a systematic "
                "evaluation before performing denervation:"
            ),
        ),
        (
            "bullet_list",
            [
                (
                    "What is the pain profile (during activity, at rest, "
                    "throughout the day, triggers)?"
                ),
                "What clinical findings suggest a specific target structure?",
                (
                    "Which imaging modality is appropriate for the patient's "
                    "symptoms (e.g., X-ray, MRI, ultrasound—depending on the "
                    "clinical question)?"
                ),
                (
                    "Are there any differential diagnoses that should be "
                    "addressed first (muscles, tendons, nerves, intervertebral "
                    "discs, inflammation)?"
                ),
            ],
        ),
        (
            "paragraph",
            (
                "When it comes to back pain, it is especially important not "
                "to treat the condition “blindly,” but to identify the source "
                "of the pain as accurately as possible."
            ),
        ),
    ],
    "diagnostic_test_heading": (
        "Diagnostic test block: Confirmation of the target structure"
    ),
    "diagnostic_test": [
        (
            "paragraph",
            (
                "In many cases, a diagnostic test block is performed before "
                "denervation. This involves the targeted application of a local "
                "anesthetic to the suspected pain-conducting structure."
            ),
        ),
        (
            "note",
            {
                "heading": "The goal is clear",
                "text": (
                    "If the test block clearly and consistently reduces pain "
                    "(for the expected duration of the local anesthetic’s "
                    "effect), this indicates that the target structure has "
                    "been correctly identified. Only then can denervation be "
                    "meaningfully planned as a therapeutic step."
                ),
            },
        ),
        (
            "paragraph",
            (
                "This approach significantly increases the likelihood of "
                "success and is part of a professional process."
            ),
        ),
    ],
    "procedure_steps_heading": "The denervation procedure – step by step",
    "procedure_steps": [
        {
            "stage": "preparation",
            "heading": "Preparation",
            "intro": (
                "Before the procedure, relevant factors are assessed, in particular:"
            ),
            "steps": [
                (
                    "Current medications (e.g., blood thinners—individual "
                    "medical instructions apply here)"
                ),
                "Concomitant conditions and prior medical history",
                "Target region, access, and image verification",
            ],
            "closing": "",
        },
        {
            "stage": "procedure",
            "heading": "Procedure (outpatient)",
            "intro": (
                "The procedure is usually performed on an outpatient basis. "
                "The typical steps are:"
            ),
            "steps": [
                (
                    "Positioning based on the target region (prone, supine, "
                    "or lateral position)"
                ),
                "Disinfection and sterile draping",
                "Local anesthesia at the injection site",
                (
                    "Millimeter-precise positioning of the RF needle under "
                    "image guidance"
                ),
                "Test stimulation (depending on the region) to verify the position",
                "Performing the radiofrequency treatment according to protocol",
                "Repeat on adjacent target branches if medically necessary",
            ],
            "closing": (
                "Many patients describe the procedure as uncomfortable but "
                "well-tolerated. General anesthesia is usually not necessary."
            ),
        },
        {
            "stage": "follow_up",
            "heading": "Follow-up",
            "intro": (
                "This is followed by a brief monitoring period. You will "
                "receive information on:"
            ),
            "steps": [
                "Rest and gradual increase in activity",
                (
                    "What to do on the day of treatment (e.g., driving, "
                    "depending on your individual situation)"
                ),
                "Possible temporary irritation during the first few days",
                (
                    "Appropriate follow-up care (physical therapy, exercise, "
                    "and additional treatment steps if necessary)"
                ),
            ],
            "closing": "",
        },
    ],
    "effect_heading": "How quickly does it take effect—and how long does it last?",
    "effect": [
        (
            "paragraph",
            "The timeline may vary from person to person. Generally speaking:",
        ),
        (
            "bullet_list",
            [
                (
                    "In the short term, the area may feel sore as a result of "
                    'the procedure (similar to "muscle soreness")'
                ),
                (
                    "For many patients, the actual pain relief sets in within "
                    "a matter of days to a few weeks"
                ),
                (
                    "The duration of the effect is limited, as nerves are "
                    "capable of regenerating—ranging from several months to "
                    "several years—depending on the diagnosis, activity, "
                    "concomitant therapy, and progression of the underlying "
                    "disease."
                ),
            ],
        ),
    ],
    "making_the_most_heading": "",
    "making_the_most": [
        (
            "note",
            {
                "heading": "Important",
                "text": (
                    "Denervation is particularly effective in the long term "
                    "when the resulting pain relief is used for:"
                ),
            },
        ),
        (
            "bullet_list",
            [
                "Targeted muscle building",
                "Improving mobility and stability",
                "Adjusting workload and ergonomics",
                (
                    "Where appropriate, regenerative or orthobiological "
                    "treatment components, if medically indicated"
                ),
            ],
        ),
    ],
    "benefits_heading": "Benefits of denervation",
    "benefits": [
        ("paragraph", "Denervation has several clear advantages:"),
        (
            "bullet_list",
            [
                "Minimally invasive (small incision)",
                "Can be performed on an outpatient basis",
                "No structural changes to the joint",
                "General anesthesia is usually not necessary",
                "Can help reduce the need for pain medication",
                (
                    "Can delay surgery and allow time for rehabilitation and "
                    "stabilization"
                ),
                (
                    "Can be integrated into a multimodal treatment plan "
                    "(physical therapy, exercise, injections, regenerative "
                    "therapies—depending on the indication)"
                ),
            ],
        ),
    ],
    "side_effects_heading": "Limitations, side effects, and risks",
    "side_effects": [
        (
            "paragraph",
            (
                "A serious text also needs to set boundaries. Possible, "
                "mostly temporary side effects include:"
            ),
        ),
        (
            "bullet_list",
            [
                "Tenderness at the injection site",
                "Local hematomas",
                "Temporary increase in pain due to tissue irritation",
                (
                    "Temporary tingling or numbness in the treated area "
                    "(depending on the region)"
                ),
            ],
        ),
    ],
    "rare_risks_heading": "",
    "rare_risks": [
        (
            "paragraph",
            "Rare risks (depending on the region and anatomy) may include:",
        ),
        (
            "bullet_list",
            [
                "Infections (rare despite the use of sterile techniques)",
                "Damage to adjacent structures",
                "Long-lasting sensory disturbances",
            ],
        ),
        (
            "paragraph",
            (
                "At ROC Ortho, we work to minimize risks as much as possible "
                "through standardized procedures, sterile techniques, and "
                "precise image guidance. Careful assessment of the indication "
                "is also crucial: not every type of pain should be treated "
                "with denervation."
            ),
        ),
    ],
    "treatment_plan_heading": (
        "Denervation as part of the overall treatment plan at ROC Ortho"
    ),
    "treatment_plan": [
        (
            "paragraph",
            (
                "Denervation is often particularly effective when it is "
                "viewed not as a “stand-alone solution” but as part of a "
                "treatment plan. Once pain relief has been successfully "
                "achieved, two goals usually take center stage:"
            ),
        ),
        (
            "numbered_list",
            [
                (
                    "Restore function: more mobility, greater resilience, "
                    "greater safety in daily life"
                ),
                (
                    "Reducing the risk of relapse: through stabilization, "
                    "strength, mobility, and appropriate adjunctive therapy"
                ),
            ],
        ),
        (
            "paragraph",
            (
                "Depending on the situation, the overall concept may include "
                "components such as:"
            ),
        ),
        (
            "bullet_list",
            [
                "Targeted physical therapy and active training",
                "Infiltration therapies (diagnostic or therapeutic)",
                "Orthopedic devices and load management",
                (
                    "Regenerative/orthobiological procedures, when medically "
                    "indicated (not as a substitute for diagnosis, but based "
                    "on specific indications)"
                ),
            ],
        ),
    ],
    "faq_heading": "Frequently asked questions (FAQ) – short and to the point",
    "faq": [
        {
            "question": "Is denervation painful?",
            "answer": (
                "The injection site is numbed with a local anesthetic. The "
                "procedure is generally well tolerated. There may be some "
                "brief discomfort."
            ),
        },
        {
            "question": "Can you resume normal activities right away?",
            "answer": (
                "In many cases, you can resume light activity fairly quickly. "
                "The specific plan for gradually increasing activity depends "
                "on the area treated and the results of your examination."
            ),
        },
        {
            "question": "Can denervation replace surgery?",
            "answer": (
                "It does not replace every surgery, but it can often save "
                "time and significantly reduce symptoms—especially when the "
                "underlying condition is moderate and can be actively "
                "stabilized."
            ),
        },
        {
            "question": "Can the denervation procedure be repeated?",
            "answer": (
                "If pain recurs after months or years and the medical "
                "indication still exists, the possibility of repeating the "
                "procedure can be considered."
            ),
        },
    ],
    "videos_heading": "Videos",
    "videos": [
        {"title": "Denervation of the hip for severe osteoarthritis", "url": ""},
        {"title": "Denervation for knee osteoarthritis", "url": ""},
        {"title": "Denervation of the shoulder joint", "url": ""},
    ],
    "consultation_heading": "Consultation at ROC Ortho in Aschheim, near Munich",
    "consultation": [
        (
            "paragraph",
            (
                "The only reliable way to determine whether denervation is "
                "appropriate for you is through a thorough orthopedic "
                "evaluation and a clear identification of the source of your "
                "pain. At ROC Ortho in Aschheim near Munich, we take the time "
                "to conduct a structured evaluation, provide a transparent "
                "recommendation, and—if appropriate—perform a carefully "
                "planned, minimally invasive procedure."
            ),
        ),
    ],
}

_DE = {
    "title": "Denervation (Thermokoagulation)",
    "slug": "denervation-thermokoagulation",
    "seo_title": "Denervation (Thermokoagulation) in Aschheim",
    "search_description": (
        "Minimalinvasive Denervation (Thermokoagulation) bei chronischen, "
        "klar lokalisierten Gelenk- oder Rückenschmerzen – ROC Ortho in "
        "Aschheim bei München."
    ),
    "subtitle": "Gezielte Schmerztherapie bei Gelenk- und Wirbelsäulenbeschwerden",
    "summary": [
        (
            "paragraph",
            (
                "Chronische Gelenk- oder Rückenschmerzen können den Alltag "
                "stark einschränken – unabhängig davon, ob die Beschwerden "
                "durch Arthrose, Überlastung oder degenerative Veränderungen "
                "der Wirbelsäule verursacht werden. Oft werden zunächst "
                "konservative Behandlungen versucht: Physiotherapie, gezielte "
                "Muskelkräftigung, eine Anpassung der körperlichen Aktivität, "
                "Medikamente gegen Schmerzen und Entzündungen oder "
                "Injektionstherapien. Bringen diese Ansätze keine "
                "ausreichende und anhaltende Schmerzlinderung, stellt sich für "
                "viele Patientinnen und Patienten die Frage, ob eine Operation "
                "der nächste Schritt sein muss."
            ),
        ),
        (
            "paragraph",
            (
                "Die Denervation (Radiofrequenz-Thermokoagulation) ist eine "
                "minimalinvasive Option zur Behandlung chronischer, klar "
                "lokalisierter Schmerzen – insbesondere an den kleinen "
                "Wirbelgelenken (Facettengelenken), am Iliosakralgelenk (ISG) "
                "und in ausgewählten Fällen an Knie, Hüfte oder Schulter. "
                "Ziel ist es, die Schmerzweiterleitung gezielt zu verringern, "
                "die Beweglichkeit zu verbessern und dadurch oft Zeit zu "
                "gewinnen, um weitere konservative und regenerative Maßnahmen "
                "konsequent umzusetzen. Bei ROC Ortho in Aschheim bei München "
                "ist die Denervation in ein strukturiertes diagnostisches und "
                "therapeutisches Gesamtkonzept eingebunden."
            ),
        ),
    ],
    "what_it_is_heading": "Was bedeutet Denervation?",
    "what_it_is": [
        (
            "paragraph",
            (
                "Der Begriff „Denervation“ bezeichnet in diesem Zusammenhang "
                "nicht das „Durchtrennen“ großer Nerven, sondern die gezielte "
                "Behandlung feiner schmerzleitender Nervenäste. Diese "
                "Nervenfasern sind in erster Linie dafür verantwortlich, "
                "Schmerzsignale aus einem bestimmten Gelenk oder "
                "Wirbelsäulenabschnitt an das Nervensystem weiterzuleiten. "
                "Für Muskelkraft oder Bewegungssteuerung spielen sie keine "
                "zentrale Rolle."
            ),
        ),
        (
            "paragraph",
            (
                "Bei der Denervation werden diese schmerzleitenden Fasern "
                "kontrolliert mit Wärme behandelt, sodass sie Schmerzsignale "
                "vorübergehend nicht mehr oder nur noch deutlich abgeschwächt "
                "weiterleiten. Das Gelenk selbst – also Knochen, Knorpel, "
                "Gelenkkapsel und Bänder – bleibt strukturell intakt."
            ),
        ),
    ],
    "how_it_works_heading": (
        "Radiofrequenz-Thermokoagulation: Wie funktioniert das Verfahren?"
    ),
    "how_it_works": [
        (
            "paragraph",
            (
                "Die Denervation wird in der Regel mittels "
                "Radiofrequenz-Thermokoagulation (RF) durchgeführt. Dabei "
                "wird über eine sehr dünne Spezialkanüle eine Sonde in die "
                "Nähe des Zielnervs geführt. Diese Sonde erzeugt hochfrequente "
                "elektrische Impulse, die an der Sondenspitze Wärme erzeugen. "
                "Die Wärme wirkt lokal auf das umliegende Gewebe, insbesondere "
                "auf die schmerzleitenden Nervenfasern."
            ),
        ),
        (
            "paragraph",
            (
                "Je nach Technik werden verschiedene RF-Verfahren "
                "unterschieden, zum Beispiel:"
            ),
        ),
        (
            "variants",
            [
                {
                    "name": "Kontinuierliche Radiofrequenz (thermische RF)",
                    "description": (
                        "Gezielte Erwärmung, typischerweise im Bereich von "
                        "etwa 60–90\u00a0°C, abhängig von Region, Protokoll und "
                        "Zielstruktur"
                    ),
                },
                {
                    "name": "Gepulste Radiofrequenz (pRF)",
                    "description": (
                        "Niedrigere Temperaturspitzen, eher neuromodulatorische "
                        "Wirkung, oft in bestimmten klinischen Situationen "
                        "eingesetzt"
                    ),
                },
            ],
        ),
        (
            "paragraph",
            (
                "Welches Verfahren geeignet ist, hängt von der Diagnose, dem "
                "Zielgebiet und der individuellen Situation ab."
            ),
        ),
        (
            "note",
            {
                "heading": "Wichtig zu wissen",
                "text": (
                    "Die Denervation setzt an der Schmerzweiterleitung an, "
                    "nicht an der zugrunde liegenden Ursache der Arthrose oder "
                    "an den strukturellen Veränderungen selbst. Sie kann "
                    "jedoch ein „therapeutisches Fenster“ schaffen, in dem "
                    "wieder mehr Bewegung und Training möglich werden – und "
                    "genau dieses Fenster ist oft entscheidend."
                ),
            },
        ),
    ],
    "indications_heading": "Für wen ist die Denervation geeignet?",
    "indications": [
        (
            "paragraph",
            (
                "Die Denervation ist insbesondere dann geeignet, wenn die "
                "folgenden Voraussetzungen erfüllt sind:"
            ),
        ),
        (
            "bullet_list",
            [
                (
                    "Der Schmerz lässt sich klar lokalisieren (zum Beispiel "
                    "in Gelenknähe oder an bestimmten Wirbelgelenken)."
                ),
                (
                    "Eine konservative Behandlung wurde bereits durchgeführt, "
                    "hat aber keine ausreichenden oder anhaltenden Ergebnisse "
                    "gebracht."
                ),
                (
                    "Die Schmerzquelle lässt sich durch diagnostische Tests "
                    "eingrenzen, idealerweise mittels klinischer Untersuchung, "
                    "Bildgebung und diagnostischer Testblockaden."
                ),
                (
                    "Oft besteht der Wunsch, eine Operation hinauszuzögern "
                    "oder, wenn möglich, ganz zu vermeiden."
                ),
            ],
        ),
    ],
    "applications_heading": "Typische Anwendungsgebiete",
    "applications": [
        {
            "body_region": "spine",
            "heading": "Facettengelenkschmerzen an der Wirbelsäule",
            "text": (
                "Facettengelenke können chronische Rückenschmerzen "
                "verursachen, insbesondere im Bereich der Lendenwirbelsäule "
                "(und teilweise der Halswirbelsäule). Sind die Schmerzen "
                "mechanisch ausgelöst (z.\u00a0B. durch Streckbewegungen oder "
                "langes Stehen) und passt der klinische Befund dazu, kann eine "
                "Denervation eine sehr gute Option sein."
            ),
        },
        {
            "body_region": "sacroiliac-joint",
            "heading": "Schmerzen am Iliosakralgelenk (ISG)",
            "text": (
                "Das Iliosakralgelenk – oft übersehen – kann erhebliche "
                "chronische Schmerzen im unteren Rücken und im Beckenbereich "
                "verursachen. Bei typischen Beschwerden und gesicherter "
                "Diagnose kann eine Denervation deutliche Linderung "
                "verschaffen."
            ),
        },
        {
            "body_region": "knee",
            "heading": "Kniearthrose",
            "text": (
                "Bei Kniearthrose können die Nervenäste, die den Schmerz rund "
                "um das Gelenk weiterleiten, behandelt werden, wenn die "
                "Schmerzen trotz Physiotherapie, Gewichtsmanagement, "
                "Injektionen oder orthopädischer Maßnahmen fortbestehen."
            ),
        },
        {
            "body_region": "hip",
            "heading": "Hüftarthrose",
            "text": (
                "In bestimmten Fällen kann die Denervation als "
                "Übergangslösung dienen, um Schmerzen zu verringern und die "
                "Funktion zu stabilisieren – insbesondere dann, wenn ein "
                "Gelenkersatz derzeit nicht gewünscht oder medizinisch nicht "
                "notwendig ist."
            ),
        },
        {
            "body_region": "shoulder",
            "heading": "Schulter/AC-Gelenk",
            "text": (
                "Auch an der Schulter kann eine gezielte Behandlung "
                "schmerzleitender Strukturen bei klarer Indikation hilfreich "
                "sein."
            ),
        },
    ],
    "contraindications_heading": (
        "Wann ist eine Denervation in der Regel nicht empfehlenswert?"
    ),
    "contraindications": [
        (
            "paragraph",
            (
                "Nicht jeder Schmerz lässt sich mit einer Denervation "
                "behandeln. Weniger geeignet ist die Denervation "
                "typischerweise in folgenden Situationen:"
            ),
        ),
        (
            "bullet_list",
            [
                (
                    "Der Schmerz ist diffus und lässt sich nicht eindeutig "
                    "einer bestimmten Struktur zuordnen"
                ),
                (
                    "Im Behandlungsbereich besteht eine akute Infektion oder "
                    "Entzündung der Haut oder der Weichteile"
                ),
                (
                    "Es bestehen eine ausgeprägte Instabilität, eine schwere "
                    "Fehlstellung oder deutliche neurologische Symptome – in "
                    "diesem Fall haben andere Verfahren Vorrang"
                ),
                (
                    "Akute Nervenwurzelprobleme stehen im Vordergrund (z.\u00a0B. "
                    "starke radikuläre Schmerzen mit neurologischen "
                    "Ausfällen) – in solchen Fällen sollten je nach Befund "
                    "andere Behandlungsansätze (z.\u00a0B. gezielte "
                    "Nervenwurzeltherapien) in Betracht gezogen werden"
                ),
                (
                    "Es liegt eine strukturelle Erkrankung vor, bei der eine "
                    "Operation medizinisch eindeutig angezeigt ist und von der "
                    "Denervation nur eine sehr begrenzte Wirkung zu erwarten "
                    "ist"
                ),
            ],
        ),
    ],
    "diagnosis_heading": "Der wichtigste Schritt: eine genaue Diagnose",
    "diagnosis": [
        (
            "paragraph",
            (
                "Der Erfolg der Denervation hängt ganz von der Diagnose ab. "
                "Bei ROC Ortho führen wir deshalb vor einer Denervation eine "
                "systematische Abklärung durch:"
            ),
        ),
        (
            "bullet_list",
            [
                (
                    "Wie sieht das Schmerzprofil aus (unter Belastung, in "
                    "Ruhe, im Tagesverlauf, Auslöser)?"
                ),
                (
                    "Welche klinischen Befunde weisen auf eine bestimmte "
                    "Zielstruktur hin?"
                ),
                (
                    "Welche Bildgebung ist für die jeweiligen Beschwerden "
                    "geeignet (z.\u00a0B. Röntgen, MRT, Ultraschall – je nach "
                    "Fragestellung)?"
                ),
                (
                    "Gibt es Differenzialdiagnosen, die zuerst abgeklärt "
                    "werden sollten (Muskeln, Sehnen, Nerven, Bandscheiben, "
                    "Entzündungen)?"
                ),
            ],
        ),
        (
            "paragraph",
            (
                "Gerade bei Rückenschmerzen ist es besonders wichtig, nicht "
                "„blind“ zu behandeln, sondern die Schmerzquelle so genau wie "
                "möglich zu identifizieren."
            ),
        ),
    ],
    "diagnostic_test_heading": (
        "Diagnostische Testblockade: Bestätigung der Zielstruktur"
    ),
    "diagnostic_test": [
        (
            "paragraph",
            (
                "In vielen Fällen wird vor der Denervation eine diagnostische "
                "Testblockade durchgeführt. Dabei wird gezielt ein örtliches "
                "Betäubungsmittel an die vermutete schmerzleitende Struktur "
                "gegeben."
            ),
        ),
        (
            "note",
            {
                "heading": "Das Ziel ist klar",
                "text": (
                    "Verringert die Testblockade die Schmerzen eindeutig und "
                    "gleichbleibend (für die zu erwartende Wirkdauer des "
                    "örtlichen Betäubungsmittels), spricht dies dafür, dass die "
                    "Zielstruktur richtig identifiziert wurde. Erst dann lässt "
                    "sich die Denervation sinnvoll als therapeutischer Schritt "
                    "planen."
                ),
            },
        ),
        (
            "paragraph",
            (
                "Dieses Vorgehen erhöht die Erfolgswahrscheinlichkeit deutlich "
                "und ist Teil eines professionellen Ablaufs."
            ),
        ),
    ],
    "procedure_steps_heading": "Die Denervation – Ablauf Schritt für Schritt",
    "procedure_steps": [
        {
            "stage": "preparation",
            "heading": "Vorbereitung",
            "intro": (
                "Vor dem Eingriff werden relevante Faktoren abgeklärt, insbesondere:"
            ),
            "steps": [
                (
                    "Aktuelle Medikamente (z.\u00a0B. Blutverdünner – hier gelten "
                    "individuelle ärztliche Vorgaben)"
                ),
                "Begleiterkrankungen und Vorgeschichte",
                "Zielregion, Zugangsweg und bildgebende Kontrolle",
            ],
            "closing": "",
        },
        {
            "stage": "procedure",
            "heading": "Eingriff (ambulant)",
            "intro": (
                "Der Eingriff erfolgt in der Regel ambulant. Die typischen "
                "Schritte sind:"
            ),
            "steps": [
                "Lagerung je nach Zielregion (Bauch-, Rücken- oder Seitenlage)",
                "Desinfektion und sterile Abdeckung",
                "Örtliche Betäubung an der Einstichstelle",
                "Millimetergenaue, bildgesteuerte Platzierung der RF-Nadel",
                "Teststimulation (je nach Region) zur Lagekontrolle",
                "Durchführung der Radiofrequenzbehandlung nach Protokoll",
                "Falls medizinisch notwendig, Wiederholung an benachbarten Zielästen",
            ],
            "closing": (
                "Viele Patientinnen und Patienten beschreiben den Eingriff als "
                "unangenehm, aber gut erträglich. Eine Vollnarkose ist in der "
                "Regel nicht notwendig."
            ),
        },
        {
            "stage": "follow_up",
            "heading": "Nachsorge",
            "intro": (
                "Anschließend folgt eine kurze Überwachungsphase. Sie erhalten "
                "Informationen zu:"
            ),
            "steps": [
                "Schonung und schrittweiser Steigerung der Aktivität",
                (
                    "Verhalten am Behandlungstag (z.\u00a0B. Autofahren – abhängig "
                    "von Ihrer individuellen Situation)"
                ),
                "Möglichen vorübergehenden Reizungen in den ersten Tagen",
                (
                    "Geeigneter Nachbehandlung (Physiotherapie, Training und "
                    "ggf. weiteren Behandlungsschritten)"
                ),
            ],
            "closing": "",
        },
    ],
    "effect_heading": (
        "Wie schnell tritt die Wirkung ein – und wie lange hält sie an?"
    ),
    "effect": [
        (
            "paragraph",
            (
                "Der zeitliche Verlauf kann individuell unterschiedlich sein. "
                "Allgemein gilt:"
            ),
        ),
        (
            "bullet_list",
            [
                (
                    "Kurzfristig kann der Bereich infolge des Eingriffs "
                    "schmerzen (ähnlich wie bei einem „Muskelkater“)"
                ),
                (
                    "Bei vielen Patientinnen und Patienten setzt die "
                    "eigentliche Schmerzlinderung innerhalb weniger Tage bis "
                    "einiger Wochen ein"
                ),
                (
                    "Die Wirkdauer ist begrenzt, da sich Nerven regenerieren "
                    "können – sie reicht von mehreren Monaten bis zu mehreren "
                    "Jahren, abhängig von Diagnose, Aktivität, Begleittherapie "
                    "und Fortschreiten der Grunderkrankung."
                ),
            ],
        ),
    ],
    "making_the_most_heading": "",
    "making_the_most": [
        (
            "note",
            {
                "heading": "Wichtig",
                "text": (
                    "Langfristig ist die Denervation besonders wirksam, wenn "
                    "die dadurch erreichte Schmerzlinderung für Folgendes "
                    "genutzt wird:"
                ),
            },
        ),
        (
            "bullet_list",
            [
                "Gezielter Muskelaufbau",
                "Verbesserung von Beweglichkeit und Stabilität",
                "Anpassung von Belastung und Ergonomie",
                (
                    "Gegebenenfalls regenerative oder orthobiologische "
                    "Behandlungsbausteine, sofern medizinisch indiziert"
                ),
            ],
        ),
    ],
    "benefits_heading": "Vorteile der Denervation",
    "benefits": [
        ("paragraph", "Die Denervation bietet mehrere klare Vorteile:"),
        (
            "bullet_list",
            [
                "Minimalinvasiv (kleiner Schnitt)",
                "Ambulant durchführbar",
                "Keine strukturellen Veränderungen am Gelenk",
                "Eine Vollnarkose ist in der Regel nicht notwendig",
                "Kann dazu beitragen, den Bedarf an Schmerzmitteln zu verringern",
                (
                    "Kann eine Operation hinauszögern und Zeit für "
                    "Rehabilitation und Stabilisierung verschaffen"
                ),
                (
                    "Kann in einen multimodalen Behandlungsplan eingebunden "
                    "werden (Physiotherapie, Training, Injektionen, "
                    "regenerative Therapien – je nach Indikation)"
                ),
            ],
        ),
    ],
    "side_effects_heading": "Grenzen, Nebenwirkungen und Risiken",
    "side_effects": [
        (
            "paragraph",
            (
                "Ein seriöser Text muss auch Grenzen aufzeigen. Mögliche, "
                "meist vorübergehende Nebenwirkungen sind:"
            ),
        ),
        (
            "bullet_list",
            [
                "Druckempfindlichkeit an der Einstichstelle",
                "Lokale Blutergüsse (Hämatome)",
                "Vorübergehende Schmerzverstärkung durch Gewebereizung",
                (
                    "Vorübergehendes Kribbeln oder Taubheitsgefühl im "
                    "behandelten Bereich (je nach Region)"
                ),
            ],
        ),
    ],
    "rare_risks_heading": "",
    "rare_risks": [
        (
            "paragraph",
            "Seltene Risiken (abhängig von Region und Anatomie) können sein:",
        ),
        (
            "bullet_list",
            [
                "Infektionen (selten, trotz steriler Arbeitsweise)",
                "Verletzung benachbarter Strukturen",
                "Langanhaltende Gefühlsstörungen",
            ],
        ),
        (
            "paragraph",
            (
                "Bei ROC Ortho arbeiten wir daran, Risiken durch "
                "standardisierte Abläufe, sterile Techniken und präzise "
                "Bildsteuerung so weit wie möglich zu minimieren. Entscheidend "
                "ist außerdem eine sorgfältige Indikationsstellung: Nicht "
                "jeder Schmerz sollte mit einer Denervation behandelt werden."
            ),
        ),
    ],
    "treatment_plan_heading": (
        "Denervation als Teil des Gesamtbehandlungsplans bei ROC Ortho"
    ),
    "treatment_plan": [
        (
            "paragraph",
            (
                "Die Denervation ist oft besonders wirksam, wenn sie nicht "
                "als „alleinige Lösung“ verstanden wird, sondern als Teil "
                "eines Behandlungsplans. Ist eine Schmerzlinderung erreicht, "
                "stehen in der Regel zwei Ziele im Mittelpunkt:"
            ),
        ),
        (
            "numbered_list",
            [
                (
                    "Funktion wiederherstellen: mehr Beweglichkeit, höhere "
                    "Belastbarkeit, mehr Sicherheit im Alltag"
                ),
                (
                    "Rückfallrisiko senken: durch Stabilisierung, Kraft, "
                    "Beweglichkeit und eine geeignete begleitende Therapie"
                ),
            ],
        ),
        (
            "paragraph",
            (
                "Je nach Situation kann das Gesamtkonzept zum Beispiel "
                "folgende Bausteine umfassen:"
            ),
        ),
        (
            "bullet_list",
            [
                "Gezielte Physiotherapie und aktives Training",
                "Infiltrationstherapien (diagnostisch oder therapeutisch)",
                "Orthopädische Hilfsmittel und Belastungssteuerung",
                (
                    "Regenerative/orthobiologische Verfahren, sofern "
                    "medizinisch indiziert (nicht als Ersatz für eine "
                    "Diagnose, sondern auf Grundlage konkreter Indikationen)"
                ),
            ],
        ),
    ],
    "faq_heading": "Häufige Fragen (FAQ) – kurz und knapp",
    "faq": [
        {
            "question": "Ist die Denervation schmerzhaft?",
            "answer": (
                "Die Einstichstelle wird mit einem örtlichen Betäubungsmittel "
                "schmerzunempfindlich gemacht. Der Eingriff wird im Allgemeinen "
                "gut vertragen. Kurzzeitig kann es etwas unangenehm sein."
            ),
        },
        {
            "question": (
                "Können Sie sofort wieder Ihren normalen Aktivitäten nachgehen?"
            ),
            "answer": (
                "In vielen Fällen können Sie leichte Aktivitäten recht bald "
                "wieder aufnehmen. Der konkrete Plan für die schrittweise "
                "Steigerung der Aktivität richtet sich nach dem behandelten "
                "Bereich und Ihren Untersuchungsergebnissen."
            ),
        },
        {
            "question": "Kann die Denervation eine Operation ersetzen?",
            "answer": (
                "Sie ersetzt nicht jede Operation, kann aber oft Zeit "
                "verschaffen und die Beschwerden deutlich verringern – "
                "insbesondere, wenn die Grunderkrankung mäßig ausgeprägt ist "
                "und sich aktiv stabilisieren lässt."
            ),
        },
        {
            "question": "Kann die Denervation wiederholt werden?",
            "answer": (
                "Treten die Schmerzen nach Monaten oder Jahren erneut auf und "
                "besteht die medizinische Indikation weiterhin, kann eine "
                "Wiederholung des Eingriffs erwogen werden."
            ),
        },
    ],
    "videos_heading": "Videos",
    "videos": [
        {"title": "Denervation der Hüfte bei schwerer Arthrose", "url": ""},
        {"title": "Denervation bei Kniearthrose", "url": ""},
        {"title": "Denervation des Schultergelenks", "url": ""},
    ],
    "consultation_heading": "Beratung bei ROC Ortho in Aschheim bei München",
    "consultation": [
        (
            "paragraph",
            (
                "Ob eine Denervation für Sie geeignet ist, lässt sich nur "
                "durch eine gründliche orthopädische Abklärung und eine klare "
                "Identifizierung Ihrer Schmerzquelle zuverlässig feststellen. "
                "Bei ROC Ortho in Aschheim bei München nehmen wir uns Zeit "
                "für eine strukturierte Abklärung, geben Ihnen eine "
                "transparente Empfehlung und führen – falls sinnvoll – einen "
                "sorgfältig geplanten, minimalinvasiven Eingriff durch."
            ),
        ),
    ],
}

DENERVATION = {"en": _EN, "de": _DE}

BODY_REGIONS = {
    "spine": {"en": "Spine (facet joints)", "de": "Wirbelsäule (Facettengelenke)"},
    "sacroiliac-joint": {
        "en": "Sacroiliac joint (SIJ)",
        "de": "Iliosakralgelenk (ISG)",
    },
    "knee": {"en": "Knee", "de": "Knie"},
    "hip": {"en": "Hip", "de": "Hüfte"},
    "shoulder": {"en": "Shoulder / AC joint", "de": "Schulter / AC-Gelenk"},
}
