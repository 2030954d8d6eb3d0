"""Hostile or broken portal files are refused with one plain line, and nothing leaves the vault."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from organizer.core import catalog
from organizer.core.errors import IntakeError
from organizer.core.intake.analysis import analyse
from organizer.core.intake.importer import IMPORTED, REJECTED, ImportOptions, import_files
from organizer.core.intake.portal import safe_xml, safe_zip
from organizer.core.intake.sandbox import FileReader
from organizer.core.vault import Vault
from tests.portal_samples import BILLION_LAUGHS, XXE, bomb_zip, cda, traversal_zip, xdm_zip


@pytest.fixture(scope="module")
def reader() -> Iterator[FileReader]:
    with FileReader() as shared:
        yield shared


def _refusal(data: bytes) -> str:
    with pytest.raises(IntakeError) as refused:
        analyse(data, "download")
    message = refused.value.message
    assert "\n" not in message and "Traceback" not in message
    return message


def test_an_xml_file_with_an_external_entity_is_refused_before_anything_is_read() -> None:
    assert _refusal(XXE) == safe_xml.HOSTILE


def test_a_billion_laughs_file_is_refused_without_expanding_it() -> None:
    assert _refusal(BILLION_LAUGHS) == safe_xml.HOSTILE


def test_entities_declared_after_a_long_preamble_are_still_refused() -> None:
    padded = b"<?xml version='1.0'?>\n<!--" + b"x" * 100_000 + b"-->\n" + BILLION_LAUGHS.split(b"?>", 1)[1]
    assert _refusal(padded) == safe_xml.HOSTILE


def test_a_zip_whose_names_climb_out_of_the_folder_is_refused() -> None:
    assert _refusal(traversal_zip()) == safe_zip.TRAVERSAL


@pytest.mark.parametrize("name", ["/etc/evil.xml", "C:/evil.xml", "IHE_XDM\\..\\..\\evil.xml"])
def test_absolute_and_backslash_names_in_a_zip_are_refused(name: str) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(name, cda())
    assert _refusal(out.getvalue()) == safe_zip.TRAVERSAL


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    assert _refusal(bomb_zip()) == safe_zip.BOMB


def test_a_huge_xml_file_is_refused_with_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_xml, "MAX_XML_BYTES", 1000)
    assert "too large" in _refusal(cda())


def test_broken_xml_and_broken_json_get_a_plain_reason() -> None:
    assert "damaged or incomplete" in _refusal(cda()[:-200])
    assert "damaged or incomplete" in _refusal(b'{"resourceType": "Patient", "name": [')
    deep = b'{"resourceType": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert "nested too deeply" in _refusal(deep)


def test_xml_that_is_not_a_clinical_document_and_a_zip_without_records_are_explained() -> None:
    assert "not a clinical document" in _refusal(b"<?xml version='1.0'?><HealthData/>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("IHE_XDM/SUBSET01/NOTES.XML", "<?xml version='1.0'?><notes/>")
    assert "no portal records" in _refusal(out.getvalue())


def test_other_zips_such_as_office_files_keep_their_own_message() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<document/>")
    assert "no portal records" not in _refusal(out.getvalue())


def test_hostile_files_are_reported_one_by_one_and_nothing_is_written_outside_the_vault(
    vault: Vault, reader: FileReader, tmp_path: Path,
) -> None:
    person = catalog.add_person(vault, "Jane Doe", "1962-03-14")
    folder = tmp_path / "downloads"
    folder.mkdir()
    files = []
    for name, data in (("xxe.xml", XXE), ("laughs.xml", BILLION_LAUGHS),
                       ("traversal.zip", traversal_zip()), ("good.zip", xdm_zip([cda()]))):
        (folder / name).write_bytes(data)
        files.append(folder / name)
    before = sorted(p for p in tmp_path.rglob("*") if "vault" not in p.parts)
    result = import_files(vault, files, ImportOptions(person), reader)
    assert [o.status for o in result.outcomes] == [REJECTED, REJECTED, REJECTED, IMPORTED]
    assert sorted(p for p in tmp_path.rglob("*") if "vault" not in p.parts) == before
    assert not (tmp_path.parent / "evil.xml").exists()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_after_an_xml_header_give_a_reason_or_a_record(tail: bytes) -> None:
    try:
        analyse(b"<?xml version='1.0'?><ClinicalDocument xmlns='urn:hl7-org:v3'>" + tail, "x.xml")
    except IntakeError as error:
        assert error.message


@settings(max_examples=60, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["resourceType", "code", "name", "entry",
                                                       "resource", "dosage", "text", "id"]),
                                      inner, max_size=5), max_leaves=30))
def test_any_json_shape_gives_a_reason_or_a_record(value: object) -> None:
    data = json.dumps({"resourceType": "Bundle", "entry": [{"resource": value}],
                       "extra": value}).encode()
    try:
        analyse(data, "x.json")
    except IntakeError as error:
        assert error.message
