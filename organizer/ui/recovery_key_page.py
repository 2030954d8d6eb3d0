"""The page that shows a new recovery key once, with Copy, Save as PDF and Print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.ui.error_dialog import show_error
from organizer.ui.folder_memory import choose_save_path
from organizer.ui.printing import print_sheet, printing_available
from organizer.ui.recovery_sheet import RecoverySheet, key_for_reading, save_pdf
from organizer.ui.style import explanation, heading, message_label, row_of, show_message


class RecoveryKeyPage(QWidget):
    """Shows the key; `confirmed_changed(bool)` follows the "I have saved it" check box."""

    confirmed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sheet: RecoverySheet | None = None
        self.key_label = QLabel(self)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setFont(_key_font(self.font()))
        self.key_label.setTextInteractionFlags(
            self.key_label.textInteractionFlags().TextSelectableByMouse
            | self.key_label.textInteractionFlags().TextSelectableByKeyboard
        )
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the recovery key"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setAccessibleName(self.tr("Save the recovery sheet as a PDF file"))
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery sheet"))
        if not printing_available():
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(self.tr("Printing is not available on this computer. "
                                                 "Save as PDF, then print that file."))
        self.status = message_label(self)
        self.confirm = QCheckBox(self.tr("I have &written down or saved my recovery key"), self)
        self.confirm.setAccessibleName(self.confirm.text().replace("&", ""))
        self._lay_out()
        self.copy_button.clicked.connect(self._copy)
        self.save_button.clicked.connect(self._save)
        self.print_button.clicked.connect(self._print)
        self.confirm.toggled.connect(self.confirmed_changed)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Your recovery key"), 1.4, self))
        layout.addWidget(explanation(self.tr(
            "If you ever forget your passphrase, this key is the only way to open your vault. "
            "Write it down or save it now, and keep it somewhere safe and private. "
            "It will not be shown again."), self))
        layout.addSpacing(8)
        layout.addWidget(self.key_label)
        layout.addSpacing(8)
        buttons = row_of(start=(self.copy_button, self.save_button, self.print_button))
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.confirm)

    def show_key(self, key_text: str, vault_folder: Path) -> None:
        made_on = QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat)
        self._sheet = RecoverySheet(key_text, vault_folder, made_on)
        self.key_label.setText(key_for_reading(key_text))
        self.key_label.setAccessibleDescription(" ".join(key_text))  # read out letter by letter
        self.confirm.setChecked(False)
        show_message(self.status, "")

    def forget_key(self) -> None:
        self._sheet = None
        self.key_label.clear()

    def is_confirmed(self) -> bool:
        return self.confirm.isChecked()

    def _copy(self) -> None:
        if self._sheet:
            QGuiApplication.clipboard().setText(self._sheet.key_text)
            show_message(self.status, self.tr("✓ Copied. Paste it somewhere safe, such as a "
                                              "password manager."))

    def _save(self) -> None:
        if self._sheet is None:
            return
        chosen = choose_save_path(self, self.tr("Save recovery sheet"), "recovery-sheet.pdf",
                                  self.tr("PDF files (*.pdf)"), "recovery_sheet")
        if chosen is None:
            return
        name = str(chosen)
        target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        try:
            save_pdf(self._sheet, target)
        except OSError as error:
            show_error(self, error)
            return
        show_message(self.status, self.tr("✓ Saved to {0}").format(target))

    def _print(self) -> None:
        if self._sheet is None:
            return
        try:
            printed = print_sheet(self._sheet, self)
        except OSError as error:
            show_error(self, error)
            return
        if printed:
            show_message(self.status, self.tr("✓ Sent to the printer."))


def _key_font(base: QFont) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(base.pointSizeF(), 9.0) * 1.8)
    font.setBold(True)
    return font
