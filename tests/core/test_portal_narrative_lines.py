"""The narrative as lines of text, which is what an import keeps (issue 16: tables are built only
for the readable PDF, written later)."""

from __future__ import annotations

import re

from organizer.core.intake.portal.model import Table
from organizer.core.intake.portal.narrative import narrative_blocks, narrative_lines
from organizer.core.intake.portal.read import read_portal
from organizer.core.intake.portal.safe_xml import parse_xml
from tests.portal_samples import cda

_TEXT = b"""<text xmlns="urn:hl7-org:v3">Opening words
  <paragraph><content>Taking:</content> <content ID="d1">Tamoxifen</content></paragraph>
  <list><item>First <content>item</content></item><item>Second item</item></list>
  <table><caption>Medicines</caption>
    <thead><tr><th>Drug</th><th>Dose</th></tr></thead>
    <tbody><tr><td><content>Letrozole</content><content>tablet</content></td><td>2.5 mg</td></tr>
    <tr><td>Aspirin</td><td/></tr></tbody>
  </table>
  <list><item>Results<table><tr><td>Hb</td><td>12.1</td></tr></table></item></list>
  closing tail
</text>"""


def _words(lines: tuple[object, ...]) -> list[str]:
    text = " ".join(" ".join((*b.header, *(c for r in b.rows for c in r))) if isinstance(b, Table)
                    else str(b) for b in lines)
    return re.findall(r"\w+", text)


def test_each_paragraph_list_item_and_table_row_is_its_own_line() -> None:
    assert narrative_lines(parse_xml(_TEXT)) == (
        "Opening words",
        "Taking: Tamoxifen",
        "First item", "Second item",
        "Medicines", "Drug Dose", "Letrozole tablet 2.5 mg", "Aspirin",
        "Results", "Hb 12.1",
        "closing tail",
    )


def test_the_lines_hold_the_same_words_as_the_blocks_the_readable_pdf_shows() -> None:
    """In the same order; a caption is a line too (the PDF shows it only without a header row)."""
    root = parse_xml(_TEXT)
    assert [w for w in _words(narrative_lines(root)) if w != "Medicines"] == \
        _words(narrative_blocks(root))


def test_a_table_without_rows_and_an_empty_narrative_lose_nothing() -> None:
    assert narrative_lines(parse_xml(
        b'<text xmlns="urn:hl7-org:v3"><table><tbody>Odd text</tbody></table></text>')) == ("Odd text",)
    assert narrative_lines(None) == ()
    assert narrative_lines(parse_xml(b"<text/>")) == ()


def test_an_import_reads_lines_and_the_readable_pdf_reads_tables() -> None:
    data = cda()
    quick = read_portal(data, "a.xml", "xml", tables=False).parts[0].document
    full = read_portal(data, "a.xml", "xml").parts[0].document
    assert quick is not None and full is not None
    assert all(isinstance(b, str) for s in quick.sections for b in s.blocks)
    assert [s.title for s in quick.sections] == [s.title for s in full.sections]
    assert (quick.medicines, quick.facts, quick.title) == (full.medicines, full.facts, full.title)
    assert re.findall(r"\w+", quick.text) == re.findall(r"\w+", full.text)
