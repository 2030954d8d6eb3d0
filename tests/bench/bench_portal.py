"""Benchmark: importing the shared portal set (records, entries, vault) vs parsing it with lxml alone,
and writing the readable PDFs afterwards, on first need (issue 16: they are not written at import).

The import and the lxml pass are timed in pairs, one right after the other (the order swaps each
round), and the figure is the median of the rounds' ratios: on a shared virtual machine the same
work takes up to half as long again from one second to the next, so a single import against the
best of three lxml passes says more about the machine than about the import.
Each round imports into a new vault; the disk is synced before and after each import, outside
the timing, so one round's writing does not run during the next. The vaults are kept until the
end: on this ext4, files made within about 30 s of deleting others take longer to create (new
inodes skip recently freed ones), which would cost the import, and not lxml, for deleting the
round before. PORTAL_BENCH_ROUNDS sets the number of rounds (default 9).
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
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
ROUNDS = int(os.environ.get("PORTAL_BENCH_ROUNDS", "9"))


def lxml_alone(files: list[Path]) -> float:
    """Reading each file and parsing it with lxml, nothing else: the floor to compare with."""
    start = time.perf_counter()
    for path in files:
        etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    return time.perf_counter() - start


def in_process(files: list[Path]) -> tuple[float, float, float]:
    """Seconds to read every file into a PortalDocument as an import does, to write their
    readable PDFs (from the documents read with their tables, as on first need), and the CPU
    seconds of the reading."""
    start, cpu = time.perf_counter(), time.process_time()
    for p in files:  # as an import reads them: the narrative as lines, no tables (issue 16)
        read_portal(p.read_bytes(), p.name, "xml", tables=False)
    reading, cpu = time.perf_counter() - start, time.process_time() - cpu
    documents = [read_portal(p.read_bytes(), p.name, "xml").parts[0].document for p in files]
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
    own_cpu: float
    """CPU seconds of the importing process during the import."""
    readers_cpu: float | None


def new_vault(folder: Path) -> Vault:
    """An empty vault; its key settings are quick, since they are not what is measured."""
    vault, _ = Vault.create(folder, "benchmark passphrase",
                            kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1))
    return vault


def timed_import(folder: Path, files: list[Path], reader: FileReader) -> Timed:
    """Import the files into a new vault with the given (started) readers. Key settings are not
    part of what is measured. CPU seconds are given too: they vary less than wall time."""
    vault = new_vault(folder)
    with vault:
        person = catalog.add_person(vault, "Bench Mark")
        os.sync()  # the new vault's own files are written before the timing starts
        readers_before, own_before = readers_cpu(), time.process_time()
        start = time.perf_counter()
        result = import_files(vault, files, ImportOptions(person), reader)
        total = time.perf_counter() - start
        own, readers_after = time.process_time() - own_before, readers_cpu()
    readers = None if readers_before is None or readers_after is None \
        else readers_after - readers_before
    return Timed(total, result.count(IMPORTED), own, readers)


def readable_later(folder: Path, files: list[Path]) -> float:
    """Seconds to write every readable PDF once the files are imported, as a first packet does
    (or previewing each record), with the same workers; they are stored in the vault."""
    vault = new_vault(folder)
    with vault, FileReader() as reader:
        import_files(vault, files, ImportOptions(catalog.add_person(vault, "Bench Mark")), reader)
        start = time.perf_counter()
        shown = shown_pdfs(vault, catalog.documents(vault), reader)
        later = time.perf_counter() - start
    assert all(s.data is not None and s.data.startswith(b"%PDF") for s in shown)
    return later


def paired_rounds(files: list[Path], tmp: Path) -> list[tuple[float, float, Timed]]:
    """(lxml pass, import, details) per round, with warm readers: they start beforehand and have
    each read a portal file, as after unlocking (the app starts them then)."""
    rounds: list[tuple[float, float, Timed]] = []
    with FileReader() as reader:
        reader.start()
        list(reader.read_many([(cda(), "warm-up.xml", None)] * 2))
        for number in range(ROUNDS):
            floor_first = number % 2 == 1
            floor = lxml_alone(files) if floor_first else 0.0
            timed = timed_import(tmp / f"vault-{number}", files, reader)
            if not floor_first:
                floor = lxml_alone(files)
            rounds.append((floor, timed.seconds, timed))
            os.sync()  # this round's files reach the disk now, not while the next one runs
    return rounds


def main() -> int:
    files = sorted(PORTAL.glob("*.xml"))
    if not files:
        print("portal corpus not present: skipped")
        return 0
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    reading, writing, reading_cpu = in_process(files)
    floor = statistics.median(lxml_alone(files) for _ in range(3))
    print(f"portal set: {len(files)} C-CDA files, {megabytes:.1f} MB")
    print(f"  read as at import, no PDF    : {reading:.3f} s  ({reading / floor:.1f}x lxml), one "
          f"process  (CPU {reading_cpu:.3f} s)")
    print(f"  readable PDFs alone          : {writing:.3f} s  ({writing / floor:.1f}x), one process")
    with tempfile.TemporaryDirectory() as tmp:
        with FileReader() as reader:
            reader.start()
            fresh = timed_import(Path(tmp) / "fresh", files, reader)
        rounds = paired_rounds(files, Path(tmp))
        later = readable_later(Path(tmp) / "later", files)
    ratios = [seconds / floor for floor, seconds, _ in rounds]
    floors = [floor for floor, _, _ in rounds]
    imports = [seconds for _, seconds, _ in rounds]
    ratio = statistics.median(ratios)
    print(f"  full import, fresh workers   : {fresh.seconds:.3f} s  "
          f"({fresh.seconds / statistics.median(floors):.1f}x lxml alone; {fresh.imported} imported)")
    print(f"  {len(rounds)} rounds, warm workers, each an import and an lxml pass side by side:")
    print(f"    lxml parse alone           : median {statistics.median(floors):.3f} s "
          f"(min {min(floors):.3f}, max {max(floors):.3f})")
    print(f"    full import                : median {statistics.median(imports):.3f} s "
          f"(min {min(imports):.3f}, max {max(imports):.3f}); {rounds[0][2].imported} imported")
    print(f"    import / lxml, each round  : {' '.join(f'{r:.2f}' for r in ratios)}")
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"    median ratio               : {ratio:.2f}x  (target <= {TARGET:.0f}x: {verdict})")
    own = statistics.median(t.own_cpu for _, _, t in rounds)
    readers = [t.readers_cpu for _, _, t in rounds if t.readers_cpu is not None]
    split = f", readers {statistics.median(readers):.2f} s" if readers else ""
    print(f"    CPU per import (median)    : importing process {own:.3f} s{split}")
    print(f"  then all readable PDFs on first need (a first packet or previewing each): "
          f"{later:.3f} s, stored in the vault")
    print(f"  machine load (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
