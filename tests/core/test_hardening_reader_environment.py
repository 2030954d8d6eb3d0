"""The worker processes that parse untrusted files never see the passphrase in their environment."""

from __future__ import annotations

import os
import sys

import pytest

from organizer.core.child_environment import is_secret_name, scrubbed
from organizer.core.errors import IntakeError
from organizer.core.intake.sandbox import FileReader


def _names_seen_by_a_worker() -> set[str]:
    with FileReader(workers=1, timeout=20, test_hooks=True) as reader, \
            pytest.raises(IntakeError) as raised:
        reader.read_one(b"#sandbox:environ", "x.pdf")
    return set(raised.value.details.split("\n"))


@pytest.mark.timeout(60)
def test_the_passphrase_never_reaches_a_reader_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", "correct horse battery staple")
    monkeypatch.setenv("SOME_API_TOKEN", "abc")
    monkeypatch.setenv("HARMLESS_SETTING", "1")
    seen = _names_seen_by_a_worker()
    assert "ORGANIZER_PASSPHRASE" not in seen and "SOME_API_TOKEN" not in seen
    assert "HARMLESS_SETTING" in seen  # the worker's environment was really read
    if sys.platform.startswith("linux"):  # the initial block in /proc/PID/environ was read too
        assert "PATH" in seen or "HOME" in seen
    assert os.environ["ORGANIZER_PASSPHRASE"] == "correct horse battery staple"  # given back


def test_secret_looking_names_are_scrubbed_for_other_children() -> None:
    env = {"ORGANIZER_PASSPHRASE": "x", "GITHUB_TOKEN": "y", "PATH": "/bin", "LANG": "C"}
    assert scrubbed(env) == {"PATH": "/bin", "LANG": "C"}
    assert is_secret_name("organizer_anything") and not is_secret_name("HOME")
