"""The window shows hostile file names (line breaks, escape codes, direction overrides) neutralised."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from organizer.core.intake.importer import IMPORTED, REJECTED, FileOutcome
from organizer.core.record_row import RecordRow
from organizer.ui.records.import_dialogs import ImportSummaryDialog
from organizer.ui.records.table_model import TITLE, RecordsTableModel

HOSTILE = "scan\n\x1b[2J\u202efdp.exe"
_ROW = RecordRow("a" * 32, HOSTILE, None, "", "", "", "", 1, "", False, False, False, 0.0, (), (),
                 ("Name on record: Jane\u202eeoD",), "", "", None)


def _neutral(text: str) -> bool:
    return not any(bad in text for bad in ("\n", "\x1b", "\u202e"))


def test_table_cells_and_tips_show_the_name_escaped(qtbot: QtBot) -> None:
    model = RecordsTableModel()
    model.set_rows([_ROW, replace(_ROW, id="b" * 32, title="Path\u202ereport")])
    for row in range(2):
        for role in (0, 3):  # DisplayRole, ToolTipRole
            text = model.data(model.index(row, TITLE), role)
            assert _neutral(text) and "\\u202e" in text
    assert "\\u202eeoD" in model.data(model.index(0, 4), 3)  # warnings in the status tip


def test_the_import_summary_shows_the_name_escaped(qtbot: QtBot) -> None:
    dialog = ImportSummaryDialog([FileOutcome(f"/tmp/{HOSTILE}.pdf", REJECTED, "Not a PDF.")])
    qtbot.addWidget(dialog)
    [line] = dialog.lines()
    name_line = line.split("\n")[0]
    assert _neutral(name_line) and "\\u202efdp.exe.pdf" in name_line


def test_the_import_summary_says_what_to_check_about_a_file_escaped(qtbot: QtBot) -> None:
    mismatch = 'The name printed on this record ("Jane\u202eeoD") does not match Robin Sample.'
    dialog = ImportSummaryDialog([
        FileOutcome("/tmp/ccd.xml", IMPORTED, "Imported as Other record.", warnings=(mismatch,)),
        FileOutcome("/tmp/path.pdf", IMPORTED, "Imported as Pathology report (2 pages).")])
    qtbot.addWidget(dialog)
    checked, plain = dialog.lines()
    name_line, said, warning = checked.split("\n")
    assert name_line == "Imported — ccd.xml" and said == "Imported as Other record."
    assert warning.startswith("⚠ The name printed on this record") and "Robin Sample" in warning
    assert _neutral(warning) and "\\u202eeoD" in warning
    assert plain.count("\n") == 1 and "⚠" not in plain  # nothing to check: no warning line
