"""What imaging is in the vault: studies with their series, counts and sizes, summed from the images."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from organizer.core.imaging.entities import INSTANCE, SERIES, STUDY
from organizer.core.records import Person
from organizer.core.vault import Vault


@dataclass(frozen=True)
class SeriesSummary:
    series_uid: str
    number: str
    modality: str
    description: str
    body_part: str
    images: int
    bytes: int
    preview_file: str  # the stored file of a middle image, for a small preview ("" if none)
    preview_syntax: str

    def as_json(self) -> dict[str, Any]:
        return {"series_uid": self.series_uid, "number": self.number, "modality": self.modality,
                "description": self.description, "body_part": self.body_part,
                "images": self.images, "bytes": self.bytes}


@dataclass(frozen=True)
class StudySummary:
    study_uid: str
    person_id: str
    date: str | None
    modality: str  # every modality in the study, e.g. "CT" or "PT, CT"
    description: str
    body_part: str
    patient_name: str
    patient_id: str
    patient_dob: str | None
    institution: str
    accession: str
    disc: str
    series: tuple[SeriesSummary, ...]
    warnings: tuple[str, ...]

    @property
    def images(self) -> int:
        return sum(s.images for s in self.series)

    @property
    def bytes(self) -> int:
        return sum(s.bytes for s in self.series)

    @property
    def title(self) -> str:
        """How people name a study: '2024-03-02 CT Chest' (what is known of it)."""
        what = self.description or self.body_part.title()
        modality = "" if what.upper().startswith(self.modality.upper() or "\0") else self.modality
        parts = [self.date or "", modality, what]
        return " ".join(p for p in parts if p) or "Imaging study"

    def as_json(self) -> dict[str, Any]:
        return {"study_uid": self.study_uid, "date": self.date, "modality": self.modality,
                "description": self.description, "body_part": self.body_part,
                "patient_name": self.patient_name, "patient_id": self.patient_id,
                "patient_dob": self.patient_dob, "institution": self.institution,
                "accession": self.accession, "disc": self.disc, "person": self.person_id,
                "series": len(self.series), "images": self.images, "bytes": self.bytes,
                "warnings": list(self.warnings),
                "series_list": [s.as_json() for s in self.series]}


def studies(vault: Vault, person: Person | None = None) -> list[StudySummary]:
    """Every study (or one person's), oldest first; undated studies last."""
    by_series: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for uid, fields in vault.state.all(INSTANCE).items():
        by_series[str(fields.get("series", ""))].append((uid, fields))
    series_by_study: dict[str, list[SeriesSummary]] = defaultdict(list)
    for series_uid, fields in vault.state.all(SERIES).items():
        members = by_series.get(series_uid)
        if members:
            series_by_study[str(fields.get("study", ""))].append(_series(series_uid, fields, members))
    found = []
    for study_uid, fields in vault.state.all(STUDY).items():
        if person is not None and fields.get("person") != person.id:
            continue
        series = sorted(series_by_study.get(study_uid, []), key=_series_order)
        if series:
            found.append(_study(study_uid, fields, tuple(series)))
    return sorted(found, key=lambda s: (s.date is None, s.date or "", s.study_uid))


def _series(uid: str, f: dict[str, Any], members: list[tuple[str, dict[str, Any]]]) -> SeriesSummary:
    ordered = sorted(members, key=lambda m: (_number(m[1].get("number")), m[0]))
    middle = ordered[len(ordered) // 2][1]
    return SeriesSummary(uid, str(f.get("number") or ""), str(f.get("modality") or ""),
                         str(f.get("description") or ""), str(f.get("body_part") or ""),
                         len(members), sum(int(m[1].get("size") or 0) for m in members),
                         str(middle.get("file") or ""), str(middle.get("syntax") or ""))


def _study(uid: str, f: dict[str, Any], series: tuple[SeriesSummary, ...]) -> StudySummary:
    modalities = list(dict.fromkeys(s.modality for s in series if s.modality))
    body_parts = list(dict.fromkeys(s.body_part for s in series if s.body_part))
    return StudySummary(
        study_uid=uid, person_id=str(f.get("person") or ""), date=f.get("date") or None,
        modality=", ".join(modalities), description=str(f.get("description") or ""),
        body_part=", ".join(body_parts), patient_name=str(f.get("patient_name") or ""),
        patient_id=str(f.get("patient_id") or ""), patient_dob=f.get("patient_dob") or None,
        institution=str(f.get("institution") or ""), accession=str(f.get("accession") or ""),
        disc=str(f.get("disc") or ""), series=series,
        warnings=tuple(str(w) for w in f.get("warnings") or ()),
    )


def _number(value: Any) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return 1 << 30


def _series_order(series: SeriesSummary) -> tuple[int, str]:
    return (_number(series.number), series.series_uid)


def study_instances(vault: Vault, study_uids: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Every stored image (by SOP Instance UID) of the given studies (all when None)."""
    return {uid: f for uid, f in vault.state.all(INSTANCE).items()
            if study_uids is None or f.get("study") in study_uids}
