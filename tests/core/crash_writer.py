"""Child process for the crash tests: writes documents and journal entries until it is killed.

    python crash_writer.py VAULT PASSPHRASE_FILE START [--hold | --store-only]

Unlocks the vault (made by the parent with the tests' fast key settings), prints `READY`, then
for i = START, START+1, ...: stores a document whose bytes are `content_for(i)`, records one
journal entry for it, and only after `record` has returned prints `ACK i <file_id>`.
With `--hold` it just keeps the vault open (to test the single-instance lock); with
`--store-only` it stores document START, prints `STORED <file_id>` and waits to be killed.
Not a test module: the parent imports `content_for` and `expected_fields` from here.
"""

from __future__ import annotations

import hashlib
import io
import sys
import time
from pathlib import Path

# Sizes around the 64 KiB chunk boundary, plus empty and multi-chunk files.
SIZES = (0, 1, 100, 4096, 65535, 65536, 65537, 150_000, 300_001)


def content_for(i: int) -> bytes:
    """The bytes of document number i: deterministic, different for every i."""
    size = SIZES[i % len(SIZES)]
    block = hashlib.sha256(f"crash-writer document {i}".encode()).digest()
    return (block * (size // len(block) + 1))[:size]


def expected_fields(i: int) -> dict[str, object]:
    """The fields of the `document` entity written for document number i."""
    return {"n": i, "name": f"file-{i}.bin", "size": len(content_for(i))}


def main(argv: list[str]) -> int:
    from organizer.core.vault import Change, Vault

    folder, passphrase_file, start = Path(argv[0]), Path(argv[1]), int(argv[2])
    passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
    vault = Vault.unlock(folder, passphrase)
    print("READY", flush=True)
    if "--hold" in argv[3:]:
        while True:
            time.sleep(60)
    if "--store-only" in argv[3:]:  # an import that dies before its journal entry is written
        stored = vault.store_file(io.BytesIO(content_for(start)))
        print(f"STORED {stored.id}", flush=True)
        while True:
            time.sleep(60)
    i = start
    while True:
        stored = vault.store_file(io.BytesIO(content_for(i)))
        vault.record([Change("document", stored.id, expected_fields(i)), vault.file_change(stored)])
        print(f"ACK {i} {stored.id}", flush=True)
        i += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
