"""Child processes never inherit secrets: the passphrase and other secret-looking variables."""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterator, Mapping

_SECRET_LOOKING = re.compile(r"PASS|SECRET|TOKEN|CREDENTIAL|KEY|AUTH", re.IGNORECASE)
_LOCK = threading.Lock()


def is_secret_name(name: str) -> bool:
    """True for our own settings (ORGANIZER_*, the passphrase among them) and secret-looking names."""
    return name.upper().startswith("ORGANIZER_") or bool(_SECRET_LOOKING.search(name))


def scrubbed(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """A copy of the environment without secrets, for subprocess's env= argument."""
    source = os.environ if environ is None else environ
    return {name: value for name, value in source.items() if not is_secret_name(name)}


@contextlib.contextmanager
def secrets_hidden() -> Iterator[None]:
    """Start child processes inside this block: secrets are out of os.environ until it ends.

    multiprocessing's 'spawn' passes no env= of its own; the child gets the parent's
    environment, and a child's initial environment stays readable (e.g. /proc/PID/environ) even
    if the child deletes the variable later. So the parent removes secrets for the moment the
    child is started and puts them back afterwards (one thread at a time).
    """
    with _LOCK:
        hidden = {name: os.environ.pop(name) for name in list(os.environ) if is_secret_name(name)}
        try:
            yield
        finally:
            os.environ.update(hidden)
