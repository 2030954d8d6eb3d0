"""Records imported before text recognition existed: read their page pictures now, one at a time.

Each record is committed on its own, so an interrupted run (lock, quit, crash) resumes with the
records not yet done. The user's own choices (type, title, turn) are never overwritten: pages
found sideways or upside down get their own turns (`page_turns`) only when the user has not
turned the record already (their turn was made looking at the pages, and would add to ours).
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from organizer.core.catalog import DOCUMENT, people
from organizer.core.document_record import page_rotation, page_turns, stored_page_turns
from organizer.core.errors import IntakeError
from organizer.core.intake import analysis
from organizer.core.intake.analysis import Analysis
from organizer.core.intake.metadata import mismatch_warnings
from organizer.core.intake.sandbox import FileReader
from organizer.core.intake.titles import suggest_title
from organizer.core.page_rotation import page_turns_of
from organizer.core.vault import Change, StoredFile, Vault

PendingProgress = Callable[[int, int], None]
"""(records done, records to do)."""
_SCANNED_NOTE = "Scanned: this record has no text yet, so it needs text recognition."
_OCR_NOTE = ("The text was read from pictures of the pages: please check that names and dates "
             "were read right.")
_FROM_RULES = ("type", "confidence", "evidence", "guesses", "pathology_version")
_FOUND = ("record_date", "patient_name", "printed_dob", "facility", "specimen", "procedure")


@dataclass(frozen=True)
class PendingResult:
    done: int
    total: int
    cancelled: bool = False


def pending_records(vault: Vault) -> list[str]:
    """Scanned records whose pages have not been through text recognition yet, oldest first."""
    found = [(str(f.get("added") or ""), doc_id) for doc_id, f in vault.state.all(DOCUMENT).items()
             if f.get("scanned") and not f.get("ocr_checked") and f.get("kind") in ("pdf", "image")]
    return [doc_id for _, doc_id in sorted(found)]


def recognise_pending(vault: Vault, progress: PendingProgress | None = None,
                      cancel: threading.Event | None = None,
                      reader: FileReader | None = None) -> PendingResult:
    """Recognise every pending record, committing each as it is done; stops early on *cancel*."""
    todo = pending_records(vault)
    cancel = cancel or threading.Event()
    own = reader is None
    reader = reader or FileReader(workers=1)
    done = 0
    try:
        for doc_id in todo:
            if cancel.is_set():
                break
            _recognise_one(vault, reader, doc_id, cancel)
            if not cancel.is_set():
                done += 1
                if progress:
                    progress(done, len(todo))
    finally:
        if own:
            reader.close()
    return PendingResult(done, len(todo), cancel.is_set() and done < len(todo))


def _recognise_one(vault: Vault, reader: FileReader, doc_id: str, cancel: threading.Event) -> None:
    fields = dict(vault.state.get(DOCUMENT, doc_id) or {})
    password = fields.get("pdf_password") or None
    data = vault.read_file(str(fields.get("file")))
    answers = reader.read_many([(data, str(fields.get("filename") or ""), password)],
                               cancel=cancel)
    try:
        answer = next(answers, None)
    finally:
        answers.close()
    if answer is None:  # cancelled in the middle: left pending for next time
        return
    result: Analysis | IntakeError = answer[1]
    if isinstance(result, IntakeError) or not result.ocr:
        vault.record([Change(DOCUMENT, doc_id, {"ocr_checked": True})])
        return
    _save(vault, doc_id, fields, result)


def _save(vault: Vault, doc_id: str, fields: dict[str, Any], found: Analysis) -> None:
    stored: list[StoredFile] = []
    try:
        pack = vault.store_file(io.BytesIO(json.dumps({doc_id: found.text}, ensure_ascii=False)
                                           .encode()))
        stored.append(pack)
        changes = {**_updated_fields(vault, fields, found), "text_file": pack.id}
        if found.readable is not None and analysis.text_layer() is not None:  # searchable copy
            readable = vault.store_file(io.BytesIO(found.readable))
            stored.append(readable)
            changes["readable_file"] = readable.id
        vault.record([*(Vault.file_change(s) for s in stored), Change(DOCUMENT, doc_id, changes)])
    except BaseException:
        for s in stored:
            vault.discard_file(s.id)
        raise


def _updated_fields(vault: Vault, fields: dict[str, Any], found: Analysis) -> dict[str, Any]:
    """What recognition changes: the type only when the rules chose it, found facts only where
    none were known, the turn only when the user has not turned the record."""
    guess, meta = found.classification, found.metadata
    changes: dict[str, Any] = {"scanned": found.scanned, "ocr": True, "ocr_checked": True}
    if fields.get("type_by") != "user":
        changes.update(type=guess.type.value if guess.type else None, confidence=guess.confidence,
                       evidence=list(guess.evidence),
                       guesses=[[t.value, c] for t, c in guess.guesses],
                       pathology_version=found.pathology_version.value
                       if found.pathology_version else None)
    for name in _FOUND:
        if not fields.get(name) and getattr(meta, _meta_name(name)):
            changes[name] = getattr(meta, _meta_name(name))
    if not fields.get("title"):
        chosen = guess.type if fields.get("type_by") != "user" else None
        changes["title"] = suggest_title(found.text, chosen, meta) or ""
    turns = page_turns_of(found.page_rotations)
    if turns and not page_rotation(fields.get("rotation")) and not page_turns(fields.get("page_turns")):
        changes["page_turns"] = stored_page_turns(turns)
    changes["warnings"] = _warnings(vault, fields, found)
    return {name: value for name, value in changes.items() if name in _FROM_RULES
            or value != fields.get(name)}


def _meta_name(field_name: str) -> str:
    return "date_of_birth" if field_name == "printed_dob" else field_name


def _warnings(vault: Vault, fields: dict[str, Any], found: Analysis) -> list[str]:
    kept = [w for w in fields.get("warnings") or [] if w != _SCANNED_NOTE]
    person = next((p for p in people(vault) if p.id == fields.get("person")), None)
    if person is not None:
        kept = [*mismatch_warnings(found.metadata, person.name, person.date_of_birth), *kept]
    if found.scanned:
        kept.append(_SCANNED_NOTE)
    elif _OCR_NOTE not in kept:
        kept.append(_OCR_NOTE)
    return list(dict.fromkeys(kept))
