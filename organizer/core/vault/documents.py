"""The encrypted document file: AES-256-GCM in fixed-size chunks, streamed, seekable.

Layout (all integers big-endian):
    header  = b"SOODOC" | version u16 | chunk_size u32 | vault_id 16 | doc_id 16 | salt 16
    chunk_i = AES-GCM(key, nonce = i as 11 bytes | last-flag byte, aad = header)
Every chunk holds `chunk_size` plaintext bytes except the last, which holds 0..chunk_size and is
the only one sealed with last-flag 1. The key is HKDF(master, salt, "organizer/document/v1"), so
each file has its own key. Reordering, truncating (even at a chunk boundary), appending, or
moving a file to another document id or another vault all fail authentication.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from organizer.core.errors import DocumentDamaged
from organizer.core.vault.sealing import TAG_BYTES, subkey

MAGIC = b"SOODOC"
VERSION = 1
CHUNK_SIZE = 64 * 1024
_HEADER = struct.Struct(">6sHI16s16s16s")
HEADER_BYTES = _HEADER.size


class DocumentCorrupt(DocumentDamaged):
    """The file does not decrypt and authenticate as the expected document.

    A DocumentDamaged, so wherever it surfaces (even mid-stream, in an export) the person reads
    a plain message; the technical reason is in `details`.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(
            "This document's file in the vault is damaged and cannot be read. Your other "
            "documents are not affected. If you still have the original, please import it again.",
            details=reason,
        )


@dataclass(frozen=True)
class Header:
    version: int
    chunk_size: int
    vault_id: bytes
    doc_id: bytes
    salt: bytes

    def pack(self) -> bytes:
        return _HEADER.pack(
            MAGIC, self.version, self.chunk_size, self.vault_id, self.doc_id, self.salt
        )

    @classmethod
    def unpack(cls, raw: bytes) -> Header:
        if len(raw) != HEADER_BYTES:
            raise DocumentCorrupt("header is cut short")
        magic, version, chunk_size, vault_id, doc_id, salt = _HEADER.unpack(raw)
        if magic != MAGIC or version != VERSION or not 1024 <= chunk_size <= 16 << 20:
            raise DocumentCorrupt("header is not a document header")
        return cls(version, chunk_size, vault_id, doc_id, salt)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _file_key(master: bytes, salt: bytes) -> AESGCM:
    return AESGCM(subkey(master, b"organizer/document/v1", salt=salt))


@dataclass(frozen=True)
class WrittenDocument:
    """What `encrypt_stream` learned while writing: plaintext size and SHA-256."""

    size: int
    sha256: str


def encrypt_stream(
    source: BinaryIO,
    out: BinaryIO,
    *,
    master: bytes,
    vault_id: bytes,
    doc_id: bytes,
    salt: bytes | None = None,
    sha256: str | None = None,
) -> WrittenDocument:
    """Encrypt `source` into `out` chunk by chunk (memory use: about two chunks).

    `salt` is random unless given (only the format's test vectors fix it). `sha256`: the
    plaintext's digest, when the caller computed it from these same in-memory bytes (a BytesIO)
    just before; it is then not computed again. Other sources are always hashed here.
    """
    header = Header(VERSION, CHUNK_SIZE, vault_id, doc_id, salt or os.urandom(16))
    aad = header.pack()
    aead = _file_key(master, header.salt)
    if isinstance(source, io.BytesIO):  # already in memory: sealed in place, the same bytes out
        # getvalue() hands over the bytes the BytesIO was made from (getbuffer() would copy them)
        with memoryview(source.getvalue()) as whole:
            start = source.tell()
            written = _encrypt_in_memory(whole[start:], out, aead, aad, sha256 if not start else None)
        source.seek(0, io.SEEK_END)
        return written
    out.write(aad)
    digest = hashlib.sha256()
    size = 0
    index = 0
    chunk = _read_full(source, CHUNK_SIZE)
    while True:
        following = _read_full(source, CHUNK_SIZE) if len(chunk) == CHUNK_SIZE else b""
        last = not following
        digest.update(chunk)
        size += len(chunk)
        out.write(aead.encrypt(_nonce(index, last), chunk, aad))
        if last:
            return WrittenDocument(size, digest.hexdigest())
        chunk, index = following, index + 1


