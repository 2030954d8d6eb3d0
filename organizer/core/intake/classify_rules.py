"""Hand-written rules: the section headings and phrases typical of each kind of medical record."""

from __future__ import annotations

import re
from dataclasses import dataclass

from organizer.core.records import RecordType

# Short names keep the rule tables readable.
PA = RecordType.PATHOLOGY
OP = RecordType.OPERATIVE
DI = RecordType.DISCHARGE
TP = RecordType.TREATMENT_PLAN
ME = RecordType.MEDICATIONS
IM = RecordType.IMAGING
LA = RecordType.LAB
CO = RecordType.CONSULT
IN = RecordType.INSURANCE
OT = RecordType.OTHER


@dataclass(frozen=True)
class Rule:
    """One clue: a regular expression and how strongly it points to a record type."""

    type: RecordType
    weight: float
    pattern: re.Pattern[str]
    within: int = 10_000  # headings: only among the first `within` headings
    starts: tuple[str, ...] = ()  # phrases: every match starts with one of these (lower case)
    contains: tuple[str, ...] = ()  # phrases without such a start: every match contains one of these


RuleRow = tuple[RecordType, float, str] | tuple[RecordType, float, str, int]


def _rules(table: list[RuleRow], flags: int = 0) -> tuple[Rule, ...]:
    return tuple(Rule(row[0], row[1], re.compile(row[2], flags), *row[3:]) for row in table)


def hinted_rules(table: list[tuple[RecordType, float, str, str]], flags: int) -> tuple[Rule, ...]:
    """Phrase rules with the words where a match can start ("a|b"), or that it contains ("*a|b").

    Only there is the (slow, case-insensitive) pattern tried: the hints must hold for every match.
    """
    rules = []
    for kind, weight, pattern, hint in table:
        words = tuple(hint.removeprefix("*").split("|"))
        starts, contains = ((), words) if hint.startswith("*") else (words, ())
        rules.append(Rule(kind, weight, re.compile(pattern, flags), starts=starts, contains=contains))
    return tuple(rules)


_THERAPY = "(CHEMOTHERAPY|RADIATION|RADIATION ONCOLOGY|RADIOTHERAPY|ONCOLOGY|CANCER)"

