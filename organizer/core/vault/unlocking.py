"""Finding the key that opens a vault: which vault the folder is, trying its key slots, and why
none worked.

The folder's vault id comes first from its content (the clear headers of journal entries and
documents), then from `vault.json`, then from the key slots. So a key slot copied in from
another vault, even with `vault.json` deleted, can never make the folder open as that vault.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from organizer.core.errors import (
    ForeignKeyFile,
    UnsafeKeySettings,
    VaultDamaged,
    VaultNotFound,
    WrongPassphrase,
)
from organizer.core.i18n import N_, _, ngettext
from organizer.core.vault import keyslots
from organizer.core.vault.documents import HEADER_BYTES, DocumentCorrupt, Header
from organizer.core.vault.journal import EntryCorrupt, decode_entry, entry_files, read_entry_header
from organizer.core.vault.keyslots import KeySlot
from organizer.core.vault.sealing import subkey
from organizer.core.vault.upgrade import VaultHeader

SAMPLE = 32  # clear headers read to learn the folder's vault id (newest first)


@dataclass
class SlotReport:
    """Slots skipped while unlocking, in plain words (shown on open and by verify)."""

    notes: list[str] = field(default_factory=list)


def content_vault_id(folder: Path) -> str | None:
    """The vault id most of the newest journal entries and documents carry, if any."""
    counts: Counter[str] = Counter()
    journal = sorted(entry_files(folder / "journal"), key=lambda p: p.name, reverse=True)
    for path in journal[:SAMPLE]:
        try:
            with path.open("rb") as f:
                counts[read_entry_header(f.read(40))[1].hex()] += 1
        except (EntryCorrupt, OSError):
            continue
    documents = folder / "documents"
    for path in sorted(documents.glob("*.sdoc"))[:SAMPLE] if documents.is_dir() else []:
        try:
            with path.open("rb") as f:
                counts[Header.unpack(f.read(HEADER_BYTES)).vault_id.hex()] += 1
        except (DocumentCorrupt, OSError):
            continue
    return counts.most_common(1)[0][0] if counts else None


def folder_header(
    folder: Path, header: VaultHeader | None, slots: list[KeySlot], damaged: list[VaultDamaged]
) -> tuple[VaultHeader, bool]:
    """The folder's header, and whether `vault.json` must be rewritten (missing or foreign)."""
    content_id = content_vault_id(folder)
    if header is not None and content_id in (None, header.vault_id):
        return header, False
    vault_id = content_id or (header.vault_id if header else None)
    own = [s for s in slots if vault_id in (None, s.vault_id)]
    if not own:
        if slots:
            raise ForeignKeyFile(
                _("The key files in this folder belong to a different vault, so it was not "
                "opened. Nothing was changed."), details=f"folder holds vault {vault_id}")
        if damaged:
            raise VaultDamaged(
                _("Every key file of this vault is damaged, so it cannot be opened."),
                details="; ".join(e.details for e in damaged),
            )
        raise VaultNotFound(_("{folder} is not a Second Opinion Organizer vault.").format(folder=folder))
    if vault_id is None:
        vault_id = Counter(s.vault_id for s in own).most_common(1)[0][0]
    version = max(s.format_version for s in own if s.vault_id == vault_id)
    return VaultHeader(vault_id, version, header.created if header else ""), True


def unwrap_any(
    header: VaultHeader, kind: str, slots: list[KeySlot], damaged: list[VaultDamaged],
    attempt: Callable[[KeySlot], bytes | None], report: SlotReport,
) -> bytes:
    """The master key from the first slot of `kind` that `attempt` opens.

    Slots from another vault and slots with key settings outside the safe range are skipped and
    noted in `report`, so one bad slot never blocks the good ones.
    """
    of_kind = [s for s in slots if s.kind == kind]
    candidates = [s for s in of_kind if s.vault_id == header.vault_id]
    foreign = len(of_kind) - len(candidates)
    if foreign:
        report.notes.append(ngettext("{count} key file from another vault was ignored.",
                                     "{count} key files from another vault were ignored.",
                                     foreign).format(count=foreign))
    usable, unsafe = _split_safe(candidates)
    if unsafe:
        report.notes.append(ngettext(
            "{count} key file has settings outside the safe range and was skipped (damaged, or "
            "not made by this app). Your other ways to unlock still work.",
            "{count} key files have settings outside the safe range and were skipped (damaged, or "
            "not made by this app). Your other ways to unlock still work.",
            len(unsafe)).format(count=len(unsafe)))
    for slot in usable:
        master = attempt(slot)
        if master is not None:
            return master
    if unsafe and not usable:
        raise unsafe[0]
    if foreign and not candidates:
        raise ForeignKeyFile(
            _("The key file for this way of unlocking belongs to a different vault, so this "
            "vault was not opened. Nothing was changed."))
    if not candidates and damaged:
        raise VaultDamaged(
            _("The key file needed for this way of unlocking is damaged. "
            "Try your recovery key instead."),
            details="; ".join(e.details for e in damaged),
        )
    raise WrongPassphrase(_(_WRONG[kind]))


def confirm_key(folder: Path, vault_id: str, keys: list[bytes], tries: int = 8) -> None:
    """Refuse a key that opens none of this folder's newest journal entries (nothing changed).

    A slot copied in from another vault, or an old slot put back after a re-key, unwraps to a
    key that this vault's records do not answer to. One unreadable entry may just be damaged
    (reported as such after opening), so at least two must fail; an empty journal has nothing
    to confirm.
    """
    journal = sorted(entry_files(folder / "journal"), key=lambda p: p.name, reverse=True)
    tried = 0
    for path in journal[:SAMPLE]:
        try:
            raw = path.read_bytes()
            if read_entry_header(raw)[1].hex() != vault_id:
                continue
        except (EntryCorrupt, OSError):
            continue
        tried += 1
        for key in keys:
            try:
                decode_entry(subkey(key, b"organizer/journal/v1"), bytes.fromhex(vault_id), raw)
                return
            except EntryCorrupt:
                pass
        if tried >= tries:
            break
    if tried >= 2:
        raise ForeignKeyFile(
            _("This key does not open the records in this vault. The key file may come from "
            "another vault, or from before this vault's keys were changed. Nothing was changed."),
            details=f"{tried} newest entries of vault {vault_id} did not authenticate")


def _split_safe(slots: list[KeySlot]) -> tuple[list[KeySlot], list[UnsafeKeySettings]]:
    usable: list[KeySlot] = []
    unsafe: list[UnsafeKeySettings] = []
    for slot in slots:
        try:
            if slot.kdf is not None:
                slot.kdf.check_bounds()  # before any key derivation runs
            usable.append(slot)
        except UnsafeKeySettings as error:
            unsafe.append(error)
    return usable, unsafe


_WRONG = {
    keyslots.PASSPHRASE: N_("That passphrase does not open this vault. Please check it and try again."),
    keyslots.RECOVERY: N_("That recovery key does not belong to this vault."),
    keyslots.KEYRING: N_("This computer does not remember this vault. Please type your passphrase."),
}
