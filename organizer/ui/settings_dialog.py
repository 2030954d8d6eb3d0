"""The app's settings (idle lock, email size limit, language, text size) and the dialog to change them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from organizer.core.packet import EMAIL_LIMIT_20_MB, EMAIL_LIMIT_25_MB
from organizer.core.user_dates import DateOrder
from organizer.ui.language import FOLLOW_SYSTEM, LANGUAGES, store_language, stored_language
from organizer.ui.style import explanation, heading
from organizer.ui.text_size import DEFAULT_PERCENT, MAX_PERCENT, MIN_PERCENT, apply_text_size, clamp

IDLE_KEY = "lock/idle_seconds"
LIMIT_KEY = "packet/email_limit_bytes"
TEXT_SIZE_KEY = "view/text_size_percent"
DATE_ORDER_KEY = "dates/order"
translate = QCoreApplication.translate
DEFAULT_IDLE_SECONDS = 10 * 60.0
LIMITS = (0, EMAIL_LIMIT_20_MB, EMAIL_LIMIT_25_MB)  # 0: no limit; anything else: custom



class AppSettings:
    """Numbers only, in QSettings: no names, no record data."""

    def __init__(self, settings: QSettings) -> None:
        self.store = settings

    @property
    def idle_seconds(self) -> float:
        """Lock after this long without input; 0 = never."""
        return _number(self.store.value(IDLE_KEY, DEFAULT_IDLE_SECONDS), DEFAULT_IDLE_SECONDS)

    @idle_seconds.setter
    def idle_seconds(self, seconds: float) -> None:
        self.store.setValue(IDLE_KEY, max(0.0, float(seconds)))
        self.store.sync()

    @property
    def email_limit(self) -> int | None:
        """The default packet size limit in bytes; None = one file, whatever its size."""
        value = int(_number(self.store.value(LIMIT_KEY, 0), 0))
        return value if value >= 100_000 else None

    @email_limit.setter
    def email_limit(self, limit: int | None) -> None:
        self.store.setValue(LIMIT_KEY, int(limit or 0))
        self.store.sync()

    @property
    def text_size(self) -> int:
        """Text size in percent of normal (100–200)."""
        return clamp(_number(self.store.value(TEXT_SIZE_KEY, DEFAULT_PERCENT), DEFAULT_PERCENT))

    @text_size.setter
    def text_size(self, percent: int) -> None:
        self.store.setValue(TEXT_SIZE_KEY, clamp(percent))
        self.store.sync()

    @property
    def language(self) -> str:
        """A language code ("en", "es"), or "" to follow the computer's language."""
        return stored_language(self.store)

    @language.setter
    def language(self, code: str) -> None:
        store_language(self.store, code)

    @property
    def date_order(self) -> DateOrder | None:
        """How 3/12/2024 is read: month first, day first, or None to follow the computer."""
        value = str(self.store.value(DATE_ORDER_KEY, "") or "")
        return DateOrder(value) if value in DateOrder._value2member_map_ else None

    @date_order.setter
    def date_order(self, order: DateOrder | None) -> None:
        self.store.setValue(DATE_ORDER_KEY, DateOrder(order).value if order else "")
        self.store.sync()


