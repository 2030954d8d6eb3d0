"""The recovery key: 128 random bits plus a checksum, written as 8 groups of 4 letters/digits."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass

from organizer.core.errors import InvalidInput
from organizer.core.i18n import _

SECRET_BYTES = 16
CHECK_BYTES = 4
_GROUP = 4
_ALPHABET_FIXES = str.maketrans({"0": "O", "1": "I", "8": "B"})  # base32 has no 0, 1, 8


@dataclass(frozen=True)
class RecoveryKey:
    """A key the user keeps on paper; it opens the vault when the passphrase is forgotten."""

    secret: bytes

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(os.urandom(SECRET_BYTES))

    @property
    def text(self) -> str:
        """The printable form, e.g. `ABCD-EFGH-...` (32 characters in 8 groups)."""
        raw = self.secret + _checksum(self.secret)
        letters = base64.b32encode(raw).decode("ascii")
        return "-".join(letters[i : i + _GROUP] for i in range(0, len(letters), _GROUP))

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        """Read a typed recovery key, forgiving spaces, dashes, case and 0/O, 1/I, 8/B mix-ups."""
        letters = re.sub(r"[\s\-]", "", text).upper().translate(_ALPHABET_FIXES)
        try:
            raw = base64.b32decode(letters)
        except ValueError:
            raw = b""
        if len(raw) != SECRET_BYTES + CHECK_BYTES:
            raise InvalidInput(
                _("That does not look like a recovery key. It should be 32 letters and digits "
                "in 8 groups of 4, as printed on your recovery sheet.")
            )
        secret, check = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
        if _checksum(secret) != check:
            raise InvalidInput(
                _("The recovery key has a typing mistake. Please compare each group with your "
                "recovery sheet.")
            )
        return cls(secret)


def _checksum(secret: bytes) -> bytes:
    return hashlib.sha256(b"organizer recovery key" + secret).digest()[:CHECK_BYTES]
