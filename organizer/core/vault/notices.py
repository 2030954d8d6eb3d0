"""Warnings found while opening a vault: the vault opened, but the person should know this."""

from __future__ import annotations

from dataclasses import dataclass

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
    return VaultNotice(ROLLBACK, (
        "This vault is older than the last time it was opened on this computer: "
        f"{_changes(count)} seen here before {'is' if count == 1 else 'are'} gone. It may have "
        "been put back from an older copy, or changes were removed from its folder. Please "
        "check that your newest records and edits are there."))


def missing_notice(count: int) -> VaultNotice:
    return VaultNotice(MISSING, (
        f"{_changes(count).capitalize()} {'is' if count == 1 else 'are'} missing from the vault "
        "folder, so some edits may be undone. If this vault syncs between computers, wait for "
        "syncing to finish. Otherwise they were removed: a check of the vault names them."))


def skipped_keys_notice(notes: list[str]) -> VaultNotice:
    return VaultNotice(SKIPPED_KEYS, " ".join(notes))


def rekey_finished_notice() -> VaultNotice:
    return VaultNotice(REKEY_FINISHED, (
        "A change of keys that was interrupted has now been finished. Old passphrases and "
        "old recovery keys no longer open this vault. A new recovery key was made: write it "
        "down now, it is shown only this once."))


def _changes(count: int) -> str:
    return "one saved change" if count == 1 else f"{count} saved changes"
