"""`organizer search VAULT QUERY… [--person P] [--type T] [--json]`: the documented contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from organizer.cli import main
from organizer.core.vault import KdfParams
from tests.conftest import PASSPHRASE
from tests.samples import OPERATIVE_LINES, PATHOLOGY_LINES, text_pdf


@pytest.fixture
def folder(tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    vault = tmp_path / "vault"
    assert main(["init", str(vault), "--name", "Jane Doe", "--dob", "1962-03-14"]) == 0
    files = tmp_path / "files"
    files.mkdir()
    (files / "path.pdf").write_bytes(text_pdf([PATHOLOGY_LINES, ["Ganglio linfático: sin tumor."]]))
    (files / "op.pdf").write_bytes(text_pdf([OPERATIVE_LINES]))
    assert main(["import", str(vault), str(files)]) == 0
    capsys.readouterr()
    return vault


def test_search_json_gives_the_documented_fields_best_first(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(folder), "linfatico", "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert list(hit) == ["id", "title", "type", "date", "page", "snippet"]
    assert hit["type"] == "pathology" and hit["page"] == 2
    assert "linfático" in hit["snippet"]
    assert hit["date"] == "2024-01-09"
    assert main(["search", str(folder), "SIN", "TUM", "--type", "pathology", "--person", "jane doe",
                 "--json"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)] == [hit["id"]]


def test_search_plain_prints_one_line_per_record(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(folder), "report"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(" · page " in line for line in lines)
    assert main(["search", str(folder), "linfatico", "--type", "operative"]) == 0
    assert capsys.readouterr().out.strip() == "No records hold all of these words."


def test_search_errors_are_one_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(folder), '"', "*"]) == 1
    assert main(["search", str(folder), "x", "--type", "xray"]) == 1
    assert main(["search", str(folder), "x", "--person", "Nobody"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 3 and "Traceback" not in err
    with pytest.raises(SystemExit) as usage:
        main(["search", str(folder)])
    assert usage.value.code == 2
