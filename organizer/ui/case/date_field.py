"""A date field that takes dates the way people type them, with a calendar button and a one-line note.

Typed text is read by the core parser (organizer.core.user_dates) in the date order chosen in
Settings; the note under the field says how it was read ("Read as 12 March 2024") or, on an
error, why not, and the typed text stays. Partial dates (April 2024, 2024) keep their precision.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from organizer.core.i18n import current_language
from organizer.core.user_dates import (
    DateNotRead,
    DateOrder,
    Precision,
    UserDate,
    from_stored,
    order_for_locale,
    read_date,
)

_chosen_order: DateOrder | None = None

translate = QCoreApplication.translate


def date_order() -> DateOrder:
    """The order from Settings, else the one of the system's locale (month first for en_US and C)."""
    return _chosen_order or order_for_locale(QLocale.system().name())


def set_date_order(order: DateOrder | None) -> None:
    """Use this order for two-way dates such as 3/12/2024 (None: follow the system's locale)."""
    global _chosen_order
    _chosen_order = order


def in_words(found: UserDate) -> str:
    """A date in the words of the app's language: 12 March 2024, April 2024, 2024."""
    if found.month is None:
        return str(found.year)
    if current_language() != "en":  # "23 de abril de 1961", from the core's catalogue
        return found.words()
    day = QDate(found.year, found.month, found.day or 1)
    return QLocale().toString(day, "d MMMM yyyy" if found.day is not None else "MMMM yyyy")


def shown_date(stored: str) -> str:
    """A stored date for lists and tables: days as stored (2024-03-12), partial ones in words."""
    found = from_stored(stored)
    if found is None or found.precision is Precision.DAY:
        return stored
    return in_words(found)


def _words_locale() -> QLocale:
    """The locale of the app's language (month names), not the system's."""
    code = current_language()
    return QLocale() if code == "en" else QLocale(code)


def why_not(error: DateNotRead) -> str:
    """The one-line reason, in the app's language."""
    values = error.values
    if error.reason == "month" and values:
        return translate("DateField", "This is not a date: there is no month {0}.").format(values[0])
    if error.reason == "day" and len(values) == 4:
        month = _words_locale().standaloneMonthName(int(values[1]))
        return translate("DateField", "This is not a date: {0} {1} has {2} days.").format(
            month, values[2], values[3])
    if error.reason == "year" and values:
        return translate("DateField", "The year {0} is too far away. Please check it.").format(values[0])
    if error.reason == "need_day":
        return translate("DateField", "Please give the day too, for example 12 March 2024.")
    return translate("DateField", "We could not read this as a date. Try 23 April 1958, "
                                  "04/23/1958 or April 2024.")


def calendar_icon(size: int = 16) -> QIcon:
    """A small drawn calendar (no font glyph needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(Qt.GlobalColor.darkGray, 1.2))
    painter.drawRect(QRectF(1.5, 2.5, size - 3, size - 4))
    painter.fillRect(QRectF(1.5, 2.5, size - 3, 3.5), Qt.GlobalColor.darkGray)
    for row in range(2):
        for column in range(3):
            painter.drawPoint(QPointF(4.5 + column * 3.5, 9 + row * 3))
    painter.end()
    return QIcon(pixmap)


class DateLineEdit(QLineEdit):
    """A line edit for one date with a calendar button inside it (the button takes no focus).

    `picked` is emitted when a day was chosen in the calendar (the text is then that day).
    """

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 3/12/2024, April 2024"))
        self.calendar_action = QAction(calendar_icon(), self.tr("Choose from a calendar"), self)
        self.calendar_action.setToolTip(self.tr("Choose from a calendar (Alt+Down)"))
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        for button in self.findChildren(QToolButton):  # the button Qt made for the action
            button.setAccessibleName(self.calendar_action.text())
        self.calendar_action.triggered.connect(self.open_calendar)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if ((event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier)
                or event.key() == Qt.Key.Key_F4):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def reading(self) -> UserDate | None:
        """The date typed (None when empty); raises DateNotRead."""
        if not self.text().strip():
            return None
        return read_date(self.text(), date_order()).date

    def open_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setObjectName("dateCalendar")
        calendar.setGridVisible(True)
        try:
            current = self.reading()
        except DateNotRead:
            current = None
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month or 1, current.day or 1))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)
        calendar.activated.connect(lambda day: self._chosen(day, menu))
        calendar.clicked.connect(lambda day: self._chosen(day, menu))
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setFocus()

    def _chosen(self, day: QDate, menu: QMenu) -> None:
        menu.close()
        self.setText(in_words(UserDate(day.year(), day.month(), day.day())))
        self.setFocus()
        self.picked.emit()


class DateField(QWidget):
    """A date as people type it, the calendar button, and a note saying how it was read.

    `value` is what to store: the last date that could be read ("" for none); `edited` is emitted
    when the person changed it (typing or the calendar). While the text cannot be read it stays
    in the field, `value` keeps the last good date and `problem` says why.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, day_needed: bool = False) -> None:
        super().__init__(parent)
        self.day_needed = day_needed  # e.g. a date of birth: April 1958 is not enough
        self.line = DateLineEdit(self)
        self.note = QLabel(self)
        self.note.setObjectName("dateNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(False)  # one line: wrapping inside scroll areas can loop the layout
        font = self.note.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.note.setFont(font)
        # The note's line is always there: a field that grew and shrank while typing would make
        # scroll areas around it re-lay out their wrapped labels on every key.
        # Nor does its width follow the text (that would resize the panels beside it on each key).
        self.note.setFixedHeight(self.note.fontMetrics().height() + 2)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.note)
        self.setFocusProxy(self.line)
        self.value = ""
        self.problem = ""
        self.line.textEdited.connect(self._typed)
        self.line.picked.connect(self._typed)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def text(self) -> str:
        return self.line.text()

    def set_value(self, stored: str) -> None:
        """Show a stored date (unless the text typed already means it, or is still being fixed)."""
        if self.problem and stored == self.value:
            return  # the typed text stays with its explanation until it is corrected
        self.value = stored
        self.problem = ""
        if self._read_quietly() == stored:
            return  # the text typed means this: it stays, with its "Read as" note
        self.line.setText(shown_date(stored))
        self._say("")

    def clear(self) -> None:
        self.set_value("")

    def _read_quietly(self) -> str | None:
        try:
            found = self.line.reading()
        except DateNotRead:
            return None
        return found.iso if found else ""

    def _typed(self) -> None:
        try:
            found = self.line.reading()
            if found is not None and self.day_needed and found.precision is not Precision.DAY:
                raise DateNotRead("day needed", "need_day", found.iso)
        except DateNotRead as error:
            self.problem = why_not(error)
            self._say("⚠ " + self.problem, error=True)
        else:
            self.problem = ""
            self.value = found.iso if found else ""
            self._say(self.tr("Read as {0}").format(in_words(found)) if found else "")
        self.edited.emit()

    def _say(self, text: str, error: bool = False) -> None:
        self.note.setText(text)
        self.note.setProperty("role", "error" if error else "")
        self.note.setAccessibleName(text)
        self.line.setToolTip(text)
        self.note.setToolTip(text)  # the note is one line: a long reason can be read in full here
