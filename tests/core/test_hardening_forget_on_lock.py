"""After Lock, no live object of ours still holds the passphrase or the person's name."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from organizer.core.session import Session
from tests.conftest import FAST_KDF


def _holders(value: str) -> list[str]:
    here = sys._getframe(1)
    return [type(r).__name__ for r in gc.get_referrers(value) if r is not here]


def test_locking_the_session_drops_every_reference_to_the_passphrase_and_name(
    tmp_path: Path,
) -> None:
    passphrase = "".join(["unusual ", "pass", "phrase 7731"])  # made at run time: one object
    name = "".join(["Zelda ", "Quartermain"])
    session = Session(kdf=FAST_KDF)
    session.create_vault(tmp_path / "vault", passphrase, name, "1960-01-01")
    session.close()
    session.unlock(tmp_path / "vault", passphrase)
    assert [p.name for p in session.people()] == [name]
    session.close()
    gc.collect()
    assert _holders(passphrase) == [] and _holders(name) == []
    assert not session.is_open
