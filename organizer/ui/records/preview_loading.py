"""Reading a record off the GUI thread and showing it in a preview pane, turned as the person chose
and each page as text recognition found it reads upright (unless the person switched that off)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from organizer.core.catalog import get_document
from organizer.core.page_rotation import turned_pdf
from organizer.core.record_row import RecordRow
from organizer.ui.page import VaultPage
from organizer.ui.records.preview import PreviewPane


def load_preview(page: VaultPage, pane: PreviewPane, row: RecordRow,
                 still_wanted: Callable[[], str | None],
                 counted: Callable[[RecordRow, RecordRow], None] | None = None) -> None:
    """Show `row` in `pane` once read, unless another record is wanted by then (`still_wanted`).
    A portal record whose readable PDF is written now goes to `counted` (row before, row after:
    with its kept PDF and page count)."""
    pane.show_opening()
    wanted = row.preview_key
    unwritten = not row.preview_file

    def read(found: tuple[bytes, bool, RecordRow | None]) -> None:
        data, turned, written = found
        if still_wanted() == wanted:
            pane.show_pdf(data, None if turned else row.preview_password)
            pane.show_page_turns(row.page_turns, row.page_turns_off)
        if written is not None and counted is not None:
            counted(row, written)

    def failed(error: BaseException) -> None:
        if still_wanted() == wanted:
            pane.show_message(QCoreApplication.translate(
                "RecordsPage", "This record could not be opened: %1").replace("%1", str(error)))

    def work() -> tuple[bytes, bool, RecordRow | None]:
        data = page.session.shown_pdf(row.id)  # a portal record's readable PDF: written now
        written = None
        if unwritten:
            document = page.session.call(get_document, row.id)
            written = replace(row, readable_file=document.readable_file, pages=document.pages)
        shown = turned_pdf(data, row.rotation, row.preview_password, row.shown_page_turns)
        return shown, shown is not data, written  # in memory only

    page.run_in_background(work, read, failed)
