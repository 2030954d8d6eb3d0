"""Checking every byte of a vault and naming exactly what is damaged or missing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

from organizer.core.errors import DocumentDamaged, DocumentNotFound, UnsafeKeySettings
from organizer.core.vault import keyslots
from organizer.core.vault.heads import MissingEntry
from organizer.core.vault.keyslots import KeySlot
from organizer.core.vault.upgrade import HEADER_NAME, read_header
from organizer.core.vault.vault import FILE_KIND, KEYS_DIR, Vault

DAMAGED, MISSING, UNLISTED = "damaged", "missing", "unlisted"


@dataclass(frozen=True)
class Problem:
    """One finding: what it is (in words a user knows), which file, and what is wrong."""

    severity: str  # damaged | missing | unlisted (unlisted is a note, not damage)
    what: str
    path: str
    reason: str


@dataclass(frozen=True)
class VerifyReport:
    checked_files: int
    checked_changes: int
    checked_keys: int
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    keys_by_kind: dict[str, int] = field(default_factory=dict)  # e.g. passphrase: 1, recovery: 1

    @property
    def ok(self) -> bool:
        return all(p.severity == UNLISTED for p in self.problems)


def verify(vault: Vault, file_names: dict[str, str] | None = None) -> VerifyReport:
    """Read and authenticate every key slot, journal entry and stored file.

    `file_names` maps file ids to the names users know them by (e.g. the original file name).
    """
    names = file_names or {}
    problems: list[Problem] = []
    slots, damaged_slots = keyslots.read_all_slots(vault.folder / KEYS_DIR)
    problems += [Problem(DAMAGED, "a key file", e.details, str(e)) for e in damaged_slots]
    problems += [p for slot in slots if (p := _check_slot(vault, slot))]
    if read_header(vault.folder) is None:
        problems.append(Problem(DAMAGED, "the vault's header file", HEADER_NAME,
                                "unreadable (repaired from the key files when next opened)"))
    vault.refresh()
    problems += [
        Problem(DAMAGED, "a saved change (its edit is lost; everything else is kept)",
                str(d.path.relative_to(vault.folder)), d.reason)
        for d in vault.damaged_entries
    ]
    problems += [_missing(m) for m in vault.missing_entries]
    if vault.rolled_back:
        problems.append(Problem(
            MISSING, f"{len(vault.rolled_back)} newest saved change(s) seen on this computer",
            "journal/", "gone: the vault is older than the last time it was opened here "
            f"(entries {', '.join(i[:8] for i in vault.rolled_back)})"))
    listed = vault.state.all(FILE_KIND)
    for file_id, facts in sorted(listed.items()):
        problem = _check_file(vault, file_id, facts, names.get(file_id, f"document {file_id[:8]}"))
        if problem:
            problems.append(problem)
    for file_id in sorted(set(vault.files_on_disk()) - set(listed)):
        problems.append(Problem(UNLISTED, f"file {file_id[:8]}", f"documents/{file_id}.sdoc",
                                "not listed in the vault yet (still syncing, or left by an "
                                "interrupted import)"))
    checked_changes = sum(1 for _ in vault.folder.joinpath("journal").glob("*.jrn*"))
    return VerifyReport(len(listed), checked_changes, len(slots) + len(damaged_slots),
                        tuple(problems), vault.slot_counts())


def _check_slot(vault: Vault, slot: KeySlot) -> Problem | None:
    path = str(slot.path.relative_to(vault.folder))
    if slot.vault_id != vault.vault_id:
        return Problem(DAMAGED, "a key file from another vault", path,
                       "ignored when unlocking; it can be deleted")
    try:
        if slot.kdf is not None:
            slot.kdf.check_bounds()
    except UnsafeKeySettings as error:
        return Problem(DAMAGED, "a key file", path,
                       f"skipped when unlocking: {error.details}")
    return None


def _missing(missing: MissingEntry) -> Problem:
    when = datetime.fromtimestamp(missing.named_at_ms / 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")
    if missing.replaced:
        reason = f"replaced by a different entry (the change saved {when} names the original)"
    else:
        reason = (f"not in the folder, but the change saved {when} names it: its edit is undone "
                  "(still syncing from another computer, or removed)")
    return Problem(MISSING, "a saved change", f"journal/…-{missing.entry_id}.jrn", reason)


def _check_file(vault: Vault, file_id: str, facts: dict[str, object], name: str) -> Problem | None:
    path = f"documents/{file_id}.sdoc"
    try:
        digest, size = hashlib.sha256(), 0
        with vault.open_file(file_id) as reader:
            for chunk in reader.chunks():
                digest.update(chunk)
                size += len(chunk)
    except DocumentNotFound:
        return Problem(MISSING, name, path, "the file is missing from the vault folder")
    except DocumentDamaged as error:
        return Problem(DAMAGED, name, path, error.details)
    if digest.hexdigest() != facts.get("sha256") or size != facts.get("size"):
        return Problem(DAMAGED, name, path, "content differs from what was stored")
    return None
