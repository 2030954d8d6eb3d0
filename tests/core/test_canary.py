"""Canaries: a name and document text that must never reach the disk (or the terminal) in clear."""

from __future__ import annotations

import io
import os
import secrets
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.vault import KdfParams, Vault
from organizer.core.vault.verify import verify

PASSPHRASE = "canary passphrase that must stay secret"
MAX_SCAN_BYTES = 64 << 20


def spellings(secret: str) -> list[bytes]:
    """The byte patterns that would give `secret` away: UTF-8 and UTF-16-LE, as is, lower, upper."""
    forms = {secret, secret.lower(), secret.upper()}
    return sorted({form.encode(enc) for form in forms for enc in ("utf-8", "utf-16-le")})


def files_under(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith("bash_jobs")]  # the test runner's own logs
        for name in names:
            yield Path(root) / name


def recent_temp_files(since: float) -> Iterator[Path]:
    """Files in the temp folder changed since `since` (other programs' files come and go)."""
    for path in files_under(Path(tempfile.gettempdir())):
        try:
            if path.is_file() and not path.is_symlink() and path.stat().st_mtime >= since:
                yield path
        except OSError:
            continue


def leaks(paths: Iterable[Path], secrets_: Iterable[str]) -> list[str]:
    """`file: pattern` for every file holding any spelling of any secret."""
    patterns = [p for s in secrets_ for p in spellings(s)]
    found = []
    for path in paths:
        try:
            if not path.is_file() or path.stat().st_size > MAX_SCAN_BYTES:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        found += [f"{path}: {p!r}" for p in patterns if p in data]
    return found


@pytest.fixture
def started() -> float:
    """When the test started (a second early, for coarse file times)."""
    return time.time() - 1.0


def test_a_persons_name_and_document_text_never_reach_the_disk_in_clear(
    tmp_path: Path, isolated_app_dirs: Path, fast_kdf: KdfParams, started: float
) -> None:
    name = "Zebulon Canary-" + secrets.token_hex(6)
    text = "Quokka-Findings-" + secrets.token_hex(6)
    content = b"%PDF-1.4\n% a report\n" + f"Impression: {text}".encode() * 50 + os.urandom(70_000)
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE)
    with vault:
        person = catalog.add_person(vault, name, "1961-04-23")
        stored = vault.store_file(io.BytesIO(content))
        vault.record([vault.file_change(stored)])
        assert vault.read_file(stored.id) == content
        assert catalog.people(vault)[0].name == name
        assert verify(vault).ok
    with Vault.unlock(folder, PASSPHRASE) as reopened:
        assert reopened.state.get("person", person.id)["name"] == name
        with reopened.open_file(stored.id) as reader:
            reader.seek(20)
            assert reader.read(12) == b"Impression: "
    scanned = [*files_under(folder), *files_under(isolated_app_dirs), *recent_temp_files(started)]
    assert len(scanned) > 5
    assert leaks(scanned, [name, text, PASSPHRASE]) == []


def test_the_canary_search_finds_a_planted_canary(tmp_path: Path) -> None:
    name = "Zebulon Canary-" + secrets.token_hex(6)
    plain, wide = tmp_path / "plain.txt", tmp_path / "wide.txt"
    plain.write_text(f"log: opened {name.upper()}", encoding="utf-8")
    wide.write_bytes(name.lower().encode("utf-16-le"))
    assert len(leaks(recent_temp_files(time.time() - 5), [name])) == 2


def test_the_command_line_keeps_the_passphrase_and_the_name_to_itself(
    tmp_path: Path, isolated_app_dirs: Path, fast_kdf: KdfParams, started: float,
    capfd: pytest.CaptureFixture[str],
) -> None:
    from organizer.cli import main

    name = "Zebulon Canary-" + secrets.token_hex(6)
    passphrase = "cli canary passphrase " + secrets.token_hex(6)
    secret_dir = tmp_path / "secret"
    secret_dir.mkdir()
    pwfile, wrong = secret_dir / "pass.txt", secret_dir / "wrong.txt"
    pwfile.write_text(passphrase + "\n", encoding="utf-8")
    wrong_passphrase = "wrong canary passphrase " + secrets.token_hex(6)
    wrong.write_text(wrong_passphrase + "\n", encoding="utf-8")
    folder = tmp_path / "vault"

    assert main(["init", str(folder), "--name", name, "--passphrase-file", str(pwfile)]) == 0
    assert main(["verify", str(folder), "--passphrase-file", str(pwfile)]) == 0
    assert main(["list", str(folder), "--passphrase-file", str(wrong)]) == 1
    out, err = capfd.readouterr()
    for secret in (passphrase, wrong_passphrase):
        for pattern in spellings(secret):
            assert pattern.decode("utf-8", "replace") not in out + err
    assert "Recovery key:" in out
    assert "does not open this vault" in err
    assert "Traceback" not in err

    scanned = [*files_under(folder), *files_under(isolated_app_dirs),
               *(p for p in recent_temp_files(started) if secret_dir not in p.parents)]
    assert leaks(scanned, [name, passphrase, wrong_passphrase]) == []
