"""Benchmark: importing the shared portal set (records, entries, vault) vs parsing it with lxml alone,
and writing the readable PDFs afterwards, on first need (issue 16: they are not written at import)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from lxml import etree

from organizer.core import catalog
from organizer.core.intake.importer import IMPORTED, ImportOptions, import_files
from organizer.core.intake.portal.model import PortalDocument
from organizer.core.intake.portal.read import read_portal
from organizer.core.intake.portal.readable import readable_pdf
from organizer.core.intake.sandbox import FileReader
from organizer.core.shown_pdf import shown_pdfs
from organizer.core.vault import KdfParams, Vault
from tests.conftest import CORPUS
from tests.portal_samples import cda

PORTAL = CORPUS / "portal"
TARGET = 2.0


def lxml_alone(files: list[Path]) -> float:
    """Reading each file and parsing it with lxml, nothing else: the floor to compare with."""
    start = time.perf_counter()
    for path in files:
        etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    return time.perf_counter() - start


def in_process(files: list[Path]) -> tuple[float, float]:
    """Seconds to read every file into a PortalDocument, and to write their readable PDFs."""
    start = time.perf_counter()
    documents = [read_portal(p.read_bytes(), p.name, "xml").parts[0].document for p in files]
    reading = time.perf_counter() - start
    readable_pdf(PortalDocument("warm-up"))
    start = time.perf_counter()
    for document in documents:
        assert document is not None
        readable_pdf(document)
    return reading, time.perf_counter() - start


def timed_import(folder: Path, files: list[Path], *, warm: bool) -> tuple[float, int, float]:
    """Seconds to import the files into a new vault, the number imported, and seconds to write
    all their readable PDFs afterwards (as the first packet does, with the same workers). The
    reader workers are started beforehand, as the app does right after unlocking; `warm`: each
    has read one portal file already. Key settings are not part of what is measured."""
    vault, _ = Vault.create(folder, "benchmark passphrase",
                            kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1))
    with vault, FileReader() as reader:
        person = catalog.add_person(vault, "Bench Mark")
        reader.start()
        if warm:
            list(reader.read_many([(cda(), "warm-up.xml", None)] * 2))
        start = time.perf_counter()
        result = import_files(vault, files, ImportOptions(person), reader)
        total = time.perf_counter() - start
        documents = catalog.documents(vault)
        start = time.perf_counter()
        shown = shown_pdfs(vault, documents, reader)
        later = time.perf_counter() - start
        assert all(s.data is not None and s.data.startswith(b"%PDF") for s in shown)
    return total, result.count(IMPORTED), later


def main() -> int:
    files = sorted(PORTAL.glob("*.xml"))
    if not files:
        print("portal corpus not present: skipped")
        return 0
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    floor = min(lxml_alone(files) for _ in range(3))
    reading, writing = in_process(files)
    print(f"portal set: {len(files)} C-CDA files, {megabytes:.1f} MB")
    print(f"  lxml parse alone             : {floor:.3f} s")
    print(f"  read into records, no PDF    : {reading:.3f} s  ({reading / floor:.1f}x), one process")
    print(f"  readable PDFs alone          : {writing:.3f} s  ({writing / floor:.1f}x), one process")
    for warm in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            seconds, imported, later = timed_import(Path(tmp) / "vault", files, warm=warm)
        state = "warm workers" if warm else "fresh workers"
        print(f"  full import, {state:13} : {seconds:.3f} s  ({seconds / floor:.1f}x lxml alone; "
              f"target <= {TARGET:.0f}x; {imported} imported)")
        print(f"    then all readable PDFs on first need (a first packet or previewing each): "
              f"{later:.3f} s  ({later / floor:.1f}x), stored in the vault")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
