"""Saving imported images in groups: their files first, then one journal entry listing them all.

As for documents (see intake/commit_group.py), an image counts as imported only once the entry
that lists it is durable: a crash loses at most the group in flight, which `verify` then reports
as unlisted files (a note, not damage), and importing the disc again finishes the job.
"""

from __future__ import annotations

from dataclasses import dataclass

from organizer.core.imaging.entities import STUDY, instance_change, series_change, study_change
from organizer.core.imaging.headers import InstanceHeader
from organizer.core.imaging.patients import study_warnings
from organizer.core.records import Person
from organizer.core.vault import Change, StoredFile, Vault
from organizer.core.vault.file_group import FileGroup

GROUP_FILES = 200
GROUP_SECONDS = 1.0


@dataclass(frozen=True)
class Prepared:
    """One image read from the disc: its header and, unless already known, its stored file."""

    path: str
    header: InstanceHeader
    stored: StoredFile | None
    sha256: str


class ImagingGroup(FileGroup[Prepared]):
    """Collects stored images and records them together."""

    def __init__(self, vault: Vault, person: Person, disc: str) -> None:
        super().__init__(vault, files=GROUP_FILES, seconds=GROUP_SECONDS)
        self.person, self.disc = person, disc
        self.studies_touched: dict[str, InstanceHeader] = {}  # added or extended by this import
        self.saved_count = 0

    def add(self, item: Prepared) -> None:
        self.studies_touched.setdefault(item.header.study_uid, item.header)
        super().add(item)

    def entry(self, group: list[Prepared], stored: list[StoredFile]) -> list[Change]:
        stored += [p.stored for p in group if p.stored]
        return self._changes(group)

    def saved(self, group: list[Prepared]) -> None:
        self.saved_count += len(group)

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
