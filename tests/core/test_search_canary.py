"""Canary: a word from a searched record never reaches the disk in clear, nor compressed."""

from __future__ import annotations

import importlib.util
import io
import secrets
import zlib
from collections.abc import Iterable
from pathlib import Path

import pytest

from organizer.core import catalog
from organizer.core.intake.importer import IMPORTED, ImportOptions, import_files
from organizer.core.search import search_records
from organizer.core.vault import KdfParams, Vault
from tests.core.test_canary import PASSPHRASE, files_under, leaks, recent_temp_files, spellings
from tests.samples import PATHOLOGY_LINES, text_pdf

_ZLIB_STARTS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")


def inflated(data: bytes) -> Iterable[bytes]:
    """Every zlib stream that can be found in `data`, decompressed (at most 64 MiB each)."""
    for start in _ZLIB_STARTS:
        at = data.find(start)
        while at >= 0:
            yield _inflate(data[at:])
            at = data.find(start, at + 1)


def _inflate(stream: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(stream, 64 << 20)
    except zlib.error:
        return b""


def compressed_leaks(paths: Iterable[Path], secret: str) -> list[str]:
    patterns = spellings(secret)
    found = []
    for path in paths:
        try:
            data = path.read_bytes() if path.is_file() else b""
        except OSError:
            continue
        found += [f"{path} (inside a zlib stream)" for plain in inflated(data)
                  if any(p in plain for p in patterns)]
    return found


def scanned_pdf(word: str) -> bytes:
    """One page that is only a picture of printed words (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=44)
    for n, line in enumerate(["SURGICAL PATHOLOGY REPORT", f"Final diagnosis: {word}",
                              "Lymph nodes negative for carcinoma."]):
        draw.text((120, 200 + 90 * n), line, fill=0, font=font)
    out = io.BytesIO()
    page.save(out, "PDF", resolution=150)
    return out.getvalue()


def _search_then_lock(folder: Path, source: Path, word: str) -> None:
    vault, _ = Vault.create(folder, PASSPHRASE)
    with vault:
        person = catalog.add_person(vault, "Canary Person")
        result = import_files(vault, [source], ImportOptions(person))
        assert [o.status for o in result.outcomes] == [IMPORTED]
        hits = search_records(vault, word.lower()).hits
        assert [h.id for h in hits] == result.imported_ids
        assert word in hits[0].snippet
    with Vault.unlock(folder, PASSPHRASE) as reopened:  # the saved index, opened again
        assert len(search_records(reopened, word[:8]).hits) == 1


@pytest.mark.parametrize("kind", ["text", "scanned"])
def test_a_searched_word_is_in_no_file_after_lock(
    tmp_path: Path, isolated_app_dirs: Path, fast_kdf: KdfParams, kind: str
) -> None:
    if kind == "scanned" and importlib.util.find_spec("organizer.core.intake.ocr") is None:
        pytest.skip("text recognition (organizer.core.intake.ocr) is not in this build")
    started = __import__("time").time() - 1.0
    # Random, so no earlier run can have left it anywhere; letters only, none that text
    # recognition can take for a digit (O 0, B 8, S 5, I 1, Z 2, G 6): a random hex word read
    # as "…5F0BDBBFE0" once failed here on a good scan.
    word = "Quokkanary" + "".join(secrets.choice("ACDEFHJKMNPRTUVWXY") for _ in range(10))
    source = tmp_path / "in" / "report.pdf"
    source.parent.mkdir()
    source.write_bytes(text_pdf([[*PATHOLOGY_LINES, f"Comment: {word} seen."], ["Page two."]])
                       if kind == "text" else scanned_pdf(word))
    folder = tmp_path / "vault"
    _search_then_lock(folder, source, word)
    assert (folder / "search-index.scache").is_file()
    scanned = [*files_under(folder), *files_under(isolated_app_dirs),
               *(p for p in recent_temp_files(started) if source.parent not in p.parents)]
    assert len(scanned) > 5
    assert leaks(scanned, [word]) == []
    assert compressed_leaks(scanned, word) == []


def test_the_compressed_canary_search_finds_a_planted_word(tmp_path: Path) -> None:
    planted = tmp_path / "planted.bin"
    planted.write_bytes(secrets.token_bytes(300) + zlib.compress(b"xx Quokkanary77 yy") + b"tail")
    assert len(compressed_leaks([planted], "Quokkanary77")) == 1
    assert leaks([planted], ["Quokkanary77"]) == []
