"""Full-text search on the Records page: the table keeps rows whose text holds the words typed,
shows where (a snippet under way of the title, matched words in bold), and runs the search off
the window's thread a moment after typing stops."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from organizer.core.record_row import RecordRow
from organizer.core.records import RecordType
from organizer.core.safe_text import printable
from organizer.core.search import Hit, SearchResult, search_records
from organizer.core.session import Session
from organizer.ui.records.table_model import ROW_ROLE, TITLE, UNSURE, RecordsFilterProxy
from organizer.ui.workers import run_in_background

if TYPE_CHECKING:  # the table and the preview import this module
    from organizer.ui.records.preview import PreviewPane
    from organizer.ui.records.table_panel import RecordsTable

HIT_ROLE = Qt.ItemDataRole.UserRole + 3
WAIT_MS = 250  # after the last key press: a word is not looked for at every letter
_Index = QModelIndex | QPersistentModelIndex


class FullTextProxy(RecordsFilterProxy):
    """The records filter, plus rows whose text holds every word (found by the search index)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: dict[str, Hit] = {}

    def set_hits(self, hits: dict[str, Hit]) -> None:
        self.beginFilterChange()
        self._hits = hits
        self.endFilterChange(RecordsFilterProxy.Direction.Rows)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, TITLE))

    def hit(self, doc_id: str) -> Hit | None:
        return self._hits.get(doc_id)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if super().filterAcceptsRow(source_row, source_parent):
            return True
        model = self.sourceModel()
        row = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        return isinstance(row, RecordRow) and row.id in self._hits and self._type_allows(row)

    def _type_allows(self, row: RecordRow) -> bool:
        wanted = self._type
        if wanted == UNSURE:
            return row.type is None
        return not isinstance(wanted, RecordType) or row.type is wanted

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self._hit_at(index) if index.isValid() and index.column() == TITLE else None
        if found is not None and found.snippet:
            if role == HIT_ROLE:
                return found
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                title = super().data(index, Qt.ItemDataRole.DisplayRole)
                return f"{title}\n{where_found(found)}"
        return super().data(index, role)

    def _hit_at(self, index: _Index) -> Hit | None:
        row = super().data(index, ROW_ROLE)
        return self._hits.get(row.id) if isinstance(row, RecordRow) else None


class SnippetDelegate(QStyledItemDelegate):
    """Draws a found record's title, then its snippet in a softer colour with the words in bold."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        found = index.data(HIT_ROLE)
        if not isinstance(found, Hit):
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title, item.text = item.text, ""
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, item.widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        strong = item.palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        soft = _blend(strong, item.palette.color(QPalette.ColorRole.Highlight if selected
                                                 else QPalette.ColorRole.Base))
        painter.save()
        painter.setClipRect(area)
        half = QFontMetrics(item.font).elidedText(title, Qt.TextElideMode.ElideRight,
                                                 area.width() // 2)  # leave room for the snippet
        parts = [(half + "   ", False, strong),
                 (self.tr("p. %1: ").replace("%1", str(found.page)), False, soft)]
        parts += [(text, bold, strong if bold else soft) for text, bold in _pieces(found)]
        _draw_line(painter, item.font, area.adjusted(3, 0, -3, 0), parts)
        painter.restore()


def where_found(found: Hit) -> str:
    """The page a search found words on, and the words around them: Page 3: “… words …”."""
    return QCoreApplication.translate("FullTextSearch", "Page %1: “%2”").replace(
        "%1", str(found.page)).replace("%2", printable(found.snippet))


def _blend(a: QColor, b: QColor) -> QColor:
    """Two thirds of `a`, one third of `b`: softer than the text, still easy to read."""
    return QColor((2 * a.red() + b.red()) // 3, (2 * a.green() + b.green()) // 3,
                  (2 * a.blue() + b.blue()) // 3)


def _pieces(found: Hit) -> list[tuple[str, bool]]:
    """The snippet cut into plain and matched (bold) stretches, from the word before the first
    match (a narrow column must still show the words found)."""
    text = printable(found.snippet)
    pieces, at = [], 0
    if found.marks and found.marks[0][0] > 16:
        kept = text[: found.marks[0][0]].rstrip().rsplit(" ", 1)[-1]
        at = text.rfind(kept, 0, found.marks[0][0])
        pieces.append(("…", False))
    for start, end in found.marks:
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    return [*pieces, (text[at:], False)]


def _draw_line(painter: QPainter, font: QFont, area: Any, parts: list[tuple[str, bool, QColor]]) -> None:
    x, right = area.left(), area.right()
    for text, bold, color in parts:
        if not text or x >= right:
            continue
        shown = QFont(font)
        shown.setBold(bold)
        metrics = QFontMetrics(shown)
        width = metrics.horizontalAdvance(text)
        if x + width > right:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
            width = right - x
        painter.setFont(shown)
        painter.setPen(color)
        painter.drawText(x, area.top(), width + 1, area.height(),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        x += width


class FullTextSearch(QObject):
    """Runs what is typed in the search box against the vault's encrypted index, in the background.

    `finished(count)` tells how many records hold the words (-1: nothing to look for).
    """

    finished = Signal(int)

    def __init__(self, session: Session, proxy: FullTextProxy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.proxy = session, proxy
        self.person_id: str | None = None
        self._text = ""
        self._request = 0
        self.running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WAIT_MS)
        self._timer.timeout.connect(self.run)

    def follow_in(self, table: RecordsTable, preview: PreviewPane) -> None:
        """Keep `preview` on the page where the words are, for the record chosen in `table`."""
        def show(*_: object) -> None:
            row = table.current_row()
            preview.show_found(self.proxy.hit(row.id) if row is not None else None)

        for signal in (table.current_changed, self.proxy.modelReset, self.proxy.dataChanged):
            signal.connect(show)

    def text_changed(self, text: str) -> None:
        self._text = text
        self._timer.start()

    def run(self) -> None:
        """Search now (also after the records changed: an import, an edit)."""
        self._timer.stop()
        self._request += 1
        if not self._text.strip() or not self.session.is_open:
            self.running = False
            self.proxy.set_hits({})
            self.finished.emit(-1)
            return
        request, text, person = self._request, self._text, self.person_id
        self.running = True
        run_in_background(self, lambda: self.session.call(search_records, text, person=person),
                          lambda result: self._found(request, result),
                          lambda _error: self._found(request, None))

    def clear(self) -> None:
        self._text = ""
        self.run()

    def _found(self, request: int, result: object) -> None:
        if request != self._request:
            return  # an older search: the words have changed since
        self.running = False
        hits = result.hits if isinstance(result, SearchResult) else ()
        self.proxy.set_hits({hit.id: hit for hit in hits})
        self.finished.emit(len(hits) if isinstance(result, SearchResult) and not result.message
                           else -1)
