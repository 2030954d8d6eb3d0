"""The mail program and the file manager started for a delivery never inherit the passphrase."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from organizer.core.packet import delivery

SECRET = "correct horse battery staple"


@pytest.fixture
def packet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", SECRET)
    monkeypatch.setenv("SOME_API_TOKEN", SECRET)
    monkeypatch.setattr(delivery.sys, "platform", "linux")
    monkeypatch.setattr(delivery.shutil, "which", lambda name: f"/usr/bin/{name}")
    path = tmp_path / "packet.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    return path


def test_the_mail_program_gets_an_environment_without_secrets(
        packet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    environments: list[dict[str, str]] = []
    monkeypatch.setattr(delivery.subprocess, "run",
                        lambda cmd, **kw: environments.append(kw["env"]))
    assert delivery.hand_to_mail([packet]).how == "mail"
    [env] = environments
    assert SECRET not in env.values() and "PATH" in env


def test_the_file_manager_shown_instead_gets_no_secrets_either(
        packet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    environments: list[dict[str, str]] = []

    def failing_run(cmd: list[str], **kw: object) -> None:
        raise subprocess.CalledProcessError(3, cmd)

    monkeypatch.setattr(delivery.subprocess, "run", failing_run)
    monkeypatch.setattr(delivery.subprocess, "Popen",
                        lambda cmd, **kw: environments.append(kw["env"]))
    assert delivery.hand_to_mail([packet]).how == "folder shown"
    [env] = environments
    assert SECRET not in env.values()
