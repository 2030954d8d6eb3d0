"""Hostile imaging discs: link loops, an index pointing outside, absurd lengths, zip tricks.

Each is refused or skipped with a reason; none crashes or hangs the import.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydicom import dcmread

from organizer.core import catalog
from organizer.core.errors import InvalidInput
from organizer.core.imaging.disc import LINK
from organizer.core.imaging.headers import NotDicom, read_header
from organizer.core.imaging.importer import ImagingImportOptions, import_disc
from organizer.core.imaging.inventory import studies
from organizer.core.vault import Vault
from tests.core.imaging_discs import SAMPLES, dicomdir_disc


@pytest.fixture
def person(vault: Vault) -> catalog.Person:
    return catalog.add_person(vault, "Peter Doe")


def test_a_link_loop_and_links_out_of_the_disc_are_left_alone(
    vault: Vault, person: catalog.Person, tmp_path: Path
) -> None:
    disc = tmp_path / "disc"
    disc.mkdir()
    (disc / "ct.dcm").write_bytes((SAMPLES / "CT_small.dcm").read_bytes())
    os.symlink(disc, disc / "loop")
    os.symlink(SAMPLES / "MR_small.dcm", disc / "elsewhere.dcm")
    result = import_disc(vault, disc, ImagingImportOptions(person))
    assert result.imported == 1
    assert {s.file: s.reason for s in result.skipped} == {"loop": LINK, "elsewhere.dcm": LINK}


@pytest.mark.filterwarnings("ignore:Invalid value for VR CS")  # the hostile index we write
def test_an_index_pointing_outside_the_disc_is_refused(
    vault: Vault, person: catalog.Person, tmp_path: Path
) -> None:
    disc = dicomdir_disc(tmp_path / "disc")
    index = dcmread(disc / "DICOMDIR")
    image = next(r for r in index.DirectoryRecordSequence if "ReferencedFileID" in r)
    image.ReferencedFileID = ["..", "secret.dcm"]
    index.save_as(disc / "DICOMDIR")
    (tmp_path / "secret.dcm").write_bytes((SAMPLES / "MR_small.dcm").read_bytes())
    result = import_disc(vault, disc, ImagingImportOptions(person))
    reasons = {s.file: s.reason for s in result.skipped}
    assert "points outside the disc" in reasons["../secret.dcm"]
    assert "MR_small" not in str([s.description for s in studies(vault)])
    assert all(s.patient_name != "CompressedSamples MR1" for s in studies(vault))


def test_a_damaged_index_falls_back_to_looking_at_every_file(
    vault: Vault, person: catalog.Person, tmp_path: Path
) -> None:
    disc = dicomdir_disc(tmp_path / "disc")
    (disc / "DICOMDIR").write_bytes(bytes(128) + b"DICM" + b"\x02\x00\x10\x00UI\xff\xff" + bytes(64))
    result = import_disc(vault, disc, ImagingImportOptions(person))
    assert result.imported == 31
    assert any("index (DICOMDIR) is damaged" in n for n in result.notes)


def _with_length(data: bytes, tag: bytes, length: bytes) -> bytes:
    """`data` with the 4-byte length of the first explicit-VR element `tag` replaced."""
    at = data.index(tag)
    return data[: at + 4] + b"UN\x00\x00" + length + data[at + 12 :]


@pytest.mark.parametrize("tag", [b"\x10\x00\x10\x00", b"\x08\x00\x30\x10", b"\xe0\x7f\x10\x00"])
def test_absurd_lengths_in_a_header_are_skipped_or_read_safely(
    vault: Vault, person: catalog.Person, tmp_path: Path, tag: bytes
) -> None:
    disc = tmp_path / "disc"
    disc.mkdir()
    data = (SAMPLES / "CT_small.dcm").read_bytes()
    (disc / "bad.dcm").write_bytes(_with_length(data, tag, b"\xf0\xff\xff\xff"))
    (disc / "good.dcm").write_bytes((SAMPLES / "MR_small.dcm").read_bytes())
    result = import_disc(vault, disc, ImagingImportOptions(person))
    assert result.imported + len(result.skipped) == 2
    assert any(s.modality == "MR" for s in result.studies)
    assert all(s.reason for s in result.skipped)


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=0, max_size=400))
def test_any_bytes_after_the_dicom_mark_give_a_header_or_a_reason(junk: bytes) -> None:
    data = bytes(128) + b"DICM" + junk
    try:
        read_header(io.BytesIO(data), len(data))
    except NotDicom as error:
        assert str(error)


def test_zip_entries_that_point_outside_are_refused(
    vault: Vault, person: catalog.Person, tmp_path: Path
) -> None:
    archive = tmp_path / "disc.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("../evil.dcm", (SAMPLES / "MR_small.dcm").read_bytes())
        out.writestr("/abs.dcm", (SAMPLES / "MR_small.dcm").read_bytes())
        out.writestr("ok/ct.dcm", (SAMPLES / "CT_small.dcm").read_bytes())
    result = import_disc(vault, archive, ImagingImportOptions(person))
    assert result.imported == 1
    assert {s.file for s in result.skipped if "outside the zip" in s.reason} == {
        "../evil.dcm", "/abs.dcm"}


def test_a_zip_bomb_entry_is_refused_without_unpacking_it(
    vault: Vault, person: catalog.Person, tmp_path: Path
) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("IM0001", bytes(100 << 20))
        out.writestr("ct.dcm", (SAMPLES / "CT_small.dcm").read_bytes())
    result = import_disc(vault, archive, ImagingImportOptions(person))
    assert result.imported == 1
    assert "far more than its packed size" in result.skipped[0].reason


def test_a_zip_claiming_an_absurd_total_size_is_refused(
    vault: Vault, person: catalog.Person, tmp_path: Path
) -> None:
    archive = tmp_path / "huge.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for i in range(20):
            out.writestr(f"IM{i}", b"x")
    raw = bytearray(archive.read_bytes())
    central = raw.find(b"PK\x01\x02")
    while central >= 0:  # each entry now claims to unpack to 4 GB
        raw[central + 24 : central + 28] = (0xFFFFFFF0).to_bytes(4, "little")
        central = raw.find(b"PK\x01\x02", central + 4)
    archive.write_bytes(bytes(raw))
    with pytest.raises(InvalidInput, match="zip"):
        import_disc(vault, archive, ImagingImportOptions(person))


def test_a_path_that_is_neither_folder_nor_zip_is_explained(
    vault: Vault, person: catalog.Person, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InvalidInput, match="not a folder or a zip"):
        import_disc(vault, tmp_path / "notes.txt", ImagingImportOptions(person))


def test_a_named_pipe_on_the_disc_is_never_opened(
    vault: Vault, person: catalog.Person, tmp_path: Path
) -> None:
    disc = tmp_path / "disc"
    disc.mkdir()
    os.mkfifo(disc / "IM0001")  # opening it to read would wait forever
    (disc / "ct.dcm").write_bytes((SAMPLES / "CT_small.dcm").read_bytes())
    assert import_disc(vault, disc, ImagingImportOptions(person)).imported == 1


def test_sequences_nested_thousands_deep_are_refused_quickly() -> None:
    syntax = b"1.2.840.10008.1.2.1\x00"
    meta = b"\x02\x00\x10\x00UI" + len(syntax).to_bytes(2, "little") + syntax
    nested = b"\x08\x00\x15\x11SQ\x00\x00\xff\xff\xff\xff\xfe\xff\x00\xe0\xff\xff\xff\xff"
    data = bytes(128) + b"DICM" + meta + nested * 20_000
    with pytest.raises(NotDicom, match="header cannot be read"):
        read_header(io.BytesIO(data), len(data))
