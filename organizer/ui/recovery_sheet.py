"""The one-page recovery sheet: drawn with QPainter into a PDF file or onto a printer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

translate = QCoreApplication.translate


@dataclass(frozen=True)
class RecoverySheet:
    """What goes on the sheet. No names and no medical information, only the key and the folder."""

    key_text: str
    vault_folder: Path
    made_on: str  # a date already formatted for the reader


def key_for_reading(key_text: str) -> str:
    """The key in two lines of four groups, easier to copy by hand than one long line."""
    groups = key_text.split("-")
    half = (len(groups) + 1) // 2
    return "  ".join(groups[:half]) + "\n" + "  ".join(groups[half:])


def _paragraphs(sheet: RecoverySheet) -> list[tuple[str, str]]:
    return [
        ("body", translate("recovery_sheet", "This key opens your Second Opinion Organizer vault "
                     "if you forget your passphrase. It is the only way back in: nobody else can reset your "
                     "passphrase for you.")),
        ("key", key_for_reading(sheet.key_text)),
        ("label", translate("recovery_sheet", "Vault folder")),
        ("body", str(sheet.vault_folder)),
        ("label", translate("recovery_sheet", "Made on")),
        ("body", sheet.made_on),
        ("label", translate("recovery_sheet", "How to use it")),
        ("body", translate("recovery_sheet", "Open the app, choose “Open a vault”, pick the vault "
                     "folder, then choose “Use my recovery key instead”. Type the key above and choose a new "
                     "passphrase.")),
        ("label", translate("recovery_sheet", "Keep it safe")),
        ("body", translate("recovery_sheet", "Anyone who has this key and your vault folder can "
                     "read your records. Keep this sheet somewhere private, such as with your "
                     "important papers. Do not keep it in the same place as the vault folder.")),
    ]


def paint_sheet(painter: QPainter, page: QRectF, sheet: RecoverySheet) -> None:
    """Lay the sheet out top to bottom inside `page` (device coordinates)."""
    dpi = painter.device().logicalDpiY()
    fonts = {
        "title": _font(18, bold=True),
        "body": _font(11),
        "label": _font(11, bold=True),
        "key": _font(20, bold=True, fixed=True),
    }
    y = page.top()
    title = translate("recovery_sheet", "Second Opinion Organizer — recovery sheet")
    y = _draw(painter, page, y, fonts["title"], title)
    y += dpi * 0.2
    for kind, text in _paragraphs(sheet):
        if kind == "label":
            y += dpi * 0.15
        if kind == "key":
            y += dpi * 0.1
            box = QRectF(page.left(), y, page.width(), dpi * 1.0)
            painter.setFont(fonts["key"])
            painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, dpi / 100)))
            painter.drawRect(box)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            y = box.bottom() + dpi * 0.1
            continue
        y = _draw(painter, page, y, fonts[kind], text)


def _draw(painter: QPainter, page: QRectF, y: float, font: QFont, text: str) -> float:
    painter.setFont(font)
    flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
    area = QRectF(page.left(), y, page.width(), page.bottom() - y)
    used = painter.boundingRect(area, flags, text)
    painter.drawText(area, flags, text)
    return used.bottom() + painter.device().logicalDpiY() * 0.05


def _font(points: float, *, bold: bool = False, fixed: bool = False) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if fixed else QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def set_up_page(device: QPagedPaintDevice) -> None:
    """A4 or US Letter (by the user's locale) with comfortable margins."""
    letter = QLocale().territory() in (QLocale.Country.UnitedStates, QLocale.Country.Canada)
    size = QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)
    margins = QMarginsF(20, 20, 20, 20)
    device.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, margins,
                                     QPageLayout.Unit.Millimeter))


def save_pdf(sheet: RecoverySheet, target: Path) -> None:
    """Write the sheet to `target` as a one-page PDF. Raises OSError if it cannot be written."""
    writer = QPdfWriter(str(target))
    writer.setResolution(300)
    writer.setTitle(translate("recovery_sheet", "Recovery sheet"))
    writer.setCreator("Second Opinion Organizer")
    set_up_page(writer)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Could not write {target}")
    try:
        page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        paint_sheet(painter, page.translated(-page.topLeft()), sheet)
    finally:
        painter.end()
    if not target.exists() or target.stat().st_size == 0:
        raise OSError(f"Could not write {target}")
