"""The text-size setting (100–200 %): scales the app's font at once, headings and all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

MIN_PERCENT, MAX_PERCENT, DEFAULT_PERCENT = 100, 200, 100
_BASE = "organizerBaseFontPoints"  # the app's own font size before any scaling
_NOW = "organizerTextPercent"
_OWN = "organizerOwnFontPoints"  # a widget's own font size (e.g. a heading's) at 100 %


def clamp(percent: float) -> int:
    return int(min(MAX_PERCENT, max(MIN_PERCENT, round(percent))))


def current_percent(app: QApplication) -> int:
    value = app.property(_NOW)
    return int(value) if value else DEFAULT_PERCENT


def apply_text_size(app: QApplication, percent: float) -> None:
    """Make all text `percent` of its normal size, now: the app font and the fonts widgets set
    themselves (headings), which do not follow the app font on their own."""
    percent = clamp(percent)
    before = current_percent(app)
    if percent == before:
        return
    base = app.property(_BASE)
    if not base:
        base = QFont(app.font()).pointSizeF()
        app.setProperty(_BASE, base)
    own_fonts = {w: float(w.property(_OWN) or w.font().pointSizeF() * 100 / before)
                 for w in app.allWidgets()
                 if w.property(_OWN) or w.testAttribute(Qt.WidgetAttribute.WA_SetFont)}
    font = QFont(app.font())
    font.setPointSizeF(float(base) * percent / 100)
    app.setFont(font)
    if app.styleSheet():  # widgets styled by the app's sheet keep their old font until re-polished
        app.setStyleSheet(app.styleSheet())
    for widget, normal in own_fonts.items():  # headings: their own size, at this percent
        widget.setProperty(_OWN, normal)
        scaled = QFont(widget.font())
        scaled.setPointSizeF(normal * percent / 100)
        widget.setFont(scaled)
    app.setProperty(_NOW, percent)
