"""The imaging commands: import --json and list --json (the documented contract), export, a kill."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.vault import KdfParams, Vault
from organizer.core.vault.verify import verify
from tests.conftest import PASSPHRASE
from tests.core.imaging_discs import SAMPLES, copy_with_new_uids, dicomdir_disc, plain_disc

STUDY_KEYS = {"study_uid", "date", "modality", "description", "patient_name", "patient_dob",
              "series", "images", "bytes", "warnings"}


@pytest.fixture
def folder(tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    vault = tmp_path / "vault"
    assert main(["init", str(vault), "--name", "Peter Doe"]) == 0
    capsys.readouterr()
    return vault


def test_import_json_lists_the_studies_added_and_every_file_left_out(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    disc = plain_disc(tmp_path / "disc")
    assert main(["imaging", "import", str(folder), str(disc), "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert set(answer) == {"studies", "skipped"}
    assert len(answer["studies"]) == 3 and all(set(s) >= STUDY_KEYS for s in answer["studies"])
    assert all(set(s) == {"file", "reason"} for s in answer["skipped"])
    assert {s["file"] for s in answer["skipped"]} == {
        "DICOM/ST1/SE1/IM000002", "DICOM/IM000003.dcm", "readme.txt"}
    ct = next(s for s in answer["studies"] if s["modality"] == "CT")
    assert (ct["date"], ct["images"], ct["series"], ct["patient_dob"]) == ("2004-01-19", 1, 1, None)
    assert ct["bytes"] == (disc / "DICOM" / "ST1" / "SE1" / "IM000001").stat().st_size
    assert isinstance(ct["warnings"], list) and ct["warnings"]  # not Peter Doe's name


def test_list_json_is_an_array_of_studies_and_text_names_them(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["imaging", "list", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["imaging", "import", str(folder), str(dicomdir_disc(tmp_path / "d"))]) == 0
    text = capsys.readouterr().out
    assert "31 image files imported" in text and "2 different people" in text
    assert "2 other files on the disc" in text
    assert main(["imaging", "list", str(folder), "--json", "--person", "Peter Doe"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 6 and all(set(s) >= STUDY_KEYS for s in listed)
    assert [s["date"] for s in listed] == sorted(s["date"] for s in listed)


def test_export_writes_a_file_set_and_refuses_a_used_folder(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["imaging", "import", str(folder), str(dicomdir_disc(tmp_path / "d")), "--json"])
    uid = json.loads(capsys.readouterr().out)["studies"][0]["study_uid"]
    out = tmp_path / "usb"
    assert main(["imaging", "export", str(folder), "-o", str(out), "--study", uid]) == 0
    assert "checked every file" in capsys.readouterr().out
    assert (out / "DICOMDIR").is_file() and (out / "README.txt").is_file()
    assert main(["imaging", "export", str(folder), "-o", str(out)]) == 1
    assert "already holds" in capsys.readouterr().err


def test_a_killed_import_leaves_a_vault_that_verifies_and_a_second_import_finishes(
    folder: Path, tmp_path: Path
) -> None:
    disc = tmp_path / "disc"
    copy_with_new_uids(SAMPLES / "CT_small.dcm", 800, disc)
    env = {**os.environ, "ORGANIZER_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen([sys.executable, "-m", "organizer", "imaging", "import", str(folder),
                              str(disc)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    journal = folder / "journal"
    before = len(list(journal.iterdir()))
    deadline = time.monotonic() + 60
    while len(list(journal.iterdir())) <= before and child.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.01)
    child.kill()
    child.wait()
    with Vault.unlock(folder, PASSPHRASE) as vault:
        report = verify(vault)
        assert report.ok, report.problems
        kept = len(vault.state.all("imaging_instance"))
    assert main(["imaging", "import", str(folder), str(disc)]) == 0
    with Vault.unlock(folder, PASSPHRASE) as vault:
        assert len(vault.state.all("imaging_instance")) == 800
        assert verify(vault).ok
    assert kept < 800  # the kill came mid-import (the first group is saved after 200 images)


def test_checklist_json_counts_imaging_discs_as_received(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["imaging", "import", str(folder), str(dicomdir_disc(tmp_path / "d")), "--json"])
    capsys.readouterr()
    assert main(["checklist", str(folder), "--json"]) == 0
    items = {i["record"]: i for i in json.loads(capsys.readouterr().out)["items"]}
    assert items["imaging_discs"]["state"] == "received"
    assert "6 imaging studies in the vault" in items["imaging_discs"]["note"]
