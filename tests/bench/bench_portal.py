"""Benchmark: importing the shared portal set (records, entries, vault) vs parsing it with lxml alone,
and writing the readable PDFs afterwards, on first need (issue 16: they are not written at import)."""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
from dataclasses import dataclass
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


def in_process(files: list[Path]) -> tuple[float, float, float]:
    """Seconds to read every file into a PortalDocument, to write their readable PDFs, and the
    CPU seconds of the reading."""
    start, cpu = time.perf_counter(), time.process_time()
    documents = [read_portal(p.read_bytes(), p.name, "xml").parts[0].document for p in files]
    reading, cpu = time.perf_counter() - start, time.process_time() - cpu
    readable_pdf(PortalDocument("warm-up"))
    start = time.perf_counter()
    for document in documents:
        assert document is not None
        readable_pdf(document)
    return reading, time.perf_counter() - start, cpu


def readers_cpu() -> float | None:
    """CPU seconds used so far by this process's live children (the readers); None off Linux."""
    total = 0.0
    try:
        for child in multiprocessing.active_children():
            with open(f"/proc/{child.pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, AttributeError):
        return None
    return total


@dataclass(frozen=True)
class Timed:
    seconds: float
    imported: int
    later: float
    """Seconds to write all the readable PDFs afterwards."""
    own_cpu: float
    """CPU seconds of the importing process during the import."""
    readers_cpu: float | None


def timed_import(folder: Path, files: list[Path], *, warm: bool) -> Timed:
    """Seconds to import the files into a new vault, the number imported, and seconds to write
    all their readable PDFs afterwards (as the first packet does, with the same workers). The
    reader workers are started beforehand, as the app does right after unlocking; `warm`: each
    has read one portal file already. Key settings are not part of what is measured. CPU seconds
    vary less than wall time on a busy machine, so they are given too."""
    vault, _ = Vault.create(folder, "benchmark passphrase",
                            kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1))
    with vault, FileReader() as reader:
        person = catalog.add_person(vault, "Bench Mark")
        reader.start()
        if warm:
            list(reader.read_many([(cda(), "warm-up.xml", None)] * 2))
        readers_before, own_before = readers_cpu(), time.process_time()
        start = time.perf_counter()
        result = import_files(vault, files, ImportOptions(person), reader)
        total = time.perf_counter() - start
        own, readers_after = time.process_time() - own_before, readers_cpu()
        readers = None if readers_before is None or readers_after is None \
            else readers_after - readers_before
        documents = catalog.documents(vault)
        start = time.perf_counter()
        shown = shown_pdfs(vault, documents, reader)
        later = time.perf_counter() - start
        assert all(s.data is not None and s.data.startswith(b"%PDF") for s in shown)
    return Timed(total, result.count(IMPORTED), later, own, readers)


def main() -> int:
    files = sorted(PORTAL.glob("*.xml"))
    if not files:
        print("portal corpus not present: skipped")
        return 0
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    floor_cpu = time.process_time()
    floor = min(lxml_alone(files) for _ in range(3))
    floor_cpu = (time.process_time() - floor_cpu) / 3
    reading, writing, reading_cpu = in_process(files)
    print(f"portal set: {len(files)} C-CDA files, {megabytes:.1f} MB")
    print(f"  lxml parse alone             : {floor:.3f} s  (CPU {floor_cpu:.3f} s, mean of 3)")
    print(f"  read into records, no PDF    : {reading:.3f} s  ({reading / floor:.1f}x), one process"
          f"  (CPU {reading_cpu:.3f} s)")
    print(f"  readable PDFs alone          : {writing:.3f} s  ({writing / floor:.1f}x), one process")
    for warm in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            timed = timed_import(Path(tmp) / "vault", files, warm=warm)
        state = "warm workers" if warm else "fresh workers"
        readers = "" if timed.readers_cpu is None else f", readers {timed.readers_cpu:.2f} s"
        print(f"  full import, {state:13} : {timed.seconds:.3f} s  ({timed.seconds / floor:.1f}x "
              f"lxml alone; target <= {TARGET:.0f}x; {timed.imported} imported)")
        print(f"    CPU: importing process {timed.own_cpu:.3f} s{readers}")
        print(f"    then all readable PDFs on first need (a first packet or previewing each): "
              f"{timed.later:.3f} s  ({timed.later / floor:.1f}x), stored in the vault")
    print(f"  machine load (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
