"""Vault format versions: the header file, and the steps that upgrade an older vault."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from organizer.core.errors import VaultDamaged, VaultTooNew
from organizer.core.i18n import _
from organizer.core.vault.atomic import write_atomically
from organizer.core.vault.journal import Entry, load_entries, new_entry_id, write_entry
from organizer.core.vault.sealing import subkey

HEADER_NAME = "vault.json"
FORMAT_NAME = "second-opinion-organizer-vault"
CURRENT_VERSION = 2
OLDEST_VERSION = 1


def link_old_entries(folder: Path, master: bytes) -> None:
    """Version 1 to 2: one entry that names every entry written before entries had links.

    The old entries are trusted as they are (a baseline); from now on, removing any of them is
    noticed like the removal of any other entry. Safe to run twice (it only adds an entry).
    Key slots need no change: since version 1 each slot authenticates its vault id.
    """
    header = read_header(folder)
    if header is None:
        return
    key = subkey(master, b"organizer/journal/v1")
    entries, _ = load_entries(folder / "journal", key, bytes.fromhex(header.vault_id))
    old = sorted((e.entry_id, e.digest) for e in entries if not e.linked)
    if not old:
        return
    newest = max(e.stamp for e in entries)
    entry_id = new_entry_id()
    write_entry(folder / "journal", key, bytes.fromhex(header.vault_id),
                Entry(entry_id, (newest[0], newest[1] + 1, entry_id), (), tuple(old)))


# UPGRADES[n] turns a version-n vault (unlocked, with its master key) into version n+1.
UpgradeStep = Callable[[Path, bytes], None]
UPGRADES: dict[int, UpgradeStep] = {1: link_old_entries}


@dataclass(frozen=True)
class VaultHeader:
    """The small clear-text file that says "this folder is a vault" (nothing secret in it)."""

    vault_id: str
    version: int
    created: str


def write_header(folder: Path, header: VaultHeader) -> None:
    body = {
        "format": FORMAT_NAME,
        "version": header.version,
        "vault_id": header.vault_id,
        "created": header.created,
    }
    body["checksum"] = _checksum(body)
    write_atomically(folder / HEADER_NAME, json.dumps(body, indent=1).encode())


def read_header(folder: Path) -> VaultHeader | None:
    """The header, or None when it is missing or damaged (the key slots carry the same facts)."""
    try:
        body = json.loads((folder / HEADER_NAME).read_bytes())
        checksum = body.pop("checksum")
        if body.get("format") != FORMAT_NAME or checksum != _checksum(body):
            return None
        header = VaultHeader(str(body["vault_id"]), int(body["version"]), str(body["created"]))
        if len(bytes.fromhex(header.vault_id)) != 16 or header.version < OLDEST_VERSION:
            return None  # damaged: the key slots say which vault and version this is
        return header
    except (OSError, ValueError, KeyError, TypeError, AttributeError, OverflowError):
        return None


def _checksum(body: dict[str, object]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(canonical).hexdigest()


def check_version(version: int) -> None:
    """Refuse vaults from the future before touching anything in them."""
    if version > CURRENT_VERSION:
        raise VaultTooNew(
            _("This vault was made by a newer version of Second Opinion Organizer. "
            "Please update the app to open it."),
            details=f"vault format {version}, this app reads up to {CURRENT_VERSION}",
        )
    if version < OLDEST_VERSION:
        raise VaultDamaged(
            _("This vault's files name a format version that never existed, so they are "
            "damaged. Nothing was changed."), details=f"vault format {version}")


def upgrade(folder: Path, header: VaultHeader, master: bytes) -> VaultHeader:
    """Run each upgrade step in turn, recording progress so an interrupted upgrade resumes."""
    check_version(header.version)
    while header.version < CURRENT_VERSION:
        step = UPGRADES.get(header.version)
        if step is None:
            raise VaultDamaged(_("This vault's files name a format version this app cannot "
                               "upgrade, so they may be damaged. Nothing was changed."),
                               details=f"no upgrade from version {header.version}")
        step(folder, master)
        header = VaultHeader(header.vault_id, header.version + 1, header.created)
        write_header(folder, header)
    return header
