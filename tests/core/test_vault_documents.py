"""Document files: round trips, streaming reads, and every kind of tampering is detected."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from organizer.core.errors import DocumentDamaged, DocumentNotFound
from organizer.core.vault import Vault, documents
from organizer.core.vault.documents import CHUNK_SIZE, HEADER_BYTES, DecryptingReader, encrypt_stream
from organizer.core.vault.sealing import TAG_BYTES
from organizer.core.vault.verify import DAMAGED, MISSING, verify
from tests.conftest import PASSPHRASE

MASTER = bytes(range(32))
VAULT_ID, DOC_ID = b"V" * 16, b"D" * 16
EDGE_SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 7]


def _encrypt(data: bytes) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, master=MASTER, vault_id=VAULT_ID, doc_id=DOC_ID)
    return out.getvalue()


def _decrypt(blob: bytes, doc_id: bytes = DOC_ID) -> bytes:
    reader = DecryptingReader(io.BytesIO(blob), master=MASTER, vault_id=VAULT_ID, doc_id=doc_id)
    return b"".join(reader.chunks())


@pytest.mark.parametrize("size", EDGE_SIZES)
def test_documents_of_edge_sizes_round_trip(size: int) -> None:
    data = os.urandom(size)
    blob = _encrypt(data)
    assert _decrypt(blob) == data
    chunks = max(1, -(-size // CHUNK_SIZE))
    assert len(blob) == HEADER_BYTES + size + chunks * TAG_BYTES


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.sampled_from(EDGE_SIZES), st.integers(0, 5 * CHUNK_SIZE)), st.randoms())
def test_any_size_round_trips_and_reads_at_any_offset(size: int, rnd: object) -> None:
    data = os.urandom(size)
    reader = DecryptingReader(io.BytesIO(_encrypt(data)), master=MASTER, vault_id=VAULT_ID, doc_id=DOC_ID)
    assert reader.size == size
    assert reader.read() == data
    for _ in range(5):
        start = rnd.randint(0, size) if size else 0  # type: ignore[attr-defined]
        length = rnd.randint(0, 2 * CHUNK_SIZE)  # type: ignore[attr-defined]
        reader.seek(start)
        assert reader.read(length) == data[start : start + length]


def test_many_chunk_document_streams_through_the_vault(vault: Vault) -> None:
    data = os.urandom(40 * CHUNK_SIZE + 123)
    stored = vault.store_file(io.BytesIO(data))
    vault.record([vault.file_change(stored)])
    assert vault.read_file(stored.id) == data
    assert stored.size == len(data)


def test_truncation_at_every_chunk_boundary_is_detected() -> None:
    blob = _encrypt(os.urandom(4 * CHUNK_SIZE))
    for chunks in range(1, 4):
        cut = blob[: HEADER_BYTES + chunks * (CHUNK_SIZE + TAG_BYTES)]
        with pytest.raises(documents.DocumentCorrupt):
            _decrypt(cut)
    for cut_at in (len(blob) - 1, HEADER_BYTES + 5, HEADER_BYTES, 10):
        with pytest.raises(documents.DocumentCorrupt):
            _decrypt(blob[:cut_at])


def test_appended_or_reordered_chunks_are_detected() -> None:
    blob = _encrypt(os.urandom(3 * CHUNK_SIZE))
    size = CHUNK_SIZE + TAG_BYTES
    body = blob[HEADER_BYTES:]
    swapped = blob[:HEADER_BYTES] + body[size : 2 * size] + body[:size] + body[2 * size :]
    for bad in (blob + b"x" * TAG_BYTES, swapped):
        with pytest.raises(documents.DocumentCorrupt):
            _decrypt(bad)


def test_a_file_opened_as_another_document_is_detected() -> None:
    with pytest.raises(documents.DocumentCorrupt):
        _decrypt(_encrypt(b"pathology"), doc_id=b"E" * 16)


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    """Tiny chunks keep the flip-every-byte tests fast while crossing chunk boundaries."""
    monkeypatch.setattr(documents, "CHUNK_SIZE", 1024)
    return 1024


def _two_documents(vault: Vault) -> tuple[str, str]:
    ids = []
    for content in (os.urandom(2600), os.urandom(1500)):
        stored = vault.store_file(io.BytesIO(content))
        vault.record([vault.file_change(stored)])
        ids.append(stored.id)
    return ids[0], ids[1]


def test_every_single_byte_flip_in_a_document_is_detected_and_only_it_is_reported(
    vault: Vault, small_chunks: int
) -> None:
    first, second = _two_documents(vault)
    path = vault.folder / "documents" / f"{first}.sdoc"
    original = path.read_bytes()
    for position in range(len(original)):
        damaged = bytearray(original)
        damaged[position] ^= 0x5A
        path.write_bytes(bytes(damaged))
        with pytest.raises(DocumentDamaged):
            vault.read_file(first)
        assert len(vault.read_file(second)) == 1500
        if position % 331 == 0:
            report = verify(vault)
            assert [(p.severity, p.path) for p in report.problems] == [
                (DAMAGED, f"documents/{first}.sdoc")
            ]
    path.write_bytes(original)
    assert verify(vault).ok


def test_swapping_two_documents_files_is_detected(vault: Vault) -> None:
    first, second = _two_documents(vault)
    folder = vault.folder / "documents"
    a, b = folder / f"{first}.sdoc", folder / f"{second}.sdoc"
    tmp = folder / "swap"
    a.rename(tmp), b.rename(a), tmp.rename(b)
    for doc in (first, second):
        with pytest.raises(DocumentDamaged):
            vault.read_file(doc)
    assert {p.severity for p in verify(vault).problems} == {DAMAGED}


def test_a_document_file_copied_in_from_another_vault_is_detected(
    vault: Vault, tmp_path: Path
) -> None:
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE)
    with other:
        foreign = other.store_file(io.BytesIO(b"someone else's report"))
        other.record([other.file_change(foreign)])
        foreign_path = other.folder / "documents" / f"{foreign.id}.sdoc"
    mine, _unused = _two_documents(vault)
    shutil.copy(foreign_path, vault.folder / "documents" / f"{mine}.sdoc")
    with pytest.raises(DocumentDamaged):
        vault.read_file(mine)
    shutil.copy(foreign_path, vault.folder / "documents" / f"{foreign.id}.sdoc")
    with pytest.raises(DocumentDamaged):
        vault.read_file(foreign.id)


def test_a_missing_document_is_named_by_verify_and_others_still_open(vault: Vault) -> None:
    first, second = _two_documents(vault)
    (vault.folder / "documents" / f"{first}.sdoc").unlink()
    with pytest.raises(DocumentNotFound):
        vault.read_file(first)
    assert len(vault.read_file(second)) == 1500
    report = verify(vault, {first: "biopsy.pdf"})
    assert [(p.severity, p.what) for p in report.problems] == [(MISSING, "biopsy.pdf")]


def test_document_ids_that_are_not_ours_are_refused(vault: Vault) -> None:
    for bad in ("../vault.json", "x" * 32, "", "0" * 15 + "/" + "a" * 16, "A" * 32):
        with pytest.raises(DocumentNotFound):
            vault.open_file(bad)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 20 * CHUNK_SIZE])
       | st.integers(0, 3 * CHUNK_SIZE + 5), st.floats(0, 1), st.binary(min_size=1, max_size=64))
def test_bytes_in_memory_are_sealed_exactly_as_a_stream_would_be(
    size: int, at: float, pattern: bytes
) -> None:
    """The in-memory way (no copies) writes the same file as the chunk-by-chunk way."""
    data = (pattern * (size // len(pattern) + 1))[:size]
    start = int(size * at)
    outputs = []
    for source in (io.BytesIO(data), io.BufferedReader(io.BytesIO(data))):  # type: ignore[arg-type]
        source.seek(start)
        out = io.BytesIO()
        written = encrypt_stream(source, out, master=MASTER, vault_id=VAULT_ID, doc_id=DOC_ID,
                                 salt=b"s" * 16)
        assert source.read() == b""  # the whole source was taken, either way
        outputs.append((out.getvalue(), written))
    assert outputs[0] == outputs[1]
    assert outputs[0][1].size == len(data) - start


class _CountingSink(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def write(self, data: Any) -> int:
        self.calls += 1
        return super().write(data)


@pytest.mark.parametrize(("chunks", "calls"), [(0, 1), (1, 1), (16, 1), (17, 2), (40, 3)])
def test_bytes_in_memory_go_out_with_the_header_in_few_writes(chunks: int, calls: int) -> None:
    """Up to 16 chunks (1 MB), header and all in one write: a disc's images are one call each."""
    data = os.urandom(chunks * CHUNK_SIZE + (chunks > 16))
    out = _CountingSink()
    written = encrypt_stream(io.BytesIO(data), out, master=MASTER, vault_id=VAULT_ID, doc_id=DOC_ID)
    assert out.calls == calls and written.size == len(data)
    assert written.sha256 == hashlib.sha256(data).hexdigest()
    out.seek(0)
    reader = DecryptingReader(out, master=MASTER, vault_id=VAULT_ID, doc_id=DOC_ID)
    assert b"".join(reader.chunks()) == data
