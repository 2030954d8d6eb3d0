"""Reading a record off the GUI thread and showing it, turned as the person chose, in a preview pane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from organizer.core.page_rotation import turned_pdf
from organizer.core.record_row import RecordRow
from organizer.ui.page import VaultPage
from organizer.ui.records.preview import PreviewPane


def load_preview(page: VaultPage, pane: PreviewPane, row: RecordRow,
                 still_wanted: Callable[[], str | None]) -> None:
    """Show `row` in `pane` once read, unless another record is wanted by then (`still_wanted`)."""
    pane.show_message(QCoreApplication.translate("RecordsPage", "Opening the record…"))
    wanted = row.preview_key

    def read(data: bytes) -> None:
        if still_wanted() == wanted:
            pane.show_pdf(data, None if row.rotation else row.preview_password)

    def failed(error: BaseException) -> None:
        if still_wanted() == wanted:
            pane.show_message(QCoreApplication.translate(
                "RecordsPage", "This record could not be opened: %1").replace("%1", str(error)))

    def work() -> bytes:
        data = page.session.shown_pdf(row.id)  # a portal record's readable PDF: written now
        return turned_pdf(data, row.rotation, row.preview_password)  # in memory only, never on disk

    page.run_in_background(work, read, failed)
