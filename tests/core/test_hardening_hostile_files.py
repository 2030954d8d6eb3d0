"""Hostile files given to import and classify: pipes, devices, endless files are answered, not read."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.errors import FileTooComplex
from organizer.core.intake.source_file import NotARegularFile, read_source
from organizer.core.vault import KdfParams
from tests.conftest import PASSPHRASE
from tests.samples import PATHOLOGY_LINES, text_pdf

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@pytest.fixture
def vault_cli(tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "vault"
    assert main(["init", str(folder), "--name", "Jane Doe", "--dob", "1962-03-14"]) == 0
    capsys.readouterr()
    return folder


@posix_only
@pytest.mark.timeout(30)
def test_a_fifo_is_refused_at_once_and_the_other_files_import(
    vault_cli: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo, good = tmp_path / "record.pdf", tmp_path / "good.pdf"
    os.mkfifo(fifo)
    good.write_bytes(text_pdf([PATHOLOGY_LINES]))
    assert main(["import", str(vault_cli), str(fifo), str(good), "--json"]) == 0
    fates = {Path(o["file"]).name: o for o in json.loads(capsys.readouterr().out)}
    assert fates["record.pdf"]["status"] == "rejected"
    assert "not a normal file" in fates["record.pdf"]["message"]
    assert fates["good.pdf"]["status"] == "imported"


@posix_only
@pytest.mark.timeout(30)
def test_classify_answers_for_a_fifo_and_a_link_to_dev_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo, zero = tmp_path / "pipe.pdf", tmp_path / "zero.pdf"
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    assert main(["classify", str(fifo), str(zero), "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)
    assert all("not a normal file" in a["error"] for a in answers)


@posix_only
@pytest.mark.timeout(30)
def test_a_link_to_dev_zero_is_refused_without_reading_it(
    vault_cli: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zero = tmp_path / "scan.pdf"
    zero.symlink_to("/dev/zero")
    assert main(["import", str(vault_cli), str(zero), "--json"]) == 0
    [fate] = json.loads(capsys.readouterr().out)
    assert fate["status"] == "rejected" and "not a normal file" in fate["message"]


def test_the_size_cap_holds_while_reading_even_when_the_stated_size_is_small(
    tmp_path: Path
) -> None:
    path = tmp_path / "grows.pdf"
    path.write_bytes(b"%PDF-" + b"x" * 5000)
    assert len(read_source(path, limit=5005)) == 5005
    with pytest.raises(FileTooComplex):
        read_source(path, limit=4000)
    if Path("/proc/self/status").exists():  # st_size 0, content > 0: the cap is what counts
        assert read_source(Path("/proc/self/status"), limit=1 << 20)
        with pytest.raises(FileTooComplex):
            read_source(Path("/proc/self/status"), limit=10)


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises((NotARegularFile, IsADirectoryError, PermissionError)):
        read_source(tmp_path)
