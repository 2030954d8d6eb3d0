"""The window shows hostile file names (line breaks, escape codes, direction overrides) neutralised."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from organizer.core.intake.importer import REJECTED, FileOutcome
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
