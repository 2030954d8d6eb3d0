"""Email size limits, passwords, determinism, cancel and progress."""

from __future__ import annotations

import io
import random
import threading
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest
from pikepdf.models.metadata import decode_pdf_date

from organizer.core.errors import InvalidInput
from organizer.core.packet import PacketCancelled, PacketNeedsSplit, PacketOptions, build_packet
from organizer.core.packet import build as packet_build
from organizer.core.packet.fitting import plan_parts
from organizer.core.packet.part_output import part_path
from organizer.core.packet.part_plan import PartPlan
from organizer.core.records import RecordType
from tests.core.test_packet_support import content, page_mark, pdfium_texts, record, record_pdf, texts


def noisy(doc_id: str, pages: int, kb: int = 40) -> bytes:
    """A record whose every page carries `kb` KB of incompressible picture (sizes stay real)."""
    pdf = pikepdf.open(io.BytesIO(record_pdf(doc_id, pages)))
    noise = random.Random(doc_id)
    side = int((kb * 1000) ** 0.5)
    for page in pdf.pages:
        image = pikepdf.Stream(pdf, noise.randbytes(side * side), Type=pikepdf.Name.XObject,
                               Subtype=pikepdf.Name.Image, Width=side, Height=side,
                               ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
        page.add_resource(image, pikepdf.Name.XObject, pikepdf.Name.Noise)
        page.contents_add(pikepdf.Stream(pdf, b"q 200 0 0 200 60 400 cm /Noise Do Q"))
    sink = io.BytesIO()
    pdf.save(sink)
    return sink.getvalue()


def noisy_records(count: int, pages: int, kb: int = 40) -> list:
    kinds = [RecordType.PATHOLOGY, RecordType.IMAGING, RecordType.LAB]
    return [record(f"r{n}", kinds[n % 3], f"2024-01-{n + 1:02d}", pages, noisy(f"r{n}", pages, kb))
            for n in range(count)]


def marks_in(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        for text in texts(path):
            found.extend(word for word in text.split() if word.startswith("MARK-"))
    return found


def test_a_password_is_required_to_open_and_the_right_one_opens(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("a")), out, PacketOptions(password="Open-Sesame 42"))
    assert pypdf.PdfReader(out).is_encrypted
    assert pypdf.PdfReader(out).decrypt("wrong") == 0
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="Open-Sesame 42") as pdf:
        assert pdf.encryption.R == 6 and pdf.encryption.stream_method.name == "aesv3"
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(out)
    assert page_mark("a", 1) in pdfium_texts(out, password="Open-Sesame 42")[6]
    assert page_mark("a", 1) in texts(out, password="Open-Sesame 42")[6]


@pytest.mark.parametrize("password", ["x" * 33, "Zoë-secret", "", "tab\there"])
def test_long_non_ascii_or_empty_passwords_are_refused_in_plain_words(password: str) -> None:
    with pytest.raises(InvalidInput, match="password"):
        PacketOptions(password=password)


