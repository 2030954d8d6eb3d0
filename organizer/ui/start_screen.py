"""The start screen: create a vault, open one, pick a recently opened folder, or try the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.ui.recent_vaults import folder_description
from organizer.ui.style import big_button, explanation, heading, row_of

_PATH_ROLE = Qt.ItemDataRole.UserRole


class StartScreen(QWidget):
    """Emits what the user chose; the main window decides what happens next."""

    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(object)  # Path
    recent_forgotten = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.create_button = big_button(self.tr("&Create a vault"), self)
        self.create_button.setAccessibleName(self.tr("Create a vault"))
        self.create_button.setAccessibleDescription(self.tr("Start a new, locked folder for "
                                                            "your medical records."))
        self.open_button = big_button(self.tr("&Open a vault"), self)
        self.open_button.setAccessibleName(self.tr("Open a vault"))
        self.open_button.setAccessibleDescription(self.tr("Open a vault you made before."))
        self.demo_button = QPushButton(self.tr("&Try the demo"), self)
        self.demo_button.setAccessibleName(self.tr("Try the demo"))
        self.demo_button.setAccessibleDescription(self.tr(
            "Open a vault of made-up records to look around. Nothing of yours goes in it."))
        self.demo_note = explanation(self.tr(
            "New here? Try the demo first: it opens a vault of made-up records so you can see "
            "how everything works."), self)
        self.recent_label = QLabel(self.tr("&Recently opened vault folders:"), self)
        self.recent_list = QListWidget(self)
        self.recent_list.setAccessibleName(self.tr("Recently opened vault folders"))
        self.recent_label.setBuddy(self.recent_list)
        self.open_recent_button = QPushButton(self.tr("Open &selected"), self)
        self.open_recent_button.setAccessibleName(self.tr("Open the selected vault folder"))
        self.forget_button = QPushButton(self.tr("Remove from &list"), self)
        self.forget_button.setAccessibleName(self.tr("Remove the selected folder from this list"))
        self._lay_out()
        self.create_button.clicked.connect(self.create_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent_list.itemActivated.connect(self._chosen)
        self.open_recent_button.clicked.connect(lambda: self._chosen(self.recent_list.currentItem()))
        self.forget_button.clicked.connect(self._forget)

    def _lay_out(self) -> None:
        buttons = row_of(start=(self.create_button, self.open_button))
        demo = row_of(start=(self.demo_button,))
        recent_buttons = row_of(start=(self.open_recent_button, self.forget_button))
        column = QVBoxLayout()
        column.addSpacing(self.fontMetrics().height() * 2)
        column.addWidget(heading(self.tr("Second Opinion Organizer"), 2.0, self))
        column.addWidget(explanation(self.tr(
            "Keep your medical records together in one safe place on this computer, and get "
            "them ready for a second-opinion doctor. Everything stays locked on this computer "
            "unless you choose to share it."), self))
        column.addSpacing(self.fontMetrics().height())
        column.addLayout(buttons)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.demo_note)
        column.addLayout(demo)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.recent_label)
        column.addWidget(self.recent_list)
        column.addLayout(recent_buttons)
        column.addStretch(1)
        self.recent_list.setMaximumHeight(self.fontMetrics().height() * 9)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        self.setTabOrder(self.create_button, self.open_button)
        self.setTabOrder(self.open_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.recent_list)
        self.setTabOrder(self.recent_list, self.open_recent_button)
        self.setTabOrder(self.open_recent_button, self.forget_button)

    def show_recent(self, folders: list[Path], app_folder: Path | None = None) -> None:
        """List recent vault folders by a friendly name (the full path is in the tooltip)."""
        self.recent_list.clear()
        for folder in folders:
            item = QListWidgetItem(folder_description(folder, app_folder), self.recent_list)
            item.setData(_PATH_ROLE, str(folder))
            item.setToolTip(str(folder))
        has_any = bool(folders)
        for widget in (self.recent_label, self.recent_list, self.open_recent_button,
                       self.forget_button):
            widget.setVisible(has_any)
        self.demo_note.setVisible(not has_any)  # first run: point to the demo
        if has_any:
            self.recent_list.setCurrentRow(0)

    def focus_first_choice(self) -> None:
        """After Lock, or at start: "Open selected" when a vault was used before, else Create."""
        if self.recent_list.count():
            self.open_recent_button.setDefault(True)
            self.open_recent_button.setFocus()
        else:
            self.open_recent_button.setDefault(False)
            self.create_button.setFocus()

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.recent_chosen.emit(Path(item.data(_PATH_ROLE)))

    def _forget(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None:
            self.recent_forgotten.emit(Path(item.data(_PATH_ROLE)))
