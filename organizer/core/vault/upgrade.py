"""Vault format versions: the header file, and the steps that upgrade an older vault."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from organizer.core.errors import VaultNotFound, VaultTooNew
from organizer.core.vault.atomic import write_atomically

HEADER_NAME = "vault.json"
FORMAT_NAME = "second-opinion-organizer-vault"
CURRENT_VERSION = 1

# UPGRADES[n] turns a version-n vault (unlocked, with its master key) into version n+1.
UpgradeStep = Callable[[Path, bytes], None]
UPGRADES: dict[int, UpgradeStep] = {}


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
        return VaultHeader(str(body["vault_id"]), int(body["version"]), str(body["created"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _checksum(body: dict[str, object]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(canonical).hexdigest()


def check_version(version: int) -> None:
    """Refuse vaults from the future before touching anything in them."""
    if version > CURRENT_VERSION:
        raise VaultTooNew(
            "This vault was made by a newer version of Second Opinion Organizer. "
            "Please update the app to open it.",
            details=f"vault format {version}, this app reads up to {CURRENT_VERSION}",
        )
    if version < 0:
        raise VaultNotFound("This folder does not hold a vault this app can read.")


def upgrade(folder: Path, header: VaultHeader, master: bytes) -> VaultHeader:
    """Run each upgrade step in turn, recording progress so an interrupted upgrade resumes."""
    check_version(header.version)
    while header.version < CURRENT_VERSION:
        UPGRADES[header.version](folder, master)
        header = VaultHeader(header.vault_id, header.version + 1, header.created)
        write_header(folder, header)
    return header
