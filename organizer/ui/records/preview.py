"""The preview pane: a record's pages rendered from memory, with zoom, turning, thumbnails, "page x of N"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from organizer.core.page_rotation import PageTurns
from organizer.core.preview_copy import PreviewCopy, preview_copy
from organizer.core.search import Hit
from organizer.ui.memory_pdf import MemoryPdfDocument
from organizer.ui.records.page_turns_note import PageTurnsNote
from organizer.ui.records.thumbnails import ThumbnailModel
from organizer.ui.workers import run_in_background

MIN_ZOOM, MAX_ZOOM, ZOOM_STEP = 0.25, 6.0, 1.25


class PreviewPane(QWidget):
    """Shows one PDF held in memory. Nothing decrypted is written anywhere.

    The turn buttons only ask (`rotate_requested(quarter turns)`): the page stores the turn in
    the vault and shows the record again, turned. So does the note on pages turned upright on
    their own (`page_turns_requested(on)`).
    """

    rotate_requested = Signal(int)
    page_turns_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = MemoryPdfDocument(self)
        self._request = 0  # answers to an earlier show_pdf are dropped
        self._total_pages = 0  # pages of the whole record when only its first pages are shown
        self._fallback: PreviewCopy | None = None  # the record as given, while its pages are counted
        self._found: Hit | None = None  # what a search found in the record shown: its page and words
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.search_model = QPdfSearchModel(self)  # marks the words found, on every page
        self.search_model.setDocument(self.document)
        self.search_model.countChanged.connect(self._choose_found_word)
        self.view.setSearchModel(self.search_model)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Fit-to-width with an automatic scroll bar can flip the bar on and off forever at some
        # widths (the width changes, the zoom changes, the height crosses the view's): the event
        # loop then never rests and the window stops answering. A bar that is always there can't flip.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setAccessibleName(self.tr("Record preview"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.message = QLabel(self.tr("Choose a record in the list to see it here."), self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName(self.tr("Preview message"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        self._make_controls()
        self._make_thumbnails()
        self.turns_note = PageTurnsNote(self)
        self.turns_note.toggled.connect(self.page_turns_requested)
        self._lay_out()
        self.document.statusChanged.connect(self._status_changed)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.show_message(self.message.text())

    def _make_controls(self) -> None:
        self.page_label = QLabel(self)
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.zoom_out_button = self._button(self.tr("Zoom out"), "−", QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._button(self.tr("Zoom in"), "+", QKeySequence.StandardKey.ZoomIn)
        self.fit_button = self._button(self.tr("Fit to width"), self.tr("Fit width"), "Ctrl+0")
        self.rotate_left_button = self._button(self.tr("Turn pages to the left"), "⟲", "Ctrl+Shift+R")
        self.rotate_right_button = self._button(self.tr("Turn pages to the right"), "⟳", "Ctrl+R")
        self.rotate_left_button.clicked.connect(lambda: self.rotate_requested.emit(-1))
        self.rotate_right_button.clicked.connect(lambda: self.rotate_requested.emit(1))
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button.clicked.connect(self.fit_width)

    def _button(self, name: str, text: str, keys: QKeySequence.StandardKey | str) -> QPushButton:
        button = QPushButton(text, self)
        button.setProperty("compact", True)  # a row of small tool buttons: narrow screens too
        button.setAccessibleName(name)
        shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{name} ({shortcut})")
        return button

    def _make_thumbnails(self) -> None:
        height = self.fontMetrics().height() * 7
        self.thumbnail_model = ThumbnailModel(self.document, height, self)
        self.thumbnails = QListView(self)
        self.thumbnails.setModel(self.thumbnail_model)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setIconSize(QSize(height, height))
        self.thumbnails.setFixedHeight(height + self.fontMetrics().height() * 2 + 8)
        self.thumbnails.setAccessibleName(self.tr("Page thumbnails"))
        self.thumbnails.clicked.connect(self._thumbnail_chosen)
        self.thumbnails.activated.connect(self._thumbnail_chosen)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.page_label, 1)
        for button in (self.rotate_left_button, self.rotate_right_button, self.zoom_out_button,
                       self.zoom_in_button, self.fit_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.turns_note)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.thumbnails)

    # --- showing -------------------------------------------------------------------------

    def show_pdf(self, data: bytes, password: str | None = None) -> None:
        """Show a PDF given as bytes; it is read from memory (a QBuffer), never from a file.

        Its pages are counted off the window's thread first: a huge record is shown as a copy
        of its first pages (core.preview_copy), so the window never freezes laying it out.
        """
        self.show_opening()
        request = self._request
        self._fallback = PreviewCopy(data, password, 0, 0)
        run_in_background(self, lambda: (request, preview_copy(data, password)),
                          self._copy_made, self._copy_failed)

    def _copy_made(self, answer: tuple[int, PreviewCopy]) -> None:
        request, copy = answer
        if request == self._request:
            self._show_copy(copy)

    def _copy_failed(self, _: Exception) -> None:
        if self._fallback is not None:  # show the record as it is; the viewer says if it cannot
            self._show_copy(self._fallback)

    def _show_copy(self, copy: PreviewCopy) -> None:
        self._fallback = None
        self._total_pages = copy.total_pages if copy.trimmed else 0
        self.document.load_bytes(copy.data, copy.password)
        self._page_changed(max(0, self.view.pageNavigator().currentPage()))

    def show_page_turns(self, turns: PageTurns, off: bool) -> None:
        """Say which pages were turned upright on their own (call after show_pdf)."""
        self.turns_note.show_turns(turns, off)

    def show_opening(self) -> None:
        """Say a record is on its way; the page strip stays, so moving between records does not
        make the pane jump."""
        self.show_message(self.tr("Opening the record…"), opening=True)

    def show_message(self, text: str, *, opening: bool = False) -> None:
        """Show a sentence instead of a record (nothing chosen, or a problem): no page strip."""
        self.thumbnails.setVisible(opening and self.thumbnails.isVisibleTo(self))
        self._request += 1
        self.turns_note.clear()
        self._total_pages = 0
        self._fallback = None
        self.document.unload()
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self._set_controls_enabled(False)
        self.page_label.setText("")

    def clear(self) -> None:
        self.show_found(None)
        self.show_message(self.tr("Choose a record in the list to see it here."))

    def show_found(self, found: Hit | None) -> None:
        """Go to the page where a search found the words, and mark them (now, or once open)."""
        if found == self._found:
            return
        self._found = found
        if self.document.status() == QPdfDocument.Status.Ready:
            self._go_to_found()

    def _go_to_found(self) -> None:
        found = self._found
        first = found.marks[0] if found is not None and found.marks else None
        self.search_model.setSearchString(found.snippet[first[0]:first[1]] if found and first else "")
        if found is not None and self.document.pageCount() > 0:
            page = min(found.page, self.document.pageCount()) - 1
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
            self._choose_found_word()

    def _choose_found_word(self) -> None:
        """Make the first match on the found page the current one (drawn more strongly)."""
        if self._found is None:
            return
        for number in range(self.search_model.rowCount(QModelIndex())):
            if self.search_model.resultAtIndex(number).page() == self._found.page - 1:
                self.view.setCurrentSearchResultIndex(number)
                return

    def _status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.stack.setCurrentWidget(self.view)
            self.thumbnails.show()
            self._set_controls_enabled(True)
            self.fit_width()
            self._page_changed(0)
            self._go_to_found()
        elif status == QPdfDocument.Status.Error:
            self.show_message(self.tr(
                "This record cannot be shown here. It is still safe in your vault, and it will "
                "still go into the packet if you keep it there."))

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.thumbnails,
                       self.rotate_left_button, self.rotate_right_button):
            widget.setEnabled(enabled)

    def _page_changed(self, page: int) -> None:
        pages = self.document.pageCount()
        if pages <= 0:
            self.page_label.setText("")
            return
        text = self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(pages))
        if self._total_pages:
            text = self.tr("Page %1 of the first %2 (of %3 pages; the whole record is kept and "
                           "goes into the packet)").replace("%1", str(page + 1)).replace(
                "%2", str(pages)).replace("%3", f"{self._total_pages:,}")
        self.page_label.setText(text)
        self.page_label.setAccessibleDescription(text)
        self.thumbnails.setCurrentIndex(self.thumbnail_model.index(page))

    def _thumbnail_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.view.pageNavigator().jump(index.row(), QPointF(), self.view.zoomFactor())

    def shortcuts_for(self, area: QWidget) -> list[QAction]:
        """Zoom keys (Ctrl++, Ctrl+-, Ctrl+0) that work wherever the focus is inside `area`."""
        keys: list[tuple[list[QKeySequence], Callable[[], None]]] = [
            ([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")], self.zoom_in),
            ([QKeySequence(QKeySequence.StandardKey.ZoomOut)], self.zoom_out),
            ([QKeySequence("Ctrl+0")], self.fit_width),
            ([QKeySequence("Ctrl+R")], lambda: self._ask_rotation(1)),
            ([QKeySequence("Ctrl+Shift+R")], lambda: self._ask_rotation(-1)),
        ]
        actions = []
        for sequences, slot in keys:
            action = QAction(area)
            action.setShortcuts(sequences)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            area.addAction(action)
            actions.append(action)
        return actions

    def _ask_rotation(self, quarter_turns: int) -> None:
        if self.rotate_right_button.isEnabled():
            self.rotate_requested.emit(quarter_turns)

    # --- zoom ----------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._set_zoom(self._effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _set_zoom(self, factor: float) -> None:
        if self.document.status() != QPdfDocument.Status.Ready:
            return
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, factor)))

    def _effective_zoom(self) -> float:
        """The zoom shown now; in "fit width" mode the view does not report it, so work it out."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return float(self.view.zoomFactor())
        page = max(0, self.view.pageNavigator().currentPage())
        points = self.document.pagePointSize(page)
        if points.width() <= 0:
            return 1.0
        page_pixels = points.width() / 72 * self.view.logicalDpiX()
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return max(MIN_ZOOM, usable / page_pixels)
