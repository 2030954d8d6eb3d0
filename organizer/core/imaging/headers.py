"""Reading one DICOM file's header (never its pixels) into the facts the inventory needs."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, BinaryIO, cast

if TYPE_CHECKING:  # pydicom loads when a header is read, not when the window starts
    from pydicom.dataset import Dataset

DEFER_BYTES = 64 * 1024  # longer values are left unread: a header field is never this long
MAX_TEXT = 200  # what we keep of any one text field
_END_OF_FRAMES = b"\xfe\xff\xdd\xe0\x00\x00\x00\x00"
WANTED = ("SOPInstanceUID", "SOPClassUID", "StudyInstanceUID", "SeriesInstanceUID", "PatientName",
           "PatientID", "PatientBirthDate", "StudyDate", "Modality", "BodyPartExamined",
           "StudyDescription", "SeriesDescription", "SeriesNumber", "InstanceNumber",
           "InstitutionName", "AccessionNumber", "Rows", "Columns", "SamplesPerPixel",
           "BitsAllocated", "NumberOfFrames", "PixelData", "SpecificCharacterSet",
           "PhotometricInterpretation")


class NotDicom(Exception):
    """The file is not a DICOM image we can keep; the message says why, in plain words."""


@dataclass(frozen=True)
class InstanceHeader:
    """One image's identity and description, as its header states them."""

    sop_uid: str
    sop_class: str
    study_uid: str
    series_uid: str
    transfer_syntax: str
    patient_name: str = ""
    patient_id: str = ""
    patient_dob: str = ""  # YYYY-MM-DD or ""
    study_date: str = ""  # YYYY-MM-DD or ""
    modality: str = ""
    body_part: str = ""
    study_description: str = ""
    series_description: str = ""
    series_number: str = ""
    instance_number: str = ""
    institution: str = ""
    accession: str = ""


def looks_like_dicom(head: bytes) -> bool:
    """True for a DICOM file's first bytes: the 'DICM' mark at 128, or a bare dataset (old discs)."""
    if head[128:132] == b"DICM":
        return True
    return len(head) >= 8 and head[:2] in (b"\x08\x00", b"\x02\x00") and head[2:4] < b"\x20\x00"


def read_header(source: BinaryIO, size: int) -> InstanceHeader:
    """The header of the DICOM file in `source` (`size` bytes); NotDicom says why it is unusable."""
    head = source.read(132)
    if not looks_like_dicom(head):
        raise NotDicom("This is not a DICOM image file.")
    source.seek(0)
    from pydicom import dcmread
    from pydicom.errors import InvalidDicomError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = dcmread(source, stop_before_pixels=True, defer_size=DEFER_BYTES,
                         force=head[128:132] != b"DICM", specific_tags=list(WANTED))
            header = _header(ds)
            pixels_at = source.tell()
    except NotDicom:
        raise
    except (InvalidDicomError, EOFError) as error:
        raise NotDicom(f"The file is damaged or cut short ({_short(error)}).") from None
    except Exception as error:  # pydicom raises many types for broken headers
        raise NotDicom(f"The file's header cannot be read ({_short(error)}).") from None
    _check_pixels_complete(ds, source, pixels_at, size)
    return header


def _header(ds: Dataset) -> InstanceHeader:
    meta = getattr(ds, "file_meta", None)
    syntax = _text(meta, "TransferSyntaxUID") if meta is not None else ""
    sop_uid = _text(ds, "SOPInstanceUID") or (_text(meta, "MediaStorageSOPInstanceUID") if meta else "")
    if not sop_uid:
        raise NotDicom("The file has no image identifier (SOP Instance UID), so it cannot be kept.")
    if "1.2.840.10008.1.3.10" in (_text(ds, "SOPClassUID"), _text(meta, "MediaStorageSOPClassUID")):
        raise NotDicom("This is a disc's index (DICOMDIR), not an image.")
    return InstanceHeader(
        sop_uid=sop_uid, sop_class=_text(ds, "SOPClassUID"),
        study_uid=_text(ds, "StudyInstanceUID") or "unknown-study",
        series_uid=_text(ds, "SeriesInstanceUID") or "unknown-series",
        transfer_syntax=syntax or "1.2.840.10008.1.2",
        patient_name=person_name(_text(ds, "PatientName")), patient_id=_text(ds, "PatientID"),
        patient_dob=dicom_date(_text(ds, "PatientBirthDate")),
        study_date=dicom_date(_text(ds, "StudyDate")), modality=_text(ds, "Modality"),
        body_part=_text(ds, "BodyPartExamined"), study_description=_text(ds, "StudyDescription"),
        series_description=_text(ds, "SeriesDescription"), series_number=_text(ds, "SeriesNumber"),
        instance_number=_text(ds, "InstanceNumber"), institution=_text(ds, "InstitutionName"),
        accession=_text(ds, "AccessionNumber"),
    )


