"""A quick walk over a DICOM file's header bytes for the common case, pydicom for the rest.

pydicom builds a full data element for each of the hundred or so header fields of an image,
which costs more per image than encrypting and storing it. Most images on a disc are Explicit or
Implicit VR Little Endian with plain or Latin-1/UTF-8 text, so their fields are found here by
walking element lengths only, and only the fields the inventory needs are decoded. Anything
unusual (no 'DICM' mark, big endian, deflated, other character sets, several values, odd or
out-of-range lengths) returns None, and the caller reads the file with pydicom as before.
"""

from __future__ import annotations

import struct
from typing import Any

UNDEFINED = 0xFFFFFFFF
ITEM, ITEM_END, SEQUENCE_END = 0xFFFEE000, 0xFFFEE00D, 0xFFFEE0DD
PIXEL_TAGS = frozenset({0x7FE00010, 0x7FE00009, 0x7FE00008})  # where pydicom's reading stops
MAX_DEPTH = 12
MAX_VALUE = 64 * 1024  # as headers.DEFER_BYTES: a wanted field is never this long
_LONG_VRS = frozenset({b"OB", b"OD", b"OF", b"OL", b"OV", b"OW", b"SQ", b"UC", b"UN", b"UR",
                       b"UT", b"SV", b"UV"})
# Every VR of DICOM PS3.5 (pydicom.valuerep.VR); the test checks the two tables below against pydicom's
# dictionary. They are written out so that images with a plain header never load pydicom (which
# takes longer to load than a hundred images take to import).
KNOWN_VRS = frozenset(b"AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM "
                       b"UC UI UL UN UR US UT UV".split())
_CHARSET_VRS = frozenset({"SH", "LO", "ST", "PN", "LT", "UC", "UT"})  # text in the file's charset
_CODECS = {"": "ascii", "ISO_IR 6": "ascii", "ISO_IR 100": "latin-1", "ISO_IR 192": "utf-8"}
_META = {0x00020002: "MediaStorageSOPClassUID", 0x00020003: "MediaStorageSOPInstanceUID",
         0x00020010: "TransferSyntaxUID"}
WANTED_TAGS = {  # tag: (keyword, VR) of every field in headers.WANTED but the pixel data
    0x00080018: ("SOPInstanceUID", "UI"), 0x00080016: ("SOPClassUID", "UI"),
    0x0020000D: ("StudyInstanceUID", "UI"), 0x0020000E: ("SeriesInstanceUID", "UI"),
    0x00100010: ("PatientName", "PN"), 0x00100020: ("PatientID", "LO"),
    0x00100030: ("PatientBirthDate", "DA"), 0x00080020: ("StudyDate", "DA"),
    0x00080060: ("Modality", "CS"), 0x00180015: ("BodyPartExamined", "CS"),
    0x00081030: ("StudyDescription", "LO"), 0x0008103E: ("SeriesDescription", "LO"),
    0x00200011: ("SeriesNumber", "IS"), 0x00200013: ("InstanceNumber", "IS"),
    0x00080080: ("InstitutionName", "LO"), 0x00080050: ("AccessionNumber", "SH"),
    0x00280010: ("Rows", "US"), 0x00280011: ("Columns", "US"),
    0x00280002: ("SamplesPerPixel", "US"), 0x00280100: ("BitsAllocated", "US"),
    0x00280008: ("NumberOfFrames", "IS"), 0x00080005: ("SpecificCharacterSet", "CS"),
    0x00280004: ("PhotometricInterpretation", "CS"),
}
_IMPLICIT_LE, _EXPLICIT_BE, _DEFLATED = ("1.2.840.10008.1.2", "1.2.840.10008.1.2.2",
                                         "1.2.840.10008.1.2.1.99")
