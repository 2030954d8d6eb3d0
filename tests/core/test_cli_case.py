"""The command line for the case: checklist --json (the documented contract), building a case, demo."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from organizer import cli
from organizer.cli import case as commands_case
from organizer.core import catalog
from organizer.core.case.letter import letter_for
from organizer.core.vault import KdfParams, Vault
from tests.conftest import PASSPHRASE


def run(*argv: str) -> int:
    return cli.main(list(argv))


@pytest.fixture(autouse=True)
def case_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the lead adds the case commands to organizer/cli/__init__.py."""
    if commands_case.register not in cli.REGISTRATIONS:
        monkeypatch.setattr(cli, "REGISTRATIONS", [*cli.REGISTRATIONS, commands_case.register])


@pytest.fixture
def folder(tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", PASSPHRASE)
    vault = tmp_path / "vault"
    assert run("init", str(vault), "--name", "Jane Doe", "--dob", "1962-03-14") == 0
    capsys.readouterr()
    return str(vault)


def checklist(folder: str, capsys: pytest.CaptureFixture[str], *more: str) -> dict[str, object]:
    capsys.readouterr()
    assert run("checklist", folder, "--json", *more) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_checklist_json_follows_the_contract(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = checklist(folder, capsys)
    assert list(data) == ["person", "items", "complete"]
    items = data["items"]
    assert isinstance(items, list)
    assert [i["record"] for i in items[:5]] == [
        "pathology", "operative", "discharge", "treatment_plan", "medications"]
    assert all(list(i) == ["record", "state", "documents", "note"] for i in items)
    assert data["complete"] == 0.0


def test_a_whole_case_can_be_built_from_the_command_line(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ("person", "add", folder, "--name", "John Doe", "--dob", "1960-01-01",
         "--diagnosis", "Colon cancer"),
        ("person", "diagnosis", folder, "Breast cancer, left side", "--person", "Jane Doe"),
        ("contact", "add", folder, "--person", "Jane Doe", "--name", "Jane Doe", "--role", "self",
         "--phone", "555-0100"),
        ("not-applicable", folder, "operative", "--reason", "No surgery", "--person", "Jane Doe"),
        ("request", folder, "discharge", "pathology", "--from", "City Hospital", "--how",
         "records-department", "--delivery", "portal", "--person", "jane doe"),
        ("received", folder, "medications", "--note", "Paper list", "--person", "Jane Doe"),
        ("med", "add", folder, "--drug", "Letrozole", "--dose", "2.5 mg", "--start", "2024-03-01",
         "--person", "Jane Doe"),
        ("plan", folder, "--text", "Radiation, then pills", "--by", "Dr. B", "--person", "Jane Doe"),
        ("question", "add", folder, "Can I keep working?", "--person", "Jane Doe"),
        ("question", "move", folder, "16", "1", "--person", "Jane Doe"),
        ("insurance", folder, "--covered", "yes", "--person", "Jane Doe"),
        ("appointment", "add", folder, "--date", "2024-04-02", "--came-along", "my sister",
         "--recording", "allowed", "--person", "Jane Doe"),
        ("recipient", "add", folder, "Dr. Lee, City Cancer Center", "--person", "Jane Doe"),
    ):
        assert run(*argv) == 0, argv
    data = checklist(folder, capsys, "--person", "Jane Doe")
    states = {i["record"]: i["state"] for i in data["items"]}  # type: ignore[attr-defined]
    assert states["operative"] == "not_applicable" and states["discharge"] == "requested"
    assert states["medications"] == "received" and states["treatment_plan"] == "written"
    assert data["complete"] == 0.6
    assert data["person"]["diagnosis"] == "Breast cancer, left side"  # type: ignore[index]
    assert run("question", "list", folder, "--person", "Jane Doe", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["text"] == "Can I keep working?"
    assert run("requests", folder, "--person", "Jane Doe", "--json") == 0
    [request] = json.loads(capsys.readouterr().out)
    assert request["records"] == ["discharge", "pathology"] and request["follow_up_due"] is False
    letter = tmp_path / "letter.pdf"
    assert run("letter", folder, request["id"], "-o", str(letter), "--person", "Jane Doe") == 0
    text = pdfium.PdfDocument(str(letter))[0].get_textpage().get_text_range()
    assert "City Hospital" in text and "Discharge summary" in text
    with Vault.unlock(Path(folder), PASSPHRASE) as vault:  # the Requests page makes the same letter
        shown = letter_for(vault, catalog.find_person(vault, "Jane Doe"), request["id"])[1]
    assert shown == letter.read_bytes()


def test_undo_takes_back_the_last_change(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("not-applicable", folder, "discharge", "--reason", "Never in hospital") == 0
    assert checklist(folder, capsys)["complete"] == 0.2
    assert run("undo", folder) == 0
    assert "Undone: Mark Discharge summary as not needed." in capsys.readouterr().out
    assert checklist(folder, capsys)["complete"] == 0.0


def test_wrong_input_is_a_one_line_error(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("not-applicable", folder, "xray", "--reason", "none") == 1
    assert "not a checklist item" in capsys.readouterr().err
    assert run("med", "add", folder, "--drug", "X", "--start", "yesterday") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not read" in err


def test_the_text_checklist_says_what_to_do_next(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("checklist", folder) == 0
    out = capsys.readouterr().out
    assert "0 of 5 ready" in out and "What to do next:" in out and "Call your insurance" in out


def test_demo_prints_the_passphrase_and_the_vault_opens_with_it(
    tmp_path: Path, fast_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "demo"
    assert run("demo", str(target), "--samples", str(tmp_path / "samples")) == 0
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if x.startswith("Passphrase: ")]
    monkeypatch.setenv("ORGANIZER_PASSPHRASE", line.removeprefix("Passphrase: "))
    assert checklist(str(target), capsys)["complete"] == 0.8  # the demo wrote its medicine list and plan
    assert run("verify", str(target)) == 0
    assert len(list((tmp_path / "samples").glob("*.pdf"))) == 8


def test_packet_from_names_a_caregiver_with_their_relation_on_the_cover(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("contact", "add", folder, "--name", "Anna Miller", "--role", "daughter",
               "--phone", "555-0142") == 0
    out = tmp_path / "packet.pdf"
    assert run("packet", folder, "-o", str(out), "--from", "Anna Miller") == 0
    cover = pdfium.PdfDocument(str(out))[0].get_textpage().get_text_range()
    assert "From: Anna Miller (daughter)" in cover and "How to reach them: 555-0142" in cover


def test_the_text_checklist_names_records_without_a_type_and_how_to_tag_them(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.samples import text_pdf

    note = tmp_path / "note.pdf"
    note.write_bytes(text_pdf([["Hello, see you next week."]]))
    assert run("import", folder, str(note)) == 0
    capsys.readouterr()
    assert run("checklist", folder) == 0
    out = capsys.readouterr().out
    assert "1 record needs its type" in out and "organizer tag VAULT DOC_ID TYPE" in out
    doc_id = out.rsplit("Without a type: ", 1)[1].strip().rstrip(".")
    assert run("tag", folder, doc_id, "consult") == 0
    capsys.readouterr()
    assert run("checklist", folder) == 0
    assert "needs its type" not in capsys.readouterr().out


def test_dates_are_taken_the_way_people_write_them(
    folder: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "C")  # month first, as in the C locale
    assert run("med", "add", folder, "--drug", "Tamoxifen", "--start", "3/12/2024") == 0
    assert "Read the start date as 12 March 2024." in capsys.readouterr().out
    assert run("med", "add", folder, "--drug", "Letrozole", "--start", "April 2024",
               "--stop", "2025") == 0
    assert run("med", "add", folder, "--drug", "X", "--start", "13/13/2024") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "13/13/2024" in err and "month" in err
    capsys.readouterr()
    assert run("med", "list", folder, "--json") == 0
    listed = {m["drug"]: m for m in json.loads(capsys.readouterr().out)}
    assert listed["Tamoxifen"]["start"] == "2024-03-12"
    assert (listed["Letrozole"]["start"], listed["Letrozole"]["stop"]) == ("2024-04", "2025")
    assert run("med", "list", folder) == 0
    assert "(April 2024 to 2025)" in capsys.readouterr().out
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")  # day first
    assert run("appointment", "add", folder, "--date", "3/12/2024") == 0
    assert "3 December 2024" in capsys.readouterr().out
    assert run("plan", folder, "--text", "Surgery", "--date", "7 de marzo de 2024") == 0
    assert '"date": "2024-03-07"' in capsys.readouterr().out