# Matched against a normalised heading (upper case, single spaces, no trailing colon).
HEADING_RULES: tuple[Rule, ...] = _rules(
    [
        # pathology
        (PA, 3.0, r"^GROSS( (DESCRIPTION|EXAMINATION|PATHOLOGY|FINDINGS))?$"),
        (PA, 3.0, r"^MICROSCOPIC( (DESCRIPTION|EXAMINATION|FINDINGS))?$"),
        (PA, 3.0, r"\bSURGICAL PATHOLOGY\b|^(PATHOLOGY|CYTOLOGY) REPORT\b"),
        (PA, 3.0, r"^(FINAL )?PATHOLOGIC(AL)? DIAGNOS[IE]S\b"),
        (PA, 2.0, r"^FINAL (SURGICAL )?DIAGNOSIS$"),
        (PA, 2.0, r"^SPECIMENS?( ?\(S\))?( (RECEIVED|SUBMITTED|SOURCE))?$"),
        (PA, 3.0, r"^(BLOCK SUMMARY|SUMMARY OF SECTIONS|SECTION CODE|CASSETTE SUMMARY)$"),
        (PA, 2.5, r"^INTRAOPERATIVE CONSULTATION|^FROZEN SECTION"),
        (PA, 3.0, r"IMMUNOHISTOCHEM|^SYNOPTIC|^(AJCC )?PATHOLOGIC (TNM )?STAG"),
        (PA, 1.5, r"^(ADDENDUM )?DIAGNOSIS$|^ADDENDUM$"),
        (PA, 0.5, r"^COMMENTS?$"),
        # operative
        (OP, 4.0, r"^PRE-? ?OP(ERATIVE)? DIAGNOS[IE]S"),
        (OP, 4.0, r"^POST-? ?OP(ERATIVE)? DIAGNOS[IE]S"),
        (OP, 3.0, r"^ANESTHESIA$|^TYPE OF ANESTHESIA$|^ANESTHESIOLOGIST$"),
        (OP, 3.0, r"^ESTIMATED BLOOD LOSS$|^EBL$"),
        (OP, 3.0, r"^(DESCRIPTION|DETAILS?) OF (THE )?(PROCEDURE|OPERATION)S?\b"),
        (OP, 3.0, r"^(PROCEDURE|OPERATION)S? (IN DETAIL|DETAILS?|NOTE|DESCRIPTION)$"),
        (OP, 3.0, r"^(TITLE|NAME) OF (THE )?(PROCEDURE|OPERATION)S?$"),
        (OP, 3.0, r"^OPERATIVE (PROCEDURE|TECHNIQUE|FINDINGS|NOTE|REPORT|DESCRIPTION)S?$"),
        (OP, 2.5, r"^(OPERATIONS?|PROCEDURES?) PERFORMED$"),
        (OP, 2.5, r"^INDICATIONS? FOR (THE )?(PROCEDURE|SURGERY|OPERATION)"),
        (OP, 2.0, r"^(INTRAOPERATIVE FINDINGS|SURGEONS?|ASSISTANTS?|TOURNIQUET TIME|IMPLANTS)$"),
        (OP, 1.5, r"^(DRAINS|FLUIDS|URINE OUTPUT|BLOOD LOSS|INDICATIONS?)$"),
        (OP, 1.5, r"^(PROCEDURE|OPERATION)S?$|^COMPLICATIONS$"),
        # discharge
        (DI, 4.0, r"^DISCHARGE SUMMARY$|^TRANSFER SUMMARY$|\bHOSPITAL COURSE\b|^COURSE IN (THE )?HOSPITAL\b"),
        (DI, 4.0, r"DISCHARGE DIAGNOS[IE]S|DIAGNOS[IE]S (ON|AT) DISCHARGE"),
        (DI, 2.5, r"^(ADMISSION|ADMITTING|ADMIT) DIAGNOS|^DIAGNOS[IE]S (ON|AT) ADMISSION"),
        (DI, 3.0, r"^DISCHARGE (MEDICATIONS?|MEDS|INSTRUCTIONS|CONDITION|DISPOSITION|PLAN|DIET|STATUS)"),
        (DI, 3.0, r"^DISCHARGE (ACTIVITY|FOLLOW-? ?UP)|^CONDITION (ON|AT|UPON) DISCHARGE"),
        (DI, 3.0, r"^DATES? OF (ADMISSION|DISCHARGE|HOSPITALIZATION)$|^(ADMISSION|ADMIT|DISCHARGE) DATE$"),
        # the consultations asked for during a stay are listed in a discharge summary
        (DI, 2.0, r"^CONSULT(ATION)?S( OBTAINED| DURING (THE )?(HOSPITAL(IZATION)?|STAY))?$"),
        (DI, 2.0, r"^CONSULTANTS$|^CONSULTING (PHYSICIANS|SERVICES|DOCTORS)$|^LENGTH OF STAY$"),
        (DI, 2.5, r"^PROCEDURES? (PERFORMED )?(DURING|THIS) (THE )?(HOSPITALI[SZ]ATION|ADMISSION|STAY)"),
        (DI, 2.0, r"^CLINICAL RESUME$|^REASON FOR (ADMISSION|HOSPITALIZATION)$"),
        (DI, 1.0, r"^DISPOSITION$"),
        # imaging
        (IM, 3.0, r"^EXAM(INATION)?$|^REASON FOR (THE )?(EXAM|EXAMINATION|STUDY)$"),
        (IM, 3.0, r"^TECHNIQUE$|^TECHNIQUE AND FINDINGS$|^COMPARISONS?$"),
        (IM, 1.5, r"^FINDINGS$|^CLINICAL (INDICATION|INFORMATION|DATA)S?$"),
        (IM, 1.0, r"^IMPRESSION$|^INTERPRETATION$|^CONCLUSIONS?$"),
        # consultation: someone asked for it (a reason, a requesting doctor), or an admission H&P
        (CO, 4.0, r"^(HISTORY AND )?REASON FOR (THE )?(CONSULTATION|CONSULT|REFERRAL)\b"),
        (CO, 4.0, r"^(TYPE OF |REQUEST FOR )?CONSULT(ATION)?( NOTE| REQUEST\w*)?$"),
        (CO, 4.0, r"^(REFERRING|REQUESTING) (PHYSICIAN|DOCTOR|PROVIDER|CLINICIAN)|^REFERRED BY\b"),
        (CO, 4.0, r"^HISTORY AND PHYSICAL"),
        (CO, 3.0, r"^(ADMISSION|ADMITTING) (HISTORY|H ?& ?P|NOTE)\b|^NEW PATIENT"),
        # the whole background history is taken at a first visit: each section leans that way
        (CO, 0.35, r"^(PAST|PREVIOUS) SURGICAL HISTORY$"),
        (CO, 0.35, r"^(FAMILY|FAMILY MEDICAL) HISTORY$"),
        (CO, 0.35, r"^(SOCIAL|PERSONAL) HISTORY$"),
        (CO, 0.35, r"^PAST MEDICAL HISTORY$"),
        (CO, 0.35, r"^CHIEF COMPLAINTS?$"),
        # a return visit: the SOAP layout, an interval history, a progress note
        (OT, 3.0, r"^(SUBJECTIVE|S)$|^(INTERVAL|OVERNIGHT) (HISTORY|EVENTS)$|^PROGRESS NOTE$|^CHART NOTE$"),
        (OT, 2.0, r"^FOLLOW-? ?UP (VISIT|NOTE)$|^(A|P|A/P)$|^RETURN VISIT$|^REASON FOR (THE )?FOLLOW-? ?UP$"),
        (OT, 1.0, r"^(OBJECTIVE|O)$|^PROBLEM LIST$"),
        # treatment plan
        (TP, 4.0, rf"^({_THERAPY} )?TREATMENT (PLAN|SUMMARY|REGIMEN|SCHEDULE)$"),
        (TP, 4.0, rf"^{_THERAPY} (PLAN|SUMMARY|ORDERS)$"),
        (TP, 3.0, r"^(REGIMEN|CYCLES?|TREATMENT INTENT|GOAL OF (THERAPY|TREATMENT))$"),
        (TP, 3.0, r"^(RADIATION|RADIOTHERAPY) (DOSE|FIELDS?)$|^(PRESCRIBED|TOTAL) DOSE$"),
        (TP, 3.0, r"^DATES? OF (TREATMENT|THERAPY)$|^(NUMBER OF )?FRACTIONS$"),
        (TP, 2.0, r"^(CHEMOTHERAPY|PREMEDICATIONS?|SUPPORTIVE CARE|SCHEDULE)$"),
        # medication list
        (ME, 4.0, r"^(MEDICATION|MEDICINE|DRUG) LIST$|^MEDICATION (RECONCILIATION|ADMINISTRATION)"),
        (ME, 3.0, r"^(ACTIVE|HOME|OUTPATIENT) MEDICATIONS$|^PRESCRIPTIONS?$"),
        (ME, 2.0, r"^(DOSE|ROUTE|FREQUENCY|SIG|REFILLS)$"),
        (ME, 2.0, r"^(CURRENT|ACTIVE|HOME) MEDICATIONS$|^MEDICATIONS$", 1),  # as the title
        # laboratory results
        (LA, 4.0, r"^LAB(ORATORY)? (RESULTS?|REPORT|VALUES)$|^TEST RESULTS$"),
        (LA, 3.0, r"^(COMPLETE BLOOD COUNT|CBC|CMP|BMP|COMPREHENSIVE METABOLIC PANEL|LIPID PANEL)\b"),
        (LA, 3.0, r"^(BASIC METABOLIC PANEL|HEMATOLOGY|CHEMISTRY|URINALYSIS|TUMOR MARKERS)$"),
        (LA, 3.0, r"^(REFERENCE (RANGE|INTERVAL)|NORMAL RANGE|UNITS|FLAG|RESULT|TEST)$"),
        (LA, 2.0, r"^(COLLECTED|SPECIMEN COLLECTED|DATE COLLECTED|ORDERING PROVIDER)$"),
        # insurance
        (IN, 4.0, r"EXPLANATION OF BENEFITS|^PRIOR AUTHORI[SZ]ATION|^(PRE-?)?CERTIFICATION$"),
        (IN, 3.0, r"^(MEMBER|SUBSCRIBER|POLICY|GROUP|CLAIM) (ID|NUMBER|NO)\b|^CLAIM (SUMMARY|DETAIL)"),
        (IN, 3.0, r"^(AMOUNT BILLED|PLAN PAID|PATIENT RESPONSIBILITY|DEDUCTIBLE|COPAY\w*)$"),
    ]
)

