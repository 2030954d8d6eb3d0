"""Benchmark the packet: 200 records × 5 pages built whole, beside a plain pikepdf merge of the same files.

    python tests/bench/bench_packet.py [--records N] [--pages P]

Prints figures only (no pass/fail). Target: the packet — with every record page cleaned (actions,
attachments, media, forms), scaled for its stamp, labelled and bookmarked — takes at most 1.5× the
plain merge of the same files, both measured in this run.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pikepdf  # noqa: E402
from samples import PATHOLOGY_LINES, text_pdf  # noqa: E402

from organizer.core.packet import PacketOptions, build_packet  # noqa: E402
from organizer.core.packet.content import MedicationRow, PacketContent, PacketRecord, PlanSummary  # noqa: E402
from organizer.core.records import RecordType  # noqa: E402

TYPES = list(RecordType)


def sources(records: int, pages: int) -> list[bytes]:
    return [text_pdf([[f"Record {r} page {p + 1}", *PATHOLOGY_LINES] for p in range(pages)])
            for r in range(records)]


def content(files: list[bytes], pages: int) -> PacketContent:
    records = tuple(
        PacketRecord(f"doc{n:04d}", TYPES[n % len(TYPES)], f"Report {n}", f"2024-{n % 12 + 1:02d}-01",
                     pages, data)
        for n, data in enumerate(files))
    return PacketContent("Zoë Nguyễn", "1961-04-23", "Breast cancer", "Dr. Łukasz Nowak", "Zoë",
                         "zoe@example.org", "2024-03-09", ("Is surgery needed first?",),
                         ("No surgery — no operative report",),
                         (MedicationRow("Tamoxifen", "20 mg", "by mouth", "daily", "2024-02-01"),),
                         PlanSummary("Chemotherapy, then surgery.", "Dr. Smith", "2024-02-20"), records)


def plain_merge(files: list[bytes], out: Path) -> int:
    with pikepdf.new() as merged:
        opened = [pikepdf.open(io.BytesIO(data)) for data in files]
        for pdf in opened:
            merged.pages.extend(pdf.pages)
        merged.save(out, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        for pdf in opened:
            pdf.close()
        return len(merged.pages)


def timed(step: object) -> tuple[float, object]:
    start = time.perf_counter()
    value = step()  # type: ignore[operator]
    return time.perf_counter() - start, value


def cpu_timed(step: object) -> tuple[float, float, object]:
    """Wall-clock and CPU seconds of this process (the CPU time is steadier on a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = step()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--pages", type=int, default=5)
    args = parser.parse_args()
    files = sources(args.records, args.pages)
    made = content(files, args.pages)
    with tempfile.TemporaryDirectory() as folder:
        warm = Path(folder) / "warm.pdf"  # imports and font parsing once, outside the timings
        first_s, _ = timed(lambda: build_packet(content(files[:2], args.pages), warm, PacketOptions()))
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # Best of 5, interleaved, so a busy moment on a shared machine hurts both equally.
        merges, packets, merge_cpu, packet_cpu = [], [], [], []
        for _ in range(5):
            merge_s, merge_c, merged_pages = cpu_timed(lambda: plain_merge(files, Path(folder) / "merge.pdf"))
            packet_s, packet_c, result = cpu_timed(lambda: build_packet(made, Path(folder) / "packet.pdf",
                                                                        PacketOptions()))
            merges.append(merge_s)
            packets.append(packet_s)
            merge_cpu.append(merge_c)
            packet_cpu.append(packet_c)
        best_merge, best_packet = min(merges), min(packets)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        merge_size = (Path(folder) / "merge.pdf").stat().st_size
        source_bytes = sum(len(f) for f in files)
        print(f"sources: {args.records} records × {args.pages} pages, {source_bytes / 1e6:.2f} MB in all")
        print(f"plain pikepdf merge: {merged_pages} pages in {best_merge:.3f} s, {merge_size / 1e6:.2f} MB")
        print(f"packet: {result.pages} pages in {best_packet:.3f} s, {result.size / 1e6:.2f} MB "
              f"(cover, contents, medications, plan, {len(result.contents)} bookmarks, stamps, "
              "pages cleaned)")
        print(f"ratio packet / plain merge: {best_packet / best_merge:.2f}× (target ≤ 1.5×); "
              f"in CPU time {min(packet_cpu) / min(merge_cpu):.2f}× ({min(packet_cpu) * 1e3:.0f} ms / "
              f"{min(merge_cpu) * 1e3:.0f} ms, best of 5; steadier on a busy machine)")
        print(f"first packet in this process ({2 * args.pages} record pages; reads the bundled fonts "
              f"once): {first_s:.3f} s")
        print(f"peak RSS: {rss_before / 1024:.0f} MB before the timed runs, {rss_after / 1024:.0f} MB after")
        chinese = replace(made, person_name="王芳")  # the stamp's name drawn by the page writer
        first_cjk, _ = timed(lambda: build_packet(chinese, Path(folder) / "cjk.pdf", PacketOptions()))
        cjk_runs = [cpu_timed(lambda: build_packet(chinese, Path(folder) / "cjk.pdf", PacketOptions()))
                    for _ in range(5)]
        best_cjk, cjk_cpu = min(run[0] for run in cjk_runs), min(run[1] for run in cjk_runs)
        print(f"with a Chinese name: {best_cjk:.3f} s = {best_cjk / best_merge:.2f}× the merge; in CPU "
              f"time {cjk_cpu / min(merge_cpu):.2f}× ({cjk_cpu * 1e3:.0f} ms, target ≤ 1.5×) "
              f"(first in the process, reading the CJK font: {first_cjk:.3f} s)")
        start = time.perf_counter()
        limited = build_packet(made, Path(folder) / "email.pdf", PacketOptions(max_bytes=200_000))
        print(f"split to a 0.2 MB limit: {len(limited.parts)} parts, largest "
              f"{max(p.size for p in limited.parts) / 1e6:.3f} MB, in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
