"""Record-type and checklist-item names in the user's language (the core keeps English names)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from organizer.core.case.checklist_items import CheckItem
from organizer.core.records import RecordType

translate = QCoreApplication.translate


def record_type_label(kind: RecordType) -> str:
    """The name a patient would use for this kind of record, translated."""
    labels = {
        RecordType.PATHOLOGY: translate("RecordType", "Pathology report"),
        RecordType.OPERATIVE: translate("RecordType", "Operative report"),
        RecordType.DISCHARGE: translate("RecordType", "Discharge summary"),
        RecordType.TREATMENT_PLAN: translate("RecordType", "Treatment plan"),
        RecordType.MEDICATIONS: translate("RecordType", "Medication list"),
        RecordType.IMAGING: translate("RecordType", "Imaging report"),
        RecordType.LAB: translate("RecordType", "Lab results"),
        RecordType.CONSULT: translate("RecordType", "Consultation note"),
        RecordType.INSURANCE: translate("RecordType", "Insurance paper"),
        RecordType.OTHER: translate("RecordType", "Other record"),
    }
    return labels.get(kind, kind.label)


def check_item_label(item: CheckItem) -> str:
    """The name of a checklist line, translated."""
    labels = {
        CheckItem.PATHOLOGY: translate("CheckItem", "Pathology reports"),
        CheckItem.OPERATIVE: translate("CheckItem", "Operative report"),
        CheckItem.DISCHARGE: translate("CheckItem", "Discharge summary"),
        CheckItem.TREATMENT_PLAN: translate("CheckItem", "Treatment plan"),
        CheckItem.MEDICATIONS: translate("CheckItem", "Medication list"),
        CheckItem.SLIDES: translate("CheckItem", "Glass slides and tissue blocks"),
        CheckItem.IMAGING_DISCS: translate("CheckItem", "Imaging discs (CT, MRI, PET scans)"),
    }
    return labels.get(item, item.label)
