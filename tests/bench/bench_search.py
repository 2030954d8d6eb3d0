"""Benchmark encrypted full-text search on 500 records: building the index, finding, saving.

Run `python tests/bench/bench_search.py`. Record texts come from the shared corpus's reports
(cycled, 3 pages each) when it is there, else from generated clinical-sounding text. Prints the
index build time, the time of the first search after unlock (saved index reused), query times
(median and worst of several kinds), the time to bring one edited record up to date, and the
size of the index in memory and encrypted on disk.
"""

from __future__ import annotations

import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from organizer.core import catalog  # noqa: E402
from organizer.core.catalog import DOCUMENT  # noqa: E402
from organizer.core.intake.text import PAGE_BREAK  # noqa: E402
from organizer.core.search import search_records  # noqa: E402
from organizer.core.search.keeping import ATTACHMENT, CACHE_NAME  # noqa: E402
from organizer.core.vault import Change, KdfParams, Vault  # noqa: E402

RECORDS = 500
PAGES = 3
PACK = 16  # records per text pack, as the importer groups them
CORPUS = ROOT.parent / "shared" / "corpus" / "classify"
BENCH_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)  # setting up, not what is measured
PASSPHRASE = "bench passphrase for search only"
QUERIES = ["carcinoma", "patient", "lymph node", '"lymph node"', "linf", "metast OR recurrence",
           "tumor margin negative", "zzqx0042marker", "pathology report"]


def corpus_texts() -> list[str]:
    if not CORPUS.is_dir():
        return []
    import pypdfium2 as pdfium

    texts = []
    for path in sorted(CORPUS.glob("*.pdf"))[:RECORDS]:
        pdf = pdfium.PdfDocument(path)
        try:
            texts.append("\n".join(page.get_textpage().get_text_range() for page in pdf))
        finally:
            pdf.close()
    return texts


def made_up_text(chance: random.Random) -> str:
    words = ["patient", "tumor", "margin", "biopsy", "specimen", "carcinoma", "lymph", "node",
             "grade", "stage", "metastasis", "recurrence", "negative", "positive", "ganglio",
             "linfático", "treatment", "dose", "cycle", "history", "clinical", "findings",
             "impression", "diagnosis", "follow", "examination"]
    return " ".join(chance.choices(words, k=1500))


def pages_of(text: str, n: int) -> list[str]:
    step = max(1, len(text) // PAGES + 1)
    return [text[i:i + step] + f" zzqx{n:04d}marker" * (i == 0) for i in range(0, len(text), step)]


def fill(vault: Vault) -> None:
    chance = random.Random(15)
    person = catalog.add_person(vault, "Bench Person").id
    texts = corpus_texts() or [made_up_text(chance) for _ in range(RECORDS)]
    for start in range(0, RECORDS, PACK):
        ids = [os.urandom(16).hex() for _ in range(start, min(start + PACK, RECORDS))]
        pack = {doc_id: PAGE_BREAK.join(pages_of(texts[(start + k) % len(texts)], start + k))
                for k, doc_id in enumerate(ids)}
        stored = vault.store_file(io.BytesIO(json.dumps(pack, ensure_ascii=False).encode()))
        vault.record([vault.file_change(stored), *(
            Change(DOCUMENT, doc_id, {"person": person, "title": f"Report {start + k}",
                                      "type": "pathology", "text_file": stored.id})
            for k, doc_id in enumerate(ids))])


def timed(work: object) -> float:
    began = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - began


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-search-")) / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=BENCH_KDF)
    with vault:
        fill(vault)
        build = timed(lambda: search_records(vault, "carcinoma"))
        index = vault.attachments[ATTACHMENT]
        plain_size = len(index.to_bytes())  # type: ignore[attr-defined]
    stored_size = (folder / f"{CACHE_NAME}.scache").stat().st_size
    with Vault.unlock(folder, PASSPHRASE) as vault:
        reuse = timed(lambda: search_records(vault, "carcinoma"))
        times = {q: [timed(lambda q=q: search_records(vault, q)) for _ in range(5)] for q in QUERIES}
        found = {q: len(search_records(vault, q).hits) for q in QUERIES}
        doc = next(d for d, f in vault.state.all(DOCUMENT).items() if f["title"] == "Report 1")
        vault.record([Change(DOCUMENT, doc, {"title": "Retitled report"})])
        edit = timed(lambda: search_records(vault, "retitled"))
        firsts = sum(1 for n in range(0, RECORDS, RECORDS // 50)
                     if (hits := search_records(vault, f"zzqx{n:04d}marker").hits)
                     and hits[0].title == f"Report {n}")
    print(f"search: {RECORDS} records × {PAGES} pages "
          f"({'corpus reports' if CORPUS.is_dir() else 'generated text'})")
    print(f"  build the index from the encrypted texts and save it: {build * 1000:.0f} ms")
    print(f"  first search after unlock (saved index reused):      {reuse * 1000:.0f} ms")
    for q in QUERIES:
        print(f"  query {q!r:28} {statistics.median(times[q]) * 1000:6.1f} ms median, "
              f"{max(times[q]) * 1000:6.1f} ms worst, {found[q]} records")
    print(f"  one record retitled, then a search (index updated and saved): {edit * 1000:.0f} ms")
    print(f"  index size: {plain_size / 1e6:.2f} MB in memory, {stored_size / 1e6:.2f} MB encrypted")
    print(f"  a word only one record holds finds that record first: {firsts} of 50 tried")


if __name__ == "__main__":
    main()
