"""Saving imported images in groups: their files first, then one journal entry listing them all.

As for documents (see intake/commit_group.py), an image counts as imported only once the entry
that lists it is durable: a crash loses at most the group in flight, which `verify` then reports
as unlisted files (a note, not damage), and importing the disc again finishes the job.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from organizer.core.imaging.entities import STUDY, instance_change, series_change, study_change
from organizer.core.imaging.headers import InstanceHeader
from organizer.core.imaging.patients import study_warnings
from organizer.core.records import Person
from organizer.core.vault import Change, StoredFile, Vault

GROUP_FILES = 200
GROUP_SECONDS = 1.0


@dataclass(frozen=True)
class Prepared:
    """One image read from the disc: its header and, unless already known, its stored file."""

    path: str
    header: InstanceHeader
    stored: StoredFile | None
    sha256: str


class ImagingGroup:
    """Collects stored images and records them together."""

    def __init__(self, vault: Vault, person: Person, disc: str) -> None:
        self.vault, self.person, self.disc = vault, person, disc
        self.pending: list[Prepared] = []
        self.studies_touched: dict[str, InstanceHeader] = {}  # added or extended by this import
        self.saved = 0
        self._first_added = 0.0

    def add(self, prepared: Prepared) -> None:
        if not self.pending:
            self._first_added = time.monotonic()
        self.pending.append(prepared)
        self.studies_touched.setdefault(prepared.header.study_uid, prepared.header)
        if len(self.pending) >= GROUP_FILES or time.monotonic() - self._first_added >= GROUP_SECONDS:
            self.commit()

    def commit(self) -> None:
        """Write the entry for every pending image; on failure remove their files."""
        if not self.pending:
            return
        group, self.pending = self.pending, []
        stored = [p.stored for p in group if p.stored]
        try:
            self.vault.make_durable([s.id for s in stored])  # files before the entry that lists them
            self.vault.record(self._changes(group))
        except BaseException:
            for s in stored:  # nothing partly imported is left behind
                self.vault.discard_file(s.id)
            raise
        self.saved += len(group)

    def _changes(self, group: list[Prepared]) -> list[Change]:
        changes: list[Change] = []
        series: dict[str, InstanceHeader] = {}
        studies: dict[str, InstanceHeader] = {}
        for p in group:
            assert p.stored is not None
            changes.append(Vault.file_change(p.stored))
            changes.append(instance_change(p.header, p.stored, self.person, self.disc, p.path))
            series.setdefault(p.header.series_uid, p.header)
            studies.setdefault(p.header.study_uid, p.header)
        changes += [series_change(h) for h in series.values()]
        changes += [study_change(header, self.person, self.disc, study_warnings(header, self.person))
                    for uid, header in studies.items() if self.vault.state.get(STUDY, uid) is None]
        return changes
