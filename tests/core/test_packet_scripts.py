"""Names and text in any script: Chinese, Arabic, Hebrew, Hindi, Korean… on the cover and every stamp."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdf
import pytest

from organizer.core.bundled_font import covered, fallbacks_for
from organizer.core.packet import PacketOptions, build_packet
from organizer.core.records import RecordType
from organizer.core.textpdf import TextPdf
from tests.core.test_packet_pages import reshaped
from tests.core.test_packet_support import (
    DOB,
    content,
    page_mark,
    pdfium_texts,
    record,
    syntax_problems,
)

FRONT = 6  # cover, summary, questions, contents, medications, plan summary
NAMES = {
    "Chinese": "王芳",
    "Japanese": "さくら 田中",
    "Korean": "김민준",
    "Arabic": "محمد عبد الله",
    "Hebrew": "דוד כהן",
    "Hindi": "प्रिया शर्मा",
    "Tamil": "கார்த்திக்",
    "Thai": "สมชาย ใจดี",
    "Georgian": "ნინო",
    "Amharic": "አበበ በቀለ",
}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("script", list(NAMES))
def test_the_name_is_on_the_cover_and_in_every_pages_stamp(tmp_path: Path, script: str) -> None:
    name = NAMES[script]
    out = tmp_path / "packet.pdf"
    result = build_packet(content(record("a"), record("b", RecordType.OPERATIVE), person_name=name),
                          out, PacketOptions())
    pages = pdfium_texts(out)
    assert result.pages == len(pages) == FRONT + 4  # the page the stamp's name was drawn on is gone
    assert name in pages[0] or name in flat(pages[0])
    for number, text in enumerate(pages, start=1):
        # Readers give right-to-left words in logical or in visual order; each word is whole.
        assert all(word in text for word in name.split())
        assert f"Page {number} of {len(pages)}" in text and DOB in text
    assert syntax_problems(out) == []


def test_fonts_for_other_scripts_are_embedded_only_when_the_text_needs_them(tmp_path: Path) -> None:
    latin, chinese = tmp_path / "latin.pdf", tmp_path / "chinese.pdf"
    build_packet(content(record("a")), latin, PacketOptions())
    build_packet(content(record("a"), person_name=NAMES["Chinese"]), chinese, PacketOptions())

    def fonts(path: Path) -> set[str]:
        with pikepdf.open(path) as pdf:
            return {str(font.BaseFont) for page in pdf.pages
                    for font in page.obj.Resources.get("/Font", {}).values()}

    assert not any("Droid" in font for font in fonts(latin))
    assert any("Droid" in font for font in fonts(chinese))


def test_record_titles_questions_and_medicines_in_other_scripts_are_written(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    titled = record("a").__class__("a", RecordType.PATHOLOGY, "病理报告 — 最终", "2024-01-09", 2,
                                   record("a").data)
    build_packet(content(titled, questions=("هل أحتاج إلى جراحة أولاً؟",)), out, PacketOptions())
    pages = [flat(text) for text in pdfium_texts(out)]
    assert "病理报告 — 最终" in pages[3]  # contents
    assert "جراحة" in pages[2]  # the question, shaped right to left
    assert page_mark("a", 2) in pages[FRONT + 1]


def test_a_rotated_page_gets_the_stamp_with_a_name_in_another_script(tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    build_packet(content(record("odd", data=reshaped([0, 0, 612, 792], 90)), person_name="王芳"),
                 out, PacketOptions())
    text = pdfium_texts(out)[FRONT]
    assert "王芳" in text and f"Page {FRONT + 1} of {FRONT + 2}" in text


def test_letters_and_sheets_write_any_script_too() -> None:
    letter = TextPdf("Letter")
    letter.heading("Records request for 김민준")
    letter.labelled([("Name", "王芳"), ("Other name", "דוד כהן")])
    letter.paragraph("प्रिया शर्मा · محمد")
    text = flat(pypdf.PdfReader(io.BytesIO(letter.output())).pages[0].extract_text())
    for word in ("김민준", "王芳", "דוד", "כהן"):
        assert word in text


def test_which_fonts_a_text_needs() -> None:
    assert covered("Zoë Nguyễn Łukasz Ωμέγα Дмитрий") and fallbacks_for("Zoë") == []
    assert fallbacks_for("王 김 محمد") == ["NotoSansArabic-Regular.ttf", "NanumGothic-Hangul.ttf",
                                          "DroidSansFallback-CJK.ttf"]


def test_a_packet_with_fallback_fonts_is_the_same_bytes_each_time(tmp_path: Path) -> None:
    made = content(record("a"), person_name="王芳 · محمد")
    first, second = tmp_path / "one.pdf", tmp_path / "two.pdf"
    build_packet(made, first, PacketOptions())
    build_packet(made, second, PacketOptions())
    assert first.read_bytes() == second.read_bytes()
