"""Warnings found while opening a vault: the vault opened, but the person should know this."""

from __future__ import annotations

from dataclasses import dataclass

from organizer.core.i18n import _, ngettext

ROLLBACK = "rollback"
MISSING = "missing"
SKIPPED_KEYS = "skipped-keys"
REKEY_FINISHED = "rekey-finished"


@dataclass(frozen=True)
class VaultNotice:
    """One warning in plain words; `kind` is one of the names above."""

    kind: str
    message: str


def rollback_notice(count: int) -> VaultNotice:
    return VaultNotice(ROLLBACK, ngettext(
        "This vault is older than the last time it was opened on this computer: one saved change "
        "seen here before is gone. It may have been put back from an older copy, or changes were "
        "removed from its folder. Please check that your newest records and edits are there.",
        "This vault is older than the last time it was opened on this computer: {count} saved "
        "changes seen here before are gone. It may have been put back from an older copy, or "
        "changes were removed from its folder. Please check that your newest records and edits "
        "are there.", count).format(count=count))


def missing_notice(count: int) -> VaultNotice:
    return VaultNotice(MISSING, ngettext(
        "One saved change is missing from the vault folder, so some edits may be undone. If this "
        "vault syncs between computers, wait for syncing to finish. Otherwise it was removed: a "
        "check of the vault names it.",
        "{count} saved changes are missing from the vault folder, so some edits may be undone. If "
        "this vault syncs between computers, wait for syncing to finish. Otherwise they were "
        "removed: a check of the vault names them.", count).format(count=count))


def skipped_keys_notice(notes: list[str]) -> VaultNotice:
    return VaultNotice(SKIPPED_KEYS, " ".join(notes))


def rekey_finished_notice() -> VaultNotice:
    return VaultNotice(REKEY_FINISHED, _(
        "A change of keys that was interrupted has now been finished. Old passphrases and "
        "old recovery keys no longer open this vault. A new recovery key was made: write it "
        "down now, it is shown only this once."))

