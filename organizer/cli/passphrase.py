"""Where the command line gets secrets from: a file, the environment, or a no-echo prompt."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from organizer.core.errors import InvalidInput
from organizer.core.passphrase_strength import require_strong

ENV_NAME = "ORGANIZER_PASSPHRASE"


def read_secret_file(path: Path, what: str) -> str:
    """The first line of a file (without its line ending)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInput(f"Could not read the {what} file {path}: {error.strerror}.") from None
    line = text.splitlines()[0] if text else ""
    if not line:
        raise InvalidInput(f"The {what} file {path} is empty.")
    return line


def current_passphrase(path: Path | None) -> str:
    """The passphrase that opens a vault: --passphrase-file, then $ORGANIZER_PASSPHRASE, then ask."""
    if path is not None:
        return read_secret_file(path, "passphrase")
    if os.environ.get(ENV_NAME):
        return os.environ[ENV_NAME]
    return _ask("Passphrase: ")


def new_passphrase(path: Path | None, *, allow_env: bool = True,
                   personal: Iterable[str] = ()) -> str:
    """A passphrase being chosen: from the file/environment, or typed twice at a prompt.

    Refused (InvalidInput, saying why and suggesting four random words) when it is easy to
    guess; *personal* holds the person's name and date of birth, which others may know.
    """
    if path is not None:
        chosen = read_secret_file(path, "passphrase")
    elif allow_env and os.environ.get(ENV_NAME):
        chosen = os.environ[ENV_NAME]
    else:
        chosen = _ask("Choose a passphrase: ")
        if _ask("Type it again: ") != chosen:
            raise InvalidInput("The two passphrases are not the same. Nothing was changed.")
    require_strong(chosen, personal)
    return chosen


def _ask(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise InvalidInput(
            "No passphrase given. Use --passphrase-file FILE or set ORGANIZER_PASSPHRASE."
        )
    return getpass.getpass(prompt)
