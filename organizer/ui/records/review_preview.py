"""The preview beside the questions about unsure types: it shows the record asked about, and the
turns made there (whole record or pages) are saved as edits of that record."""

from __future__ import annotations

from PySide6.QtCore import QObject

from organizer.core.record_row import RecordRow
from organizer.ui.page import VaultPage
from organizer.ui.records.editor import RecordEditor
from organizer.ui.records.preview_loading import load_preview
from organizer.ui.records.type_questions import ReviewPanel


class ReviewPreview(QObject):
    """Keeps the review panel's preview on the record being asked about, turned as it is saved."""

    def __init__(self, page: VaultPage, review: ReviewPanel, editor: RecordEditor) -> None:
        super().__init__(page)
        self.page, self.review, self.editor = page, review, editor
        self._view: object = None  # the turns the preview shows
        review.preview.rotate_requested.connect(self._rotate)
        review.preview.page_turns_requested.connect(self._turn_pages)
        review.preview_wanted.connect(self.show)

    def _asked_about(self) -> str | None:
        shown = self.review.current()
        return shown.outcome.document_id if shown is not None else None

    def show(self, row: RecordRow) -> None:
        """Show `row` unless the questions have moved on to another record by the time it is read."""
        self._view = row.view
        load_preview(self.page, self.review.preview, row,
                     lambda: row.preview_key if self._asked_about() == row.id else None)

    def saved(self, row: RecordRow) -> None:
        """An edit was saved: show the record again if it is the one asked about and now turned."""
        if self._asked_about() == row.id and self._view != row.view:
            self.show(row)

    def _rotate(self, quarter_turns: int) -> None:
        doc_id = self._asked_about()
        if doc_id is not None:
            self.editor.rotate(doc_id, quarter_turns)

    def _turn_pages(self, on: bool) -> None:
        doc_id = self._asked_about()
        if doc_id is not None:
            self.editor.set_page_turns(doc_id, on)