_CHARSET = 0x00080005  # SpecificCharacterSet
_TAG = struct.Struct("<HH")
# An explicit VR element starts tag, VR, 16-bit length; an implicit one tag, 32-bit length. The VR's
# two letters are read as one little-endian number, so the loop below compares integers.
_EXPLICIT, _IMPLICIT = struct.Struct("<HHHH"), struct.Struct("<HHL")
_VR_CODE = {vr.decode(): int.from_bytes(vr, "little") for vr in KNOWN_VRS}
_LONG_CODES = frozenset(_VR_CODE[vr.decode()] for vr in _LONG_VRS)
_SHORT_CODES = frozenset(_VR_CODE.values()) - _LONG_CODES
_NO_CODES: frozenset[int] = frozenset()
_IMPLICIT_CODE = frozenset({0})  # the VR number of every implicit VR element in the loop below
_WANTED_VR = {tag: _VR_CODE[vr] for tag, (_keyword, vr) in WANTED_TAGS.items()}
_FIRST_PIXEL_TAG = min(PIXEL_TAGS)
_U16, _U32 = struct.Struct("<H"), struct.Struct("<L")


class Odd(Exception):
    """Something this walk does not handle: read the file with pydicom instead."""


class Fields(dict[str, Any]):
    """The wanted fields by keyword (str, or int for US values), with `file_meta` as pydicom's."""

    def __init__(self, file_meta: dict[str, Any]) -> None:
        super().__init__()
        self.file_meta = file_meta


def walk_header(data: bytes) -> tuple[Fields, int] | None:
    """(fields, where the pixel data starts) for a plain Little Endian file, else None."""
    try:
        return _walk(memoryview(data))
    except (Odd, struct.error, UnicodeDecodeError):
        return None


def _walk(data: memoryview) -> tuple[Fields, int]:
    if bytes(data[128:132]) != b"DICM":
        raise Odd
    meta: dict[str, Any] = {}
    position = 132
    while position + 8 <= len(data) and _TAG.unpack_from(data, position)[0] == 0x0002:
        tag, vr, found, position = _element(data, position, explicit=True)
        if tag in _META:
            meta[_META[tag]] = _ascii(found, vr)
    syntax = meta.get("TransferSyntaxUID", "")
    if not syntax or syntax in (_EXPLICIT_BE, _DEFLATED):
        raise Odd
    raw, pixels_at = _top_level(data, position, explicit=syntax != _IMPLICIT_LE)
    fields = Fields(meta)
    codec = _CODECS.get(_ascii(raw.pop(_CHARSET, b""), "CS").strip())
    if codec is None:
        raise Odd
    for tag, value in raw.items():
        keyword, vr = WANTED_TAGS[tag]
        fields[keyword] = _value(value, vr, codec)
    return fields, pixels_at


def _top_level(data: memoryview, position: int, *, explicit: bool) -> tuple[dict[int, bytes], int]:
    """The wanted top-level elements' raw values, and where the pixel data (or the file) starts.

    The common element (a value of known length, a VR read as a number) costs one unpack and a
    few integer tests in this loop (a CT header has some 250 elements, every image on a disc
    goes through it); anything else goes through `_element`, which raises Odd or steps over it.
    """
    wanted: dict[int, bytes] = {}
    size, last = len(data), -1
    long_vrs, short_vrs = (_LONG_CODES, _SHORT_CODES) if explicit else (_NO_CODES, _IMPLICIT_CODE)
    unpack, unpack_u32, wanted_tags = (_EXPLICIT if explicit else _IMPLICIT).unpack_from, \
        _U32.unpack_from, WANTED_TAGS
    vr = 0
    while position + 8 <= size:
        if explicit:
            group, number, vr, length = unpack(data, position)
        else:
            group, number, length = unpack(data, position)
        tag = group << 16 | number
        if tag <= last or tag >= _FIRST_PIXEL_TAG:  # rare: out of order, pixel data, items
            if tag in PIXEL_TAGS:
                if explicit and vr in long_vrs and position + 12 > size:
                    raise Odd  # the image data's own length is cut off: pydicom says so
                break
            if tag <= last or group == 0xFFFE:
                raise Odd  # out of order, or a stray item mark: damage that pydicom reads its own way
        last = tag
        if vr in short_vrs and length != UNDEFINED:
            start = position + 8
            end = start + length
        elif vr in long_vrs and (length := unpack_u32(data, position + 8)[0]) != UNDEFINED:
            start = position + 12
            end = start + length
        else:  # undefined length (a sequence), or a VR this loop does not know
            tag, code, value, end = _element(data, position, explicit=explicit)
            vr, start = _VR_CODE.get(code, 0), end - len(value)
        if tag in wanted_tags:
            if end > size or end - start > MAX_VALUE or (explicit and vr != _WANTED_VR[tag]):
                raise Odd  # cut short, or an unexpected VR: pydicom knows what to say
            wanted[tag] = bytes(data[start:end])
        position = end
    if position != size and (position + 8 > size or _tag(data, position) not in PIXEL_TAGS):
        raise Odd  # an element runs past the end of the file
    return wanted, position


