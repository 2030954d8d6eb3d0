"""The text-size setting (100–200 %): scales the app's font at once, headings and all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

MIN_PERCENT, MAX_PERCENT, DEFAULT_PERCENT = 100, 200, 100
_BASE = "organizerBaseFontPoints"  # the app's own font size before any scaling
_NOW = "organizerTextPercent"


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
    ratio = percent / before
    own_fonts = [w for w in app.allWidgets() if w.testAttribute(Qt.WidgetAttribute.WA_SetFont)]
    font = QFont(app.font())
    font.setPointSizeF(float(base) * percent / 100)
    app.setFont(font)
    for widget in own_fonts:
        scaled = QFont(widget.font())
        if scaled.pointSizeF() > 0:
            scaled.setPointSizeF(scaled.pointSizeF() * ratio)
            widget.setFont(scaled)
    if app.styleSheet():  # widgets styled by the app's sheet keep their old font until re-polished
        app.setStyleSheet(app.styleSheet())
    app.setProperty(_NOW, percent)
