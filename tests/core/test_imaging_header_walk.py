"""The quick header walk gives exactly what pydicom's reading gives, or steps aside for it."""

from __future__ import annotations

import io
import struct
import warnings

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydicom import dcmread
from pydicom.datadict import dictionary_VR, tag_for_keyword
from pydicom.valuerep import VR

from organizer.core.imaging.header_walk import KNOWN_VRS, WANTED_TAGS, walk_header
from organizer.core.imaging.headers import (
    WANTED,
    InstanceHeader,
    NotDicom,
    header_of_bytes,
    read_header,
)
from tests.core.imaging_discs import SAMPLES

SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.stat().st_size < 8 << 20)
COMMON = ("CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "JPEG2000.dcm", "rtplan.dcm",
          "SC_rgb_small_odd.dcm", "JPEG-lossy.dcm")


def by_pydicom(data: bytes) -> InstanceHeader | tuple[str, str]:
    return _outcome(lambda: read_header(io.BytesIO(data), len(data)))


def by_walk(data: bytes) -> InstanceHeader | tuple[str, str]:
    return _outcome(lambda: header_of_bytes(data))


def _outcome(read: object) -> InstanceHeader | tuple[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return read()  # type: ignore[operator, no-any-return]
        except Exception as error:  # compared as (type, message): both ways must agree
            return type(error).__name__, str(error)


def test_the_walks_tables_agree_with_pydicoms_dictionary() -> None:
    assert {keyword for keyword, _vr in WANTED_TAGS.values()} == set(WANTED) - {"PixelData"}
    for tag, (keyword, vr) in WANTED_TAGS.items():
        assert (tag_for_keyword(keyword), dictionary_VR(tag)) == (tag, vr)
    assert {v.value.encode() for v in VR if len(v.value) == 2} == KNOWN_VRS


def test_every_sample_file_reads_the_same_both_ways() -> None:
    walked = 0
    for path in SAMPLE_FILES:
        data = path.read_bytes()
        walked += walk_header(data) is not None
        assert by_walk(data) == by_pydicom(data), path.name
    assert walked > len(SAMPLE_FILES) // 2  # the quick walk really is the common way


@pytest.mark.parametrize("name", COMMON)
def test_common_images_take_the_quick_walk(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    assert walk_header(data) is not None
    assert isinstance(by_walk(data), InstanceHeader)


@settings(max_examples=300, deadline=None)
@example("JPEG2000.dcm", [(900, 158)])  # a length inside a sequence runs onto the item's end mark
@given(st.sampled_from(COMMON), st.lists(st.tuples(st.integers(0, 3000), st.integers(0, 255)),
                                         min_size=1, max_size=4))
def test_damaged_headers_read_the_same_both_ways(name: str, changes: list[tuple[int, int]]) -> None:
    data = bytearray((SAMPLES / name).read_bytes())
    for position, value in changes:
        data[position % len(data)] = value
    assert by_walk(bytes(data)) == by_pydicom(bytes(data))


@settings(max_examples=200, deadline=None)
@example("SC_rgb_small_odd.dcm", 0.98046875)  # cut inside the image data's own length field
@given(st.sampled_from(COMMON), st.floats(0, 1))
def test_cut_short_files_are_refused_or_read_the_same(name: str, fraction: float) -> None:
    whole = (SAMPLES / name).read_bytes()
    data = whole[: int(len(whole) * fraction)]
    assert by_walk(data) == by_pydicom(data)


@pytest.mark.parametrize("name", ["MR_small_bigendian.dcm", "image_dfl.dcm",
                                  "ExplVR_LitEndNoMeta.dcm"])
def test_unusual_encodings_are_left_to_pydicom(name: str) -> None:
    """Big endian, deflated, or no 'DICM' mark and file meta (old discs): pydicom reads them."""
    data = (SAMPLES / name).read_bytes()
    assert walk_header(data) is None
    assert isinstance(by_walk(data), InstanceHeader)
    assert by_walk(data) == by_pydicom(data)


def test_other_character_sets_and_several_values_are_left_to_pydicom() -> None:
    ds = dcmread(SAMPLES / "CT_small.dcm")
    ds.SpecificCharacterSet = "ISO_IR 144"
    assert walk_header(_saved(ds)) is None
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.PatientName = "Müller^Jürgen"
    assert walk_header(_saved(ds)) is not None
    assert by_walk(_saved(ds)) == by_pydicom(_saved(ds))
    ds.StudyDescription = "CHEST\\ABDOMEN"
    assert walk_header(_saved(ds)) is None
    assert by_walk(_saved(ds)) == by_pydicom(_saved(ds))


def test_deeply_nested_sequences_end_quickly() -> None:
    """Sequences of undefined length nested far too deep: pydicom is asked, nothing hangs."""
    data = bytearray((SAMPLES / "CT_small.dcm").read_bytes())
    pixels = data.index(b"\xe0\x7f\x10\x00")
    opening = struct.pack("<HH2sHL", 0x0009, 0x1010, b"SQ", 0, 0xFFFFFFFF) + \
        struct.pack("<HHL", 0xFFFE, 0xE000, 0xFFFFFFFF)
    nested = bytes(data[:pixels]) + opening * 5000 + bytes(data[pixels:])
    assert walk_header(nested) is None
    with pytest.raises(NotDicom):
        header_of_bytes(nested)


def _saved(ds: object) -> bytes:
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)  # type: ignore[attr-defined]
    return out.getvalue()