def _tag(data: memoryview, position: int) -> int:
    group, element = _TAG.unpack_from(data, position)
    return int(group << 16 | element)


def _element(data: memoryview, position: int, *, explicit: bool,
             depth: int = 0) -> tuple[int, str, memoryview, int]:
    """(tag, VR or "", value, next position); sequences of undefined length are stepped over."""
    tag = _tag(data, position)
    vr = ""
    if explicit and tag >> 16 != 0xFFFE:
        code = bytes(data[position + 4:position + 6])
        if code not in KNOWN_VRS:
            raise Odd  # pydicom then guesses the encoding: leave that to it
        vr = code.decode()
        if code in _LONG_VRS:
            length, start = _U32.unpack_from(data, position + 8)[0], position + 12
        else:
            length, start = _U16.unpack_from(data, position + 6)[0], position + 8
    else:
        length, start = _U32.unpack_from(data, position + 4)[0], position + 8
    if length == UNDEFINED:
        if vr not in ("", "SQ", "UN") or tag in PIXEL_TAGS:
            raise Odd
        end = _skip_sequence(data, start, explicit=explicit and vr != "UN", depth=depth + 1)
        return tag, vr, data[start:start], end
    if start + length > len(data):
        raise Odd
    return tag, vr, data[start:start + length], start + length


def _skip_sequence(data: memoryview, position: int, *, explicit: bool, depth: int) -> int:
    """The position after a sequence of undefined length (its items walked, never decoded)."""
    if depth > MAX_DEPTH:
        raise Odd
    while True:
        tag, length = _tag(data, position), _U32.unpack_from(data, position + 4)[0]
        position += 8
        if tag == SEQUENCE_END:
            return position
        if tag != ITEM:
            raise Odd
        if length != UNDEFINED:
            position += length
            continue
        last = -1
        while (tag := _tag(data, position)) != ITEM_END:
            if tag <= last or tag >> 16 == 0xFFFE:
                raise Odd  # the item's elements out of order, or a stray item mark
            last = tag
            position = _element(data, position, explicit=explicit, depth=depth)[3]
        position += 8


def _ascii(value: bytes | memoryview, vr: str) -> str:
    text = bytes(value).decode("ascii")  # UnicodeDecodeError: not the common case
    if "\\" in text:
        raise Odd  # several values: pydicom's own reading says what they are
    return text.rstrip("\x00 ") if vr == "UI" else text


def _value(value: bytes, vr: str, codec: str) -> str | int:
    if vr == "US":
        if len(value) != 2:
            raise Odd
        return int(_U16.unpack(value)[0])
    if vr in _CHARSET_VRS:
        text = value.decode(codec)
        if "\\" in text:
            raise Odd
        return text
    text = _ascii(value, vr)
    if vr == "IS" and text.strip() and not text.strip().lstrip("+-").isdigit():
        raise Odd
    return text
