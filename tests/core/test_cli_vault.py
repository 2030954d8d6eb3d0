"""The command line for vaults: init, list, verify, passwd, recover — exit codes and messages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.vault import KdfParams
from tests.conftest import PASSPHRASE


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    path = tmp_path / "pw.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture
def made(
    tmp_path: Path, pwfile: Path, fast_kdf: KdfParams, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str]:
    folder = tmp_path / "vault"
    assert main(["init", str(folder), "--name", "Łukasz Ąbc", "--dob", "1955-12-01",
                 "--passphrase-file", str(pwfile)]) == 0
    out = capsys.readouterr().out
    key = re.search(r"^Recovery key: (\S+)$", out, re.M)
    assert key is not None
    return folder, key.group(1)


def test_init_prints_the_recovery_key_once_and_list_shows_the_person(
    made: tuple[Path, str], pwfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, key = made
    assert len(key) == 39
    assert main(["list", str(folder), "--passphrase-file", str(pwfile), "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["people"][0]["name"] == "Łukasz Ąbc"
    assert listing["people"][0]["dob"] == "1955-12-01"
    assert listing["documents"] == []


def test_the_passphrase_can_come_from_the_environment(
    made: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    assert main(["list", str(folder)]) == 0
    assert "Łukasz Ąbc (born 1955-12-01)" in capsys.readouterr().out


def test_a_wrong_passphrase_is_one_line_on_stderr_and_exit_1(
    made: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    bad = tmp_path / "bad.txt"
    bad.write_text("nope nope nope\n")
    assert main(["list", str(folder), "--passphrase-file", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not open this vault" in err
    assert "Traceback" not in err


def test_verify_exits_0_when_intact_and_1_naming_the_damage(
    made: tuple[Path, str], pwfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    assert main(["verify", str(folder), "--passphrase-file", str(pwfile), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    entry = next((folder / "journal").iterdir())
    entry.write_bytes(entry.read_bytes()[:-1] + b"\0")
    assert main(["verify", str(folder), "--passphrase-file", str(pwfile)]) == 1
    out = capsys.readouterr().out
    assert "DAMAGED: a saved change" in out and entry.name in out


def test_passwd_then_recover_with_the_recovery_key_file(
    made: tuple[Path, str], pwfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, key = made
    new = tmp_path / "new.txt"
    new.write_text("an entirely new passphrase\n")
    assert main(["passwd", str(folder), "--passphrase-file", str(pwfile),
                 "--new-passphrase-file", str(new)]) == 0
    assert main(["list", str(folder), "--passphrase-file", str(pwfile)]) == 1
    keyfile = tmp_path / "key.txt"
    keyfile.write_text(key + "\n")
    assert main(["recover", str(folder), "--recovery-key-file", str(keyfile),
                 "--new-passphrase-file", str(pwfile)]) == 0
    assert main(["list", str(folder), "--passphrase-file", str(pwfile)]) == 0


def test_a_short_new_passphrase_is_refused_with_advice(
    tmp_path: Path, fast_kdf: KdfParams, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "short.txt"
    short.write_text("abc\n")
    assert main(["init", str(tmp_path / "v"), "--name", "A", "--passphrase-file", str(short)]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert not (tmp_path / "v").exists()


def test_a_bad_date_of_birth_is_explained(
    tmp_path: Path, pwfile: Path, fast_kdf: KdfParams, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "v"), "--name", "A", "--dob", "31/02/1961",
                 "--passphrase-file", str(pwfile)]) == 1
    assert "February 1961 has 28 days" in capsys.readouterr().err


def test_no_passphrase_and_no_terminal_says_how_to_give_one(
    made: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = made
    monkeypatch.delenv("ORGANIZER_PASSPHRASE", raising=False)
    assert main(["list", str(folder)]) == 1
    assert "--passphrase-file" in capsys.readouterr().err


def test_version_help_and_usage_errors_use_the_documented_exit_codes() -> None:
    run = [sys.executable, "-m", "organizer"]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, check=False)
    assert version.returncode == 0 and version.stdout.startswith("organizer ")
    helped = subprocess.run([*run, "--help"], capture_output=True, text=True, check=False)
    assert helped.returncode == 0 and "verify" in helped.stdout
    bad = subprocess.run([*run, "list"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2
    missing = subprocess.run([*run, "list", "/nonexistent/vault"], capture_output=True,
                             text=True, check=False, env={"ORGANIZER_PASSPHRASE": "x" * 10,
                                                          "PATH": "/usr/bin:/bin"})
    assert missing.returncode == 1 and "not a Second Opinion Organizer vault" in missing.stderr


def test_a_date_of_birth_is_taken_as_people_write_it(
    tmp_path: Path, pwfile: Path, fast_kdf: KdfParams, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "v"), "--name", "A", "--dob", "23/04/1961",
                 "--passphrase-file", str(pwfile)]) == 0
    capsys.readouterr()
    assert main(["list", str(tmp_path / "v"), "--json", "--passphrase-file", str(pwfile)]) == 0
    assert '"1961-04-23"' in capsys.readouterr().out