def test_a_packet_that_fits_after_recompression_stays_one_file(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    result = build_packet(content(*noisy_records(2, 1)), out, PacketOptions(max_bytes=1_000_000))
    assert [p.path for p in result.parts] == [out]


def test_split_parts_are_each_under_the_limit_and_hold_every_record_page_exactly_once(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    records = noisy_records(6, 2)
    limit = 250_000
    result = build_packet(content(*records), out, PacketOptions(max_bytes=limit))
    paths = [p.path for p in result.parts]
    assert len(paths) >= 2 and not out.exists()
    assert paths == [part_path(out, n, len(paths)) for n in range(1, len(paths) + 1)]
    for part in result.parts:
        assert part.path is not None and part.path.stat().st_size == part.size <= limit
    expected = sorted(page_mark(r.document_id, p) for r in records for p in (1, 2))
    assert sorted(marks_in(paths)) == expected  # type: ignore[arg-type]
    for n, path in enumerate(paths, start=1):
        cover = texts(path)[0]
        assert f"art {n} of {len(paths)}" in cover
        assert f"Part {n} of {len(paths)} · Page 1 of" in pdfium_texts(path)[0]
    assert f"This packet comes in {len(paths)} parts" in texts(paths[0])[0]


def test_a_record_bigger_than_the_limit_is_split_across_parts_by_pages(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    big = record("big", pages=8, data=noisy("big", 8))
    result = build_packet(content(big, record("small")), out, PacketOptions(max_bytes=150_000))
    paths = [p.path for p in result.parts]
    assert all(p.size <= 150_000 for p in result.parts)
    assert sorted(marks_in(paths)) == sorted(  # type: ignore[arg-type]
        [page_mark("big", p) for p in range(1, 9)] + [page_mark("small", p) for p in (1, 2)])
    pieces = [line for line in result.contents if line.document_id == "big"]
    assert len(pieces) >= 2 and sum(line.pages for line in pieces) == 8
    assert any("pages 1–" in line.title for line in pieces)


def test_a_single_page_bigger_than_the_limit_is_included_and_reported(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    huge = record("huge", pages=1, data=noisy("huge", 1, kb=200))
    result = build_packet(content(huge, record("small")), out, PacketOptions(max_bytes=120_000))
    [note] = result.warnings
    over = [part for part in result.parts if part.size > 120_000]
    assert len(over) == 1 and f"Part {over[0].number} holds only page 1 of \"Report huge\"" in note
    assert "0.12 MB limit" in note  # small sizes never read "0.0 MB"
    assert page_mark("huge", 1) in marks_in([p.path for p in result.parts])  # type: ignore[misc]


def test_a_page_that_fits_the_limit_in_a_part_of_its_own_is_not_reported(tmp_path: Path) -> None:
    records = [record("big", pages=1, data=noisy("big", 1, kb=60)), *noisy_records(3, 1, kb=30)]
    limit = 110_000
    result = build_packet(content(*records), tmp_path / "packet.pdf", PacketOptions(max_bytes=limit))
    assert len(result.parts) > 1 and all(part.size <= limit for part in result.parts)
    assert result.warnings == ()


def test_the_same_content_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    made = content(record("a"), record("b", RecordType.LAB))
    first = build_packet(made, tmp_path / "one.pdf", PacketOptions())
    second = build_packet(made, tmp_path / "two.pdf", PacketOptions())
    assert (tmp_path / "one.pdf").read_bytes() == (tmp_path / "two.pdf").read_bytes()
    assert first.parts[0].sha256 == second.parts[0].sha256
    stamp = pypdf.PdfReader(tmp_path / "one.pdf").metadata["/CreationDate"]
    assert decode_pdf_date(stamp) == datetime(2024, 3, 9, tzinfo=UTC)


def test_building_into_a_stream_writes_the_same_bytes_as_into_a_file(tmp_path: Path) -> None:
    made = content(record("a"))
    build_packet(made, tmp_path / "file.pdf", PacketOptions())
    sink = io.BytesIO()
    result = build_packet(made, sink, PacketOptions())
    assert sink.getvalue() == (tmp_path / "file.pdf").read_bytes() and result.parts[0].path is None


def test_cancel_stops_between_records_and_writes_nothing(tmp_path: Path) -> None:
    stop = threading.Event()
    seen = []

    def progress(done: int, total: int, message: str) -> None:
        seen.append((done, total))
        if done == 1:
            stop.set()

    with pytest.raises(PacketCancelled):
        build_packet(content(record("a"), record("b"), record("c")), tmp_path / "p.pdf",
                     PacketOptions(progress=progress, cancel=stop))
    assert list(tmp_path.iterdir()) == []
    assert seen == [(0, 3), (1, 3)]


def test_a_stream_cannot_take_parts_and_says_so_with_its_own_error() -> None:
    out = io.BytesIO()
    with pytest.raises(PacketNeedsSplit, match="split into parts"):
        build_packet(content(*noisy_records(6, 2)), out, PacketOptions(max_bytes=250_000))
    assert out.getvalue() == b""


def test_parts_are_filled_close_to_the_limit_so_there_are_few_of_them(tmp_path: Path) -> None:
    records = [record(f"t{n}", RecordType.LAB, f"2024-02-{n % 28 + 1:02d}", 5) for n in range(80)]
    whole = build_packet(content(*records), tmp_path / "whole.pdf", PacketOptions()).size
    limit = 150_000
    assert whole > limit  # (about 170 KB: the packet has to be split)
    result = build_packet(content(*records), tmp_path / "packet.pdf", PacketOptions(max_bytes=limit))
    sizes = [part.size for part in result.parts]
    assert all(size <= limit for size in sizes)
    # The first plan guesses the cover and structure high; the measured room fills parts up.
    assert all(size > limit * 0.6 for size in sizes[:-1])
    assert len(sizes) <= -(-whole // int(limit * 0.6))
    assert len(sizes) > 1
    expected = sorted(page_mark(r.document_id, p) for r in records for p in range(1, 6))
    assert sorted(marks_in([p.path for p in result.parts])) == expected  # type: ignore[misc]


def test_when_no_fuller_plan_fits_the_first_one_is_kept(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    first_plan = []

    def plan(opened: list, budget: int, sizes: dict | None = None) -> tuple:
        if first_plan:  # every later, roomier plan: all in one part, which cannot fit
            pieces = tuple(piece for part in plan_parts(opened, budget, sizes) for piece in part.pieces)
            return (PartPlan(1, 1, pieces),)
        first_plan.append(plan_parts(opened, budget, sizes))
        return first_plan[0]

    monkeypatch.setattr(packet_build, "plan_parts", plan)
    records = [record(f"t{n}", RecordType.LAB, f"2024-02-{n % 28 + 1:02d}", 5) for n in range(80)]
    limit = 150_000
    result = build_packet(content(*records), tmp_path / "packet.pdf", PacketOptions(max_bytes=limit))
    assert len(result.parts) == len(first_plan[0]) > 1
    assert all(part.size <= limit for part in result.parts)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        part.path.name for part in result.parts if part.path)  # no leftovers of the discarded plans
    expected = sorted(page_mark(r.document_id, p) for r in records for p in range(1, 6))
    assert sorted(marks_in([p.path for p in result.parts])) == expected  # type: ignore[misc]
