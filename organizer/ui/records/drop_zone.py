"""Where records come from: the drop zone shown before there are any, dropped files, the file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtWidgets import QFileDialog, QFrame, QVBoxLayout, QWidget

from organizer.ui.folder_memory import remember_folder, start_folder
from organizer.ui.style import big_button, explanation, heading

DROP_ZONE_STYLE = "QFrame#dropZone { border: 2px dashed palette(mid); border-radius: 0.8em; }"


class DropZone(QFrame):
    """A dashed area with a friendly sentence and a big "Add records…" button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.setStyleSheet(DROP_ZONE_STYLE)
        self.title = heading(self.tr("No records here yet"), 1.4, self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = explanation(self.tr(
            "Drag your PDFs or photos of paper records here, or choose Add records…"), self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = explanation(self.tr(
            "They are kept locked in your vault on this computer. Whole folders work too."), self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = big_button(self.tr("Add records…"), self)
        self.add_button.setAccessibleName(self.tr("Add records"))
        self.setAccessibleName(self.tr("No records yet. Drop files here."))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.hint)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)


def local_paths(mime: QMimeData) -> list[Path]:
    """The files and folders being dragged from a file manager (nothing for other drags)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def choose_record_files(parent: QWidget) -> list[Path]:
    """Ask for PDFs, pictures and portal downloads with the file dialog; [] when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("records", "Add records"), str(start_folder("records")),
        QCoreApplication.translate(
            "records", "Records (*.pdf *.PDF *.jpg *.JPG *.jpeg *.JPEG *.png *.PNG *.xml *.XML "
            "*.ccd *.ccda *.cda *.json *.ndjson *.zip *.ZIP);;"
            "PDFs and pictures (*.pdf *.PDF *.jpg *.JPG *.jpeg *.JPEG *.png *.PNG);;"
            "Patient-portal downloads (*.xml *.XML *.ccd *.ccda *.cda *.json *.ndjson *.zip *.ZIP);;"
            "All files (*)"))
    if names:
        remember_folder("records", Path(names[0]).parent)
    return [Path(name) for name in names]