def _number(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


class SizeLimitChooser(QWidget):
    """No limit / 20 MB / 25 MB / a custom number of MB."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Size limit"))
        for text in (self.tr("No limit: one file"), self.tr("20 MB (Outlook and most others)"),
                     self.tr("25 MB (Gmail, Yahoo)"), self.tr("Another size…")):
            self.choice.addItem(text)
        self.custom = QDoubleSpinBox(self)
        self.custom.setAccessibleName(self.tr("Size limit in megabytes"))
        self.custom.setRange(0.5, 2000.0)
        self.custom.setDecimals(1)
        self.custom.setSuffix(" MB")
        self.custom.setValue(10.0)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.choice)
        layout.addRow(self.custom)
        self.choice.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.custom.setVisible(self.choice.currentIndex() == len(LIMITS))

    def limit(self) -> int | None:
        index = self.choice.currentIndex()
        if index == len(LIMITS):
            return int(self.custom.value() * 1_000_000)
        return LIMITS[index] or None

    def set_limit(self, limit: int | None) -> None:
        if (limit or 0) in LIMITS:
            self.choice.setCurrentIndex(LIMITS.index(limit or 0))
        else:
            self.choice.setCurrentIndex(len(LIMITS))
            self.custom.setValue((limit or 0) / 1_000_000)


class SettingsDialog(QDialog):
    """Changes are stored when the person presses OK."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.windowTitle())
        self.settings = settings
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setSpecialValueText(self.tr("Never"))
        self.idle_minutes.setAccessibleName(self.tr("Lock after this many minutes without use"))
        self.idle_minutes.setValue(round(settings.idle_seconds / 60))
        self.size_limit = SizeLimitChooser(self)
        self.size_limit.set_limit(settings.email_limit)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), FOLLOW_SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._text_size_before = settings.text_size
        self.text_size = QSpinBox(self)
        self.text_size.setRange(MIN_PERCENT, MAX_PERCENT)
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(" %")
        self.text_size.setAccessibleName(self.tr("Text size, in percent of normal"))
        self.text_size.setValue(settings.text_size)
        self.text_size.valueChanged.connect(self._show_text_size)  # at once: people see the effect
        self.date_order = date_order_choice(self, settings.date_order)
        self.language_note = explanation(self.tr(
            "The new language takes effect the next time you open the app."), self)
        self.language_note.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._lay_out()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.language.currentIndexChanged.connect(
            lambda: self.language_note.setVisible(self.language.currentData() != settings.language))

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings"), 1.4, self))
        form = QFormLayout()
        idle_label = QLabel(self.tr("&Lock the vault after:"), self)
        idle_label.setBuddy(self.idle_minutes)
        form.addRow(idle_label, self.idle_minutes)
        limit_label = QLabel(self.tr("Email &size limit for packets:"), self)
        limit_label.setBuddy(self.size_limit.choice)
        form.addRow(limit_label, self.size_limit)
        size_label = QLabel(self.tr("&Text size:"), self)
        size_label.setBuddy(self.text_size)
        form.addRow(size_label, self.text_size)
        language_label = QLabel(self.tr("Lan&guage:"), self)
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        form.addRow("", self.language_note)
        order_label = QLabel(self.tr("&Dates like 3/12/2024 mean:"), self)
        order_label.setBuddy(self.date_order)
        form.addRow(order_label, self.date_order)
        layout.addLayout(form)
        layout.addWidget(explanation(self.tr(
            "When nobody uses the app for this long, the vault locks and your records are hidden "
            "until you type your passphrase again. Colours follow your computer's light or dark "
            "setting."), self))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def accept(self) -> None:
        self.settings.idle_seconds = self.idle_minutes.value() * 60
        self.settings.email_limit = self.size_limit.limit()
        self.settings.language = str(self.language.currentData())
        self.settings.text_size = self.text_size.value()
        self.settings.date_order = self.date_order.currentData() or None
        super().accept()

    def reject(self) -> None:
        _show_text_size(self._text_size_before)  # Cancel puts the text size back
        super().reject()

    def _show_text_size(self, percent: int) -> None:
        _show_text_size(percent)
        self.adjustSize()  # this window grows (or shrinks) with its text


def _show_text_size(percent: int) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_text_size(app, percent)


def date_order_choice(parent: QWidget, current: DateOrder | None) -> QComboBox:
    """Follow the computer, month first (12 March) or day first (3 December)."""
    combo = QComboBox(parent)
    combo.setAccessibleName(translate("SettingsDialog", "How dates like 3/12/2024 are read"))
    combo.addItem(translate("SettingsDialog", "Follow this computer"), "")
    combo.addItem(translate("SettingsDialog", "Month first: March 12, 2024"), DateOrder.MONTH_FIRST)
    combo.addItem(translate("SettingsDialog", "Day first: 3 December 2024"), DateOrder.DAY_FIRST)
    combo.setCurrentIndex(max(0, combo.findData(current or "")))
    return combo