BLOCK_CHUNKS = 16  # chunks sealed into one reused buffer and written together (about 1 MB)
_per_thread = threading.local()


def _block() -> bytearray:
    """This thread's buffer for sealed chunks (made once: a new one per file costs a 1 MB memset).

    It only ever holds the header and ciphertext on their way to the file.
    """
    block: bytearray | None = getattr(_per_thread, "block", None)
    if block is None:
        block = _per_thread.block = bytearray(HEADER_BYTES + BLOCK_CHUNKS * (CHUNK_SIZE + TAG_BYTES))
    return block


def _encrypt_in_memory(plain: memoryview, out: BinaryIO, aead: AESGCM, aad: bytes,
                       known_digest: str | None) -> WrittenDocument:
    """`encrypt_stream` for bytes already in memory: no copies, one hash call, 1 MB writes.

    The header goes out with the first block, so a file of up to 1 MB takes one write call.
    """
    with plain, memoryview(_block()) as sealed:
        size = len(plain)
        chunks = max(1, -(-size // CHUNK_SIZE))
        digest = known_digest or hashlib.sha256(plain).hexdigest()
        sealed[:HEADER_BYTES] = aad
        filled = HEADER_BYTES
        for first in range(0, chunks, BLOCK_CHUNKS):
            for index in range(first, min(first + BLOCK_CHUNKS, chunks)):
                part = plain[index * CHUNK_SIZE:(index + 1) * CHUNK_SIZE]
                end = filled + len(part) + TAG_BYTES
                aead.encrypt_into(_nonce(index, index == chunks - 1), part, aad, sealed[filled:end])
                filled = end
            out.write(sealed[:filled])
            filled = 0
        return WrittenDocument(size, digest)


def _read_full(source: BinaryIO, n: int) -> bytes:
    parts: list[bytes] = []
    remaining = n
    while remaining:
        part = source.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


class DecryptingReader(io.RawIOBase):
    """A read-only, seekable view of a document's plaintext, decrypting one chunk at a time."""

    def __init__(
        self, file: BinaryIO, *, master: bytes, vault_id: bytes, doc_id: bytes
    ) -> None:
        super().__init__()
        self._file = file
        self._aad = file.read(HEADER_BYTES)
        header = Header.unpack(self._aad)
        if header.vault_id != vault_id or header.doc_id != doc_id:
            raise DocumentCorrupt("the file belongs to another document or vault")
        self._chunk = header.chunk_size
        self._aead = _file_key(master, header.salt)
        body = file.seek(0, io.SEEK_END) - HEADER_BYTES
        self._chunks = max(1, -(-body // (self._chunk + TAG_BYTES)))
        last_len = body - (self._chunks - 1) * (self._chunk + TAG_BYTES)
        if last_len < TAG_BYTES:
            raise DocumentCorrupt("the file is cut short")
        self._size = body - self._chunks * TAG_BYTES
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None

    @property
    def size(self) -> int:
        return self._size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        filled = 0
        while filled < len(buffer) and self._pos < self._size:
            index, within = divmod(self._pos, self._chunk)
            plain = self._decrypt(index)
            n = min(len(buffer) - filled, len(plain) - within)
            buffer[filled : filled + n] = plain[within : within + n]
            self._pos += n
            filled += n
        return filled

    def authenticate_first_chunk(self) -> None:
        """Raise DocumentCorrupt now if the key is wrong (used while a re-key is unfinished)."""
        self._decrypt(0)

    def chunks(self) -> Iterator[bytes]:
        """Every chunk's plaintext in order, authenticating each (used by verify and export)."""
        for index in range(self._chunks):
            yield self._decrypt(index)

    def _decrypt(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        self._file.seek(HEADER_BYTES + index * (self._chunk + TAG_BYTES))
        sealed = self._file.read(self._chunk + TAG_BYTES)
        last = index == self._chunks - 1
        try:
            plain = self._aead.decrypt(_nonce(index, last), sealed, self._aad)
        except InvalidTag:
            raise DocumentCorrupt(f"chunk {index} does not authenticate") from None
        self._cached = (index, plain)
        return plain

    def close(self) -> None:
        if not self.closed:
            self._file.close()
            self._cached = None
        super().close()