# Sections of every office or hospital note: a first visit, a return visit or the history of an
# admission. They say "a clinical note" and go to whichever of consult, follow-up or discharge the
# cues of why the patient was seen point to (see classify._shared_to).
VISIT_HEADING_RULES: tuple[Rule, ...] = _rules(
    [
        (CO, 1.0, r"^(PAST|PREVIOUS) SURGICAL HISTORY$|^(FAMILY|SOCIAL|FAMILY MEDICAL|PERSONAL) HISTORY$"),
        (CO, 1.0, r"^PAST MEDICAL HISTORY$|^IDENTIFYING DATA$|^IDENTIFICATION$|^PAST PSYCHIATRIC HISTORY$"),
        (CO, 1.0, r"^CHIEF COMPLAINTS?$|^REVIEW OF SYSTEMS$|^MENTAL STATUS EXAM"),
        (CO, 1.0, r"^HISTORY OF (THE )?PRESENT(ING)? ILLNESS$|^PHYSICAL EXAM(INATION)?$"),
        (CO, 1.0, r"^RECOMMENDATIONS?$|^IMPRESSION ?(AND|/|&) ?PLAN$|^ASSESSMENT( AND PLAN)?$|^PLANS?$"),
        (CO, 0.5, r"^(CURRENT )?MEDICATIONS$|^ALLERGIES$|^VITAL SIGNS$"),
        (CO, 0.5, r"^REASON FOR (THE )?(VISIT|APPOINTMENT)$"),
    ]
)

