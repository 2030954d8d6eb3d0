"""What a packet build is asked to do (options) and what it did (result), as plain data."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from organizer.core.errors import InvalidInput, OrganizerError
from organizer.core.i18n import _
from organizer.core.records import RecordType

EMAIL_LIMIT_20_MB = 20_000_000  # common mail services (e.g. Outlook.com attachments)
EMAIL_LIMIT_25_MB = 25_000_000  # Gmail, Yahoo
PASSWORD_MAX_LENGTH = 32
PASSWORD_MIN_LENGTH = 10
"""A packet travels by email and its encryption can be attacked offline, fast: a short password
falls in minutes. Ten characters that are not a common password hold for a long time, and are
still easy to read out over the phone."""
PASSWORD_MIN_GUESSES_LOG10 = 8.0

# Called between records: (records done, records in all, what is happening in plain words).
Progress = Callable[[int, int, str], None]


class PacketError(OrganizerError):
    """The packet cannot be built as asked; the message says why in plain words."""


class PacketNeedsSplit(PacketError):
    """Over the size limit: the packet must be split into parts, which needs a file path to save to."""


class PacketCancelled(PacketError):
    """The person stopped the build; nothing was written."""


@dataclass(frozen=True)
class PacketOptions:
    password: str | None = None  # the recipient types this to open the packet
    max_bytes: int | None = None  # email size limit; None = one file whatever its size
    progress: Progress | None = None
    cancel: threading.Event | None = None
    two_sided: bool = False  # a blank page where needed, so each record starts on a new sheet

    def __post_init__(self) -> None:
        if self.password is not None:
            check_password(self.password)
        if self.max_bytes is not None and self.max_bytes < 100_000:
            raise InvalidInput(_("The size limit is too small; please allow at least 0.1 MB."))


def check_password(password: str) -> None:
    """Refuse passwords some readers cannot open (empty, non-ASCII, over 32 characters) and ones
    that are easy to find (under 10 characters, or common ones)."""
    if not password:
        raise InvalidInput(_("The packet password is empty. Please choose one, or leave the password off."))
    if not password.isascii() or not password.isprintable():
        raise InvalidInput(_("Please use only plain letters, digits and punctuation (no accents or "
                           "symbols) in the packet password, so every PDF reader can open it."))
    if len(password) > PASSWORD_MAX_LENGTH:
        raise InvalidInput(_("The packet password is {length} characters long; please use at "
                           "most {most} so every PDF reader can open it.")
                           .format(length=len(password), most=PASSWORD_MAX_LENGTH))
    if len(password) < PASSWORD_MIN_LENGTH:
        raise InvalidInput(_("Please use at least {least} characters for the packet "
                           "password: a short one can be found in minutes. Give it to the doctor's "
                           "office another way than the packet (by phone, not in the same email).")
                           .format(least=PASSWORD_MIN_LENGTH))
    from organizer.core.passphrase_strength import estimate

    if estimate(password).guesses_log10 < PASSWORD_MIN_GUESSES_LOG10:
        raise InvalidInput(_("This packet password is one that is tried early (a common password, a "
                           "name, a date or a pattern). Please choose another, for example three "
                           "random words, and give it to the doctor's office by phone."))


@dataclass(frozen=True)
class ContentsLine:
    """One record as listed in the packet: where it starts and how long it is."""

    document_id: str
    title: str
    type: RecordType
    date: str
    part: int  # 1-based; 1 when the packet is one file
    first_page: int  # 1-based, within its part
    pages: int
    from_page: int = 1  # when a record is split across parts: which of its pages this piece holds
    record_pages: int = 0  # the record's page count in all (0 = same as `pages`)


@dataclass(frozen=True)
class LeftOut:
    """A record (or page) that is not in the packet, and why, in plain words."""

    document_id: str
    title: str
    reason: str


@dataclass(frozen=True)
class WrittenPart:
    """One file (or the one stream) written: where, how big, its hash, its page count."""

    number: int
    path: Path | None  # None when written to a stream
    size: int
    sha256: str
    pages: int


@dataclass(frozen=True)
class PacketResult:
    parts: tuple[WrittenPart, ...]
    contents: tuple[ContentsLine, ...]
    # Records not in the packet and why (damaged, wrong password, pages that could not be copied);
    # the cover lists them too.
    left_out: tuple[LeftOut, ...] = ()
    # Plain-words notes: "<record>: its own bookmarks could not be read…" (an extra dropped, the
    # pages in), then e.g. a page bigger than the size limit. The CLI and the window show them.
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def pages(self) -> int:
        return sum(p.pages for p in self.parts)

    @property
    def size(self) -> int:
        return sum(p.size for p in self.parts)
