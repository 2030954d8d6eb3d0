"""What this computer last saw of a vault, kept outside the vault to notice an older copy.

One small file per vault id in the user's state folder (platformdirs), holding only entry ids:
the newest journal entries seen here (the journal's heads). It is authenticated with an HMAC key
derived from the vault's master key (HKDF, never the key itself), so only someone who can open
the vault can write a record that passes. If, on the next open, a recorded entry is not in the
folder, the vault is older than the last time it was opened here: its newest changes were
removed or the whole folder was put back from an older copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
from collections.abc import Iterable
from pathlib import Path

from platformdirs import user_state_dir

from organizer.core.vault.atomic import TEMP_PREFIX
from organizer.core.vault.sealing import subkey

APP_NAME = "second-opinion-organizer"  # the same folder name as the app's other folders
RECORD_FORMAT = 1
_PURPOSE = b"organizer/this-computer/v1"


def records_folder() -> Path:
    """Where the records are: <user state dir>/second-opinion-organizer/vaults."""
    return Path(user_state_dir(APP_NAME, appauthor=False)) / "vaults"


def record_path(vault_id: str) -> Path:
    return records_folder() / f"{bytes.fromhex(vault_id).hex()}.json"


def record_key(master: bytes) -> bytes:
    return subkey(master, _PURPOSE)


def _mac(key: bytes, body: dict[str, object]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def load_seen(vault_id: str, key: bytes) -> frozenset[str] | None:
    """The entry ids seen here last time, or None when there is no record we can trust.

    A record that fails its check (damaged, or written before a re-key) counts as none.
    """
    try:
        body = json.loads(record_path(vault_id).read_bytes())
        mac = body.pop("mac")
        if body.get("vault_id") != vault_id or not hmac.compare_digest(str(mac), _mac(key, body)):
            return None
        return frozenset(str(entry_id) for entry_id in body["seen"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_seen(vault_id: str, key: bytes, seen: Iterable[str]) -> None:
    """Remember the newest entry ids (best effort: a read-only home must not stop the app).

    Replaced whole by a rename, but not fsynced: a record lost in a crash is just an older
    record, which can only miss a rollback, never report a false one. That keeps saving a
    change fast (an fsync here tripled its cost).
    """
    body: dict[str, object] = {"format": RECORD_FORMAT, "vault_id": vault_id,
                               "seen": sorted(set(seen))}
    body["mac"] = _mac(key, body)
    path = record_path(vault_id)
    temp = path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}")
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(json.dumps(body, indent=1).encode())
        os.replace(temp, path)


def gone_since_last_time(seen: frozenset[str] | None, present: Iterable[str]) -> list[str]:
    """Entry ids seen here before that are no longer in the vault (empty: nothing rolled back)."""
    if seen is None:
        return []
    return sorted(seen - set(present))
