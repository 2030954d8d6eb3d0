"""The command line for records: import, classify --json (the documented contract), tag, export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.vault import KdfParams
from tests.conftest import PASSPHRASE
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, encrypted, text_pdf


@pytest.fixture
def setup(
    tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path]:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "vault"
    assert main(["init", str(folder), "--name", "Jane Doe", "--dob", "1962-03-14"]) == 0
    files = tmp_path / "files"
    files.mkdir()
    (files / "path.pdf").write_bytes(text_pdf([PATHOLOGY_LINES]))
    (files / "op.pdf").write_bytes(text_pdf([OPERATIVE_LINES]))
    (files / "locked.pdf").write_bytes(encrypted(text_pdf([PATHOLOGY_LINES, ["page 2"]]), "pw1", "o"))
    (files / "notes.pdf").write_text("just some text, not a PDF")
    capsys.readouterr()
    return folder, files


def test_import_json_reports_each_files_fate(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, files = setup
    assert main(["import", str(folder), str(files), "--json"]) == 0
    fates = {Path(o["file"]).name: o for o in json.loads(capsys.readouterr().out)}
    assert fates["path.pdf"]["status"] == "imported" and fates["path.pdf"]["type"] == "pathology"
    assert fates["op.pdf"]["type"] == "operative"
    assert fates["locked.pdf"]["status"] == "needs_password"
    assert fates["notes.pdf"]["status"] == "rejected" and fates["notes.pdf"]["message"]


def test_import_with_a_password_file_and_then_list_tag_and_export(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, files = setup
    passwords = tmp_path / "pdfpw.txt"
    passwords.write_text("wrong\npw1\n")
    assert (
        main(
            [
                "import",
                str(folder),
                str(files / "locked.pdf"),
                "--pdf-password-file",
                str(passwords),
                "--type",
                "pathology",
            ]
        )
        == 0
    )
    assert "1 imported" in capsys.readouterr().out
    assert main(["list", str(folder), "--json"]) == 0
    [doc] = json.loads(capsys.readouterr().out)["documents"]
    assert doc["pages"] == 2 and doc["type"] == "pathology"
    assert main(["tag", str(folder), doc["id"][:12], "lab"]) == 0
    assert "Lab results" in capsys.readouterr().out
    out = tmp_path / "export.pdf"
    assert main(["export", str(folder), doc["id"], "-o", str(out)]) == 0
    exported = out.read_bytes()
    assert exported.startswith(b"%PDF") and exported != (files / "locked.pdf").read_bytes()
    assert main(["tag", str(folder), doc["id"], "xray"]) == 1
    assert "not a record type" in capsys.readouterr().err


def test_classify_json_follows_the_contract_without_a_vault(setup: tuple[Path, Path]) -> None:
    _, files = setup
    names = ["path.pdf", "op.pdf", "notes.pdf", "missing.pdf"]
    done = subprocess.run(
        [sys.executable, "-m", "organizer", "classify", "--json", *(str(files / n) for n in names)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    answers = json.loads(done.stdout)
    assert [Path(a["file"]).name for a in answers] == names
    assert answers[0]["type"] == "pathology" and 0 < answers[0]["confidence"] <= 1
    assert answers[0]["evidence"] and answers[1]["type"] == "operative"
    assert set(answers[2]) == {"file", "error"} and set(answers[3]) == {"file", "error"}


def test_export_of_an_unknown_document_is_a_one_line_error(
    setup: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = setup
    assert main(["export", str(folder), "abcdef123456", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "no document" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_classify_tells_support_what_went_wrong_only_when_asked(tmp_path: Path) -> None:
    broken = tmp_path / "cut.pdf"
    broken.write_bytes(b"%PDF-1.4 cut short")
    command = [sys.executable, "-m", "organizer", "classify", "--json", str(broken)]
    quiet = subprocess.run(command, capture_output=True, text=True, check=False)
    debug = subprocess.run(command, capture_output=True, text=True, check=False,
                           env={**os.environ, "ORGANIZER_DEBUG": "1"})
    assert quiet.returncode == debug.returncode == 0
    assert json.loads(quiet.stdout) == json.loads(debug.stdout)
    assert quiet.stderr == ""
    assert debug.stderr.startswith("organizer: ") and "cut.pdf: " in debug.stderr