# An imaging report opens with the title of the examination; elsewhere such lines are results.
HEADING_RULES += _rules(
    [
        (IM, 3.0, r"^(CT|MRI|MR|MRA|CTA|PET|PET-CT|X-RAY|XR|ULTRASOUND|US|MAMMOGRA\w*)\b", 2),
        (IM, 3.0, r"^(NUCLEAR MEDICINE|BONE SCAN|RADIOGRAPH\w*|CHEST X-RAY|DOPPLER|DEXA)\b", 2),
        (IM, 2.0, r"\bULTRASOUND$|\bDOPPLER$|\bCT SCAN$|\bMRI$|\bRADIOGRAPHS?$|\bMAMMOGRA", 2),
    ]
)

# "I was asked to see", "requested by Dr. X to evaluate", "seen at the request of": why a consult exists.
ASKED_TO_SEE = (
    r"\b(asked|requested) (by [^.\n]{1,40} )?to (see|evaluate|consult|assess)\b|\bat the request of\b"
)

# Matched anywhere in the text, case-insensitively; each rule counts once.
PHRASE_RULES: tuple[Rule, ...] = hinted_rules(
    [
        # pathology
        (PA, 2.5, r"\b(gross|microscopic) (description|examination)\b", "gross |microscopic "),
        (PA, 2.0, r"\breceived (fresh|in formalin|in saline|unfixed|in a container|labeled)", "received "),
        (PA, 1.5, r"\bcassettes?\b|\bsubmitted (entirely|in toto|in \w+ cassettes?)\b",
            "cassette|submitted "),
        (PA, 1.5, r"\bformalin\b|\bblocks? [a-z]?\d", "formalin|block"),
        (PA, 2.0, r"\bhistologic(al)? (type|grade)\b|\bimmuno ?(histochem|stain|reactiv|positiv)",
            "histologic|immuno"),
        (PA, 2.0, r"\bp[TN][0-4Xx][a-c]?\b|\bAJCC\b|\bsynoptic\b", "pt|pn|ajcc|synoptic"),
        (PA, 1.5, r"\b(lymph-?vascular|lymphovascular|perineural) invasion\b", "lymph|perineural"),
        (PA, 1.0, r"\b(surgical )?margins? (are |is )?(free|negative|positive|uninvolved|involved)",
            "surgical |margin"),
        (PA, 1.0, r"\(\s*\d+\s*/\s*\d+\s*\)|\bgreatest dimension\b", "(|greatest dimension"),
        (PA, 1.0, r"\b(labeling index|mitotic (figures|count|rate)|permanent sections?)\b",
            "labeling index|mitotic |permanent section"),
        (PA, 1.5, r"\b(well|moderately|poorly)[ -]+(to [a-z]+ )?differentiated\b", "well|moderately|poorly"),
        (PA, 1.0, r"\blymph nodes?\b[^.]{0,60}\b(dissected|identified|recovered|examined)\b", "lymph node"),
        (PA, 1.0, r"\b\w+ of \w+ lymph nodes\b|\bdysplasia\b|\bin situ\b", "*lymph nodes|dysplasia|in situ"),
        (PA, 1.0, r"\b(tan|pink|gray|white)-(tan|pink|white|gray|brown|red)\b", "tan-|pink-|gray-|white-"),
        # operative
        (OP, 2.5, r"\bprepped and draped\b|\bprepared and draped\b",
            "prepped and draped|prepared and draped"),
        (OP, 2.0, r"\bincision was (made|carried)\b|\bsponge,? (and )?needle\b", "incision was |sponge"),
        (OP, 2.0, r"\b(brought|taken) (back )?to the (operating|operative|endoscopy|cath\w*) ",
            "brought |taken "),
        (OP, 1.5, r"\b(sterile|usual) fashion\b|\bgeneral endotracheal\b",
            "sterile fashion|usual fashion|general endotracheal"),
        (OP, 1.5, r"\btolerated the procedure (well|without)\b", "tolerated the procedure "),
        (OP, 1.0, r"\b(scope|endoscope|catheter) was (advanced|inserted|introduced|passed)\b",
            "scope was |endoscope was |catheter was "),
        (OP, 1.0, r"\b(was|were) (closed|reapproximated) (with|using)\b",
            "was closed |was reapproximated |were closed |were reapproximated "),
        # discharge
        (DI, 2.0, r"\b(is|was|will be|being) discharged\b|\bdischarged (home|to)\b",
            "is discharged|was discharged|will be discharged|being discharged|discharged "),
        (DI, 1.5, r"\b(day|time|date) of discharge\b|\bupon discharge\b|\blength of stay\b",
            "day of discharge|time of discharge|date of discharge|upon discharge|length of stay"),
        (DI, 1.0, r"\bhospital (stay|course)\b|\bduring (his|her|this) (hospital|admission)",
            "hospital |during "),
        # imaging
        (IM, 2.0, r"\b(axial|sagittal|coronal) (images|imaging|reconstructions?|views?)\b",
            "axial |sagittal |coronal "),
        (IM, 2.0, r"\bBI-?RADS\b|\bHounsfield\b|\bgadolinium\b|\bSUV\s*(max)?\b",
            "bi-rads|birads|hounsfield|gadolinium|suv"),
        (IM, 1.5, r"\b(with|without|with and without) (iv |intravenous |oral )?contrast\b", "with |without "),
        (IM, 1.0, r"\bcomparison (is made )?(with|to)\b|\b(images|views) (were|was) obtained\b",
            "comparison |images |views "),
        (IM, 1.5, r"\b(hypo|hyper|iso|an)echoic\b|\bechogenic|\bwaveforms?\b|\bcolor flow\b",
            "hypoechoic|hyperechoic|isoechoic|anechoic|echogenic|waveform|color flow"),
        (IM, 1.0, r"\b(films?|images?|views?|study|scans?) (demonstrate|show|reveal)s?\b",
            "film|image|view|study |scan"),
        (IM, 1.0, r"\b(opacit(y|ies)|attenuation|signal (intensity|abnormality)|enhancing)\b",
            "opacit|attenuation|signal |enhancing"),
        # consultation: who asked, and why (in the opening these count more, see OPENING_RULES)
        (CO, 2.0, r"\bthank you for (this|the|your|allowing|asking|involving|referring|letting)\b",
            "thank you for "),
        (CO, 2.0, ASKED_TO_SEE, "asked |requested |at the request of"),
        (CO, 1.5, r"\b(I|we) (was|were|have been|am|are) consulted\b", "*consulted"),
        (CO, 1.5, r"\bnew patient\b|\bsecond opinion\b", "new patient|second opinion"),
        (CO, 1.5, r"\bconsult(ation)?\s+((has|have)\s+been\s+|was\s+|is\s+)?requested\b", "consult"),
        (CO, 1.0, r"\breferred (by|to us|to me|for)\b|\binitial (consultation|evaluation|visit)\b",
            "referred |initial "),
        # a return visit, and letters
        (OT, 3.0, r"^\s*dear (dr|doctor|mr|mrs|ms|sir|madam)\b", "*dear "),
        (OT, 2.0, r"\bsincerely\b|\bkeep you (informed|apprised|updated|posted)\b", "sincerely|keep you "),
        (OT, 2.0, r"\b(returns|comes (back|in)|is here|presents|is seen|is back)( today)? (for|in) "
            r"(a |his |her )?(routine |scheduled )?follow-? ?up\b",
            "returns |comes back |comes in |is here |presents |is seen |is back "),
        (OT, 1.5, r"\bsince (his|her|their|the|my|our) last (visit|appointment|office visit)\b"
            r"|\b(last seen|was last seen|seen in follow-? ?up)\b",
            "since |last seen|was last seen|seen in follow"),
        (OT, 1.0, r"\bfollow-? ?up (visit|appointment|evaluation)\b|\b(returns today|established patient)\b",
            "follow|returns today|established patient"),
        # treatment plan
        (TP, 2.0, r"\bcycle \d+\b|\bcycles? of\b|\bevery (2|3|21|14|28) (weeks|days)\b", "cycle|every "),
        (TP, 2.0, r"\b(mg/m2|mg/m²|AUC ?\d|\d+ ?Gy|fractions?)\b", "*mg/m2|mg/m²|auc|gy|fraction"),
        (TP, 1.5, r"\b(adjuvant|neoadjuvant) (chemotherapy|therapy|radiation)\b", "adjuvant |neoadjuvant "),
        # medication list
        (ME, 1.5, r"\b(by mouth|orally|p\.?o\.?) (once|twice|daily|every|q\.?d|b\.?i\.?d)",
            "by mouth |orally |po|p.o"),
        (ME, 1.5, r"\btake \d+ (tablet|capsule)s?\b|\b(refills|pharmacy)\b", "take |refills|pharmacy"),
        # lab results
        (LA, 2.0, r"\breference (range|interval)\b|\bnormal range\b", "reference |normal range"),
        (LA, 1.5, r"\b(mg/dL|g/dL|mmol/L|U/L|K/uL|x10\^?\d|10\^\d/uL)\b",
            "mg/dl|g/dl|mmol/l|u/l|k/ul|x10|10^"),
        (LA, 1.5, r"\b(hemoglobin|hematocrit|platelets?|creatinine|wbc)\s+[\d.]+\s*[HL]?\b",
            "hemoglobin|hematocrit|platelet|creatinine|wbc"),
        # insurance
        (IN, 2.5, r"\bexplanation of benefits\b|\bthis is not a bill\b|\bprior authori[sz]ation\b",
            "explanation of benefits|this is not a bill|prior authori"),
        (IN, 2.0, r"\b(member|subscriber|policy|group) (id|number|#)\b|\bclaim (number|#|id)\b",
            "member |subscriber |policy |group |claim "),
        (IN, 1.5, r"\b(deductible|co-?insurance|co-?pay(ment)?|allowed amount|in-network)\b",
            "deductible|coinsurance|co-insurance|copay|co-pay|allowed amount|in-network"),
    ],
    re.IGNORECASE | re.MULTILINE,
)

# Layout: lists whose lines are mostly drug doses or test results (name, value, unit, range).
DOSE_LINE = re.compile(r"\b\d+(\.\d+)?\s*(mg|mcg|µg|g|units?|mL|IU|tablets?|capsules?|puffs?|drops?)\b", re.I)
_LAB_UNIT = r"([KM]/u?L|[mun]?g/d?L|m?mol/L|mEq/L|I?U/L|[pnmµu]g/mL|fL|pg|%|x ?10\^?\d+/L|/u?L|sec)"
_RANGE = r"\(?[<>]?\d+(\.\d+)?\s*-\s*\d+(\.\d+)?\)?"
_RESULT_PART = rf"(\s+(H|L|HH|LL|High|Low|\*|{_LAB_UNIT}|{_RANGE}))"
RESULT_LINE = re.compile(
    rf"^\s*[A-Za-z][\w ,()/%+#-]{{0,30}}?\s+[<>]?\d+(\.\d+)?\s*{_RESULT_PART[3:-1]}?{_RESULT_PART}*\s*$"
)
LAYOUT_SHARE = 0.5  # at least this share of the lines
LAYOUT_MIN_LINES = 3
LAYOUT_WEIGHT = 5.0
