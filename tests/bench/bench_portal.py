"""Benchmark: importing the shared portal set (PDFs, entries, vault) vs parsing it with lxml alone."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lxml import etree

from organizer.core import catalog
from organizer.core.intake.importer import IMPORTED, ImportOptions, import_files
from organizer.core.intake.sandbox import FileReader
from organizer.core.vault import KdfParams, Vault
from tests.conftest import CORPUS

PORTAL = CORPUS / "portal"
TARGET = 2.0


def lxml_alone(files: list[Path]) -> float:
    """Reading each file and parsing it with lxml, nothing else: the floor to compare with."""
    start = time.perf_counter()
    for path in files:
        etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    return time.perf_counter() - start


def timed_import(folder: Path, files: list[Path]) -> tuple[float, int]:
    """Seconds to import the files into a new vault; the reader workers are started beforehand,
    as the app does right after unlocking. Key settings are not part of what is measured."""
    vault, _ = Vault.create(folder, "benchmark passphrase",
                            kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1))
    with vault, FileReader() as reader:
        person = catalog.add_person(vault, "Bench Mark")
        reader.start()
        start = time.perf_counter()
        result = import_files(vault, files, ImportOptions(person), reader)
        total = time.perf_counter() - start
    return total, result.count(IMPORTED)


def main() -> int:
    files = sorted(PORTAL.glob("*.xml"))
    if not files:
        print("portal corpus not present: skipped")
        return 0
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    floor = min(lxml_alone(files) for _ in range(3))
    with tempfile.TemporaryDirectory() as tmp:
        seconds, imported = timed_import(Path(tmp) / "vault", files)
    print(f"portal set: {len(files)} C-CDA files, {megabytes:.1f} MB; {imported} imported")
    print(f"  lxml parse alone : {floor:.3f} s")
    print(f"  full import      : {seconds:.3f} s  ({seconds / floor:.1f}x lxml alone; "
          f"target <= {TARGET:.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
