"""Writing a DICOMDIR for images already laid out as PTxxxxxx/STxxxxxx/SExxxxxx/IMxxxxxx.

pydicom's FileSet.add checks every new image against all earlier ones (slow past a few hundred
images) and re-encodes each file through a temporary folder, so the index is built here from
pydicom's own record makers (`DIRECTORY_RECORDERS`) instead. Record offsets are found the way
pydicom reads them back: encode once, read each record's position (`seq_item_tell`), link the
records, encode again (offsets are fixed-size, so nothing moves).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydicom import dcmread
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.fileset import DIRECTORY_RECORDERS
from pydicom.sequence import Sequence as DicomSequence
from pydicom.uid import ExplicitVRLittleEndian, MediaStorageDirectoryStorage, generate_uid

FILE_SET_ID = "SECOND_OPINION"


@dataclass
class Node:
    record: Dataset
    children: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class IndexedFile:
    """One image for the index: its header and its path parts inside the file-set."""

    header: Dataset
    file_id: tuple[str, ...]


def dicomdir_bytes(files: Sequence[IndexedFile]) -> bytes:
    """The encoded DICOMDIR for `files` (grouped patient / study / series / image)."""
    roots = _tree(files)
    ordered = list(_depth_first(roots))
    ds = _dicomdir([n.record for n in ordered])
    first = _encode(ds)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read = dcmread(io.BytesIO(first))
    offsets = {id(n): int(item.seq_item_tell) for n, item in zip(ordered, read.DirectoryRecordSequence,
                                                                  strict=True)}
    _link(roots, offsets)
    ds.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = offsets[id(roots[0])]
    ds.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = offsets[id(roots[-1])]
    final = _encode(ds)
    if len(final) != len(first):
        raise ValueError("the index changed size while linking its records")
    return final


def _tree(files: Sequence[IndexedFile]) -> list[Node]:
    patients: dict[Any, Node] = {}
    studies: dict[Any, Node] = {}
    series: dict[Any, Node] = {}
    for f in files:
        h = f.header
        patient_key = (str(h.get("PatientID", "")), str(h.get("PatientName", "")))
        study_key = (patient_key, str(h.get("StudyInstanceUID", "")))
        series_key = (study_key, str(h.get("SeriesInstanceUID", "")))
        if patient_key not in patients:
            patients[patient_key] = Node(_record("PATIENT", h))
        if study_key not in studies:
            studies[study_key] = Node(_record("STUDY", h))
            patients[patient_key].children.append(studies[study_key])
        if series_key not in series:
            series[series_key] = Node(_record("SERIES", h))
            studies[study_key].children.append(series[series_key])
        series[series_key].children.append(Node(_leaf(f)))
    return list(patients.values())


_FALLBACK = {"PATIENT": ("PatientName", "PatientID"),
             "STUDY": ("StudyDate", "StudyTime", "StudyDescription", "StudyInstanceUID", "StudyID",
                       "AccessionNumber"),
             "SERIES": ("Modality", "SeriesInstanceUID", "SeriesNumber"),
             "IMAGE": ("InstanceNumber",)}


def _record(kind: str, header: Dataset) -> Dataset:
    """A directory record by pydicom's maker; when required values are missing, the same keys
    with what the header has (an index entry with a blank field beats a missing image)."""
    try:
        record: Dataset = DIRECTORY_RECORDERS[kind](header)
    except (ValueError, KeyError, AttributeError):
        record = Dataset()
        for keyword in _FALLBACK.get(kind, _FALLBACK["IMAGE"]):
            setattr(record, keyword, header.get(keyword))
    record.OffsetOfTheNextDirectoryRecord = 0
    record.RecordInUseFlag = 0xFFFF
    record.OffsetOfReferencedLowerLevelDirectoryEntity = 0
    record.DirectoryRecordType = kind
    return record


def _leaf(f: IndexedFile) -> Dataset:
    kind = _leaf_kind(f.header)
    record = _record(kind, f.header)
    record.ReferencedFileID = list(f.file_id)
    meta = getattr(f.header, "file_meta", None)
    record.ReferencedSOPClassUIDInFile = f.header.get("SOPClassUID")
    record.ReferencedSOPInstanceUIDInFile = f.header.get("SOPInstanceUID")
    record.ReferencedTransferSyntaxUIDInFile = (meta.get("TransferSyntaxUID") if meta else None) \
        or "1.2.840.10008.1.2"
    return record


def _leaf_kind(header: Dataset) -> str:
    """IMAGE, or the record type pydicom uses for reports, RT objects, documents and the like."""
    try:
        from pydicom.fileset import _four_level_record_type  # pinned pydicom 3: see pyproject

        return str(_four_level_record_type(header))
    except (ImportError, AttributeError):
        return "IMAGE"


def _depth_first(nodes: list[Node]) -> Any:
    for node in nodes:
        yield node
        yield from _depth_first(node.children)


def _link(nodes: list[Node], offsets: dict[int, int]) -> None:
    for index, node in enumerate(nodes):
        following = nodes[index + 1] if index + 1 < len(nodes) else None
        node.record.OffsetOfTheNextDirectoryRecord = offsets[id(following)] if following else 0
        node.record.OffsetOfReferencedLowerLevelDirectoryEntity = (
            offsets[id(node.children[0])] if node.children else 0)
        _link(node.children, offsets)


def _dicomdir(records: list[Dataset]) -> Dataset:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = MediaStorageDirectoryStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.FileSetID = FILE_SET_ID
    ds.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = 0
    ds.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = 0
    ds.FileSetConsistencyFlag = 0
    ds.DirectoryRecordSequence = DicomSequence(records)
    return ds


def _encode(ds: Dataset) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds.save_as(out, enforce_file_format=True)
    return out.getvalue()