def _text(ds: Any, keyword: str) -> str:
    """A field as one short clean line; "" when absent, empty or unreadable."""
    try:
        value = ds.get(keyword) if ds is not None else None
    except Exception:  # a deferred value pointing past the end of the file, a bad charset
        return ""
    if value is None:
        return ""
    text = str(value) if not isinstance(value, bytes) else value.decode("latin-1", "replace")
    return " ".join(text.replace("\x00", " ").split())[:MAX_TEXT]


def person_name(dicom_name: str) -> str:
    """'Doe^John^^Dr' (family^given^middle^prefix^suffix) as people write it: 'Dr John Doe'."""
    first_group = dicom_name.split("=")[0]
    parts = [p.strip() for p in first_group.split("^")] + [""] * 5
    family, given, middle, prefix, suffix = parts[:5]
    return " ".join(p for p in (prefix, given, middle, family, suffix) if p)


def dicom_date(value: str) -> str:
    """DICOM's YYYYMMDD as YYYY-MM-DD ("" when it is not a real date)."""
    digits = value.replace("-", "").replace(".", "")[:8]
    if len(digits) != 8 or not digits.isdigit():
        return ""
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).isoformat()
    except ValueError:
        return ""


def _check_pixels_complete(ds: Dataset, source: BinaryIO, pixels_at: int, size: int) -> None:
    """Raise NotDicom when the image data is cut short (a truncated copy or a bad disc)."""
    source.seek(pixels_at)
    if source.read(4) not in (b"\xe0\x7f\x10\x00", b"\x7f\xe0\x00\x10"):
        return  # no image data (a report or plan), or pixels in a form we do not check
    meta = ds.file_meta if hasattr(ds, "file_meta") else None
    if _text(meta, "TransferSyntaxUID") in _NATIVE:
        expected = _native_bytes(ds)
        if expected and size - pixels_at < expected + 8:
            raise NotDicom(CUT_SHORT)
        return
    _check_frames(source, pixels_at, size)


CUT_SHORT = "The file is cut short: part of its image data is missing."
_ITEM, _DELIMITER = b"\xfe\xff\x00\xe0", b"\xfe\xff\xdd\xe0"
MAX_ITEMS = 1 << 20


def _check_frames(source: BinaryIO, pixels_at: int, size: int) -> None:
    """Walk the compressed frames' items (lengths only): each must lie inside the file."""
    source.seek(pixels_at + 4)
    explicit = source.read(2) in (b"OB", b"OW")
    position = pixels_at + (12 if explicit else 8)  # tag, [VR, 2 reserved,] undefined length
    for _ in range(MAX_ITEMS):
        if position == size:
            return  # some writers leave out the closing delimiter
        source.seek(position)
        item = source.read(8)
        if len(item) < 8:
            raise NotDicom(CUT_SHORT)
        if item[:4] == _DELIMITER:
            return
        if item[:4] != _ITEM:
            raise NotDicom("The file's image data is damaged.")
        position += 8 + int.from_bytes(item[4:], "little")
        if position > size:
            raise NotDicom(CUT_SHORT)
    raise NotDicom("The file's image data is damaged.")


_NATIVE = ("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "")


def _native_bytes(ds: Dataset) -> int:
    try:
        frames = int(ds.get("NumberOfFrames") or 1)
        rows, columns = int(ds.get("Rows") or 0), int(ds.get("Columns") or 0)
        samples, bits = int(ds.get("SamplesPerPixel") or 1), int(ds.get("BitsAllocated") or 0)
    except (TypeError, ValueError):
        return 0
    subsampled = _text(ds, "PhotometricInterpretation").endswith("_422")
    pixels = frames * rows * columns * (2 if subsampled else samples)
    return max(0, pixels * bits // 8)


def _short(error: Exception) -> str:
    return " ".join(str(error).split())[:120] or type(error).__name__


def header_of_bytes(data: bytes) -> InstanceHeader:
    """`read_header` for a file already in memory: a quick walk where it can, else pydicom."""
    from organizer.core.imaging.header_walk import walk_header

    walked = walk_header(data)
    if walked is None:
        return read_header(io.BytesIO(data), len(data))
    fields, pixels_at = walked
    header = _header(cast("Dataset", fields))
    _check_pixels_complete(cast("Dataset", fields), io.BytesIO(data), pixels_at, len(data))
    return header
