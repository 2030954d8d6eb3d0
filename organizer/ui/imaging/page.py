"""The Imaging page: add a disc (button or drop), see its studies and series, copy them to a drive."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from organizer.core.imaging.entities import EXPORT, INSTANCE, SERIES, STUDY
from organizer.core.imaging.export import ExportResult, export_file_set
from organizer.core.imaging.importer import ImagingImportOptions, ImagingImportResult, import_disc
from organizer.core.imaging.inventory import SeriesSummary, StudySummary, studies
from organizer.core.imaging.preview import preview_png
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.case.case_page import CasePage
from organizer.ui.error_dialog import show_error
from organizer.ui.imaging.progress import WorkBar
from organizer.ui.imaging.reports import export_message, import_message
from organizer.ui.imaging.study_tree import PREVIEW_SIDE, StudyTree
from organizer.ui.records.drop_zone import local_paths
from organizer.ui.style import explanation, heading, message_label, row_of, show_message


class ImagingPage(CasePage):
    """Imaging discs for the chosen person: "Add imaging disc…", drop a disc folder, copy to USB."""

    shows = frozenset({STUDY, SERIES, INSTANCE, EXPORT})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("imagingPage")
        self.setAcceptDrops(True)
        self.add_button = QPushButton(self.tr("&Add imaging disc…"), self)
        self.add_button.setObjectName("addImagingDisc")
        self.add_button.setToolTip(self.tr("Choose the disc drive, or a folder copied from a disc"))
        self.zip_button = QPushButton(self.tr("From a &zip file…"), self)
        self.copy_button = QPushButton(self.tr("&Copy imaging to a USB drive…"), self)
        self.copy_button.setObjectName("copyImaging")
        self.bar = WorkBar(self)
        self.message = message_label(self)
        self.message.setObjectName("imagingMessage")
        self.empty = explanation(self.tr("No imaging yet. Put a disc from the hospital in the "
                                         "drive and choose Add imaging disc…, or drag the disc's "
                                         "folder here."), self)
        self.tree = StudyTree(self)
        self.shown = QStackedWidget(self)  # the list, or a sentence while there is nothing yet
        self.add_button.clicked.connect(self.choose_disc)
        self.zip_button.clicked.connect(self.choose_zip)
        self.copy_button.clicked.connect(self.choose_drive)
        self.tree.wants_previews.connect(self._load_previews)
        self._lay_out()

    @property
    def title(self) -> str:
        return self.tr("Imaging")

    def _lay_out(self) -> None:
        # Adding on one row, copying out on the next: in one row the three are wider than a
        # 1366-pixel screen beside the navigation in Spanish at 150 % text size.
        adding = row_of(start=(self.add_button, self.zip_button))
        copying = row_of(start=(self.copy_button,))
        buttons = QVBoxLayout()
        buttons.addLayout(adding)
        buttons.addLayout(copying)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Imaging discs"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "Second-opinion doctors often ask for the scans themselves (CT, MRI, PET), not only "
            "the reports. Add each disc the hospitals gave you: a locked copy of every image is "
            "kept in your vault, and you can copy them all to a USB drive for the doctor."), self))
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.shown.addWidget(self.empty)
        self.shown.addWidget(self.tree)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.undo_bar)

    # --- showing -------------------------------------------------------------------------------

    def load(self, vault: Vault, person: Person) -> list[StudySummary]:
        return studies(vault, person)

    def show_data(self, data: list[StudySummary]) -> None:
        self.tree.show_studies(data)
        self.shown.setCurrentWidget(self.tree if data else self.empty)
        self.copy_button.setEnabled(bool(data))

    def show_nobody(self) -> None:
        self.tree.show_studies([])
        self.message.clear()
        self.message.setVisible(False)

    def _load_previews(self, wanted: list[SeriesSummary]) -> None:
        def work(vault: Vault) -> list[tuple[str, bytes | None]]:
            return [(series.series_uid, preview_png(vault, series.preview_file,
                                                    series.preview_syntax, PREVIEW_SIDE))
                    for series in wanted]

        def show(pictures: list[tuple[str, bytes | None]]) -> None:
            for series_uid, png in pictures:
                self.tree.set_preview(series_uid, png)

        # One task per study opened; no preview is not worth a dialog.
        self.run_in_background(lambda: self.session.call(work), show, lambda error: None)

    # --- adding a disc -------------------------------------------------------------------------

    def choose_disc(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the imaging disc or its folder"))
        if folder:
            self.import_path(Path(folder))

    def choose_zip(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a zip file of an imaging disc"),
                                              "", self.tr("Zip files (*.zip *.ZIP)"))
        if name:
            self.import_path(Path(name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(p.is_dir() or p.suffix.lower() == ".zip" for p in local_paths(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [p for p in local_paths(event.mimeData()) if p.is_dir() or p.suffix.lower() == ".zip"]
        if paths:
            event.acceptProposedAction()
            self.import_path(paths[0])

    def import_path(self, path: Path) -> None:
        """Import the disc at `path` for the current person, with progress and Cancel."""
        person = self.person
        if person is None or self.bar.isVisible():
            return
        cancel = self.bar.begin(self.tr("Adding the disc…"), self.tr("files"))
        options = ImagingImportOptions(
            person, lambda step: self.bar.report(step.files_done, step.files_total), cancel)
        self._set_busy(True)
        self.run_in_background(lambda: self.session.call(import_disc, path, options),
                               self._imported, self._failed)

    def _imported(self, result: ImagingImportResult) -> None:
        self._finish(import_message(result))
        self.changed.emit(self.shows)

    # --- copying to a drive --------------------------------------------------------------------

    def choose_drive(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB drive or a folder"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        """Copy the person's studies into `folder` (a new sub-folder if it holds other files)."""
        person = self.person
        if person is None or self.bar.isVisible():
            return
        target = _free_folder(folder, person)
        cancel = self.bar.begin(self.tr("Copying the images…"), self.tr("images"))
        self._set_busy(True)

        def work(vault: Vault) -> ExportResult:
            return export_file_set(vault, target, person, progress=self.bar.report,
                                   cancel=cancel)

        self.run_in_background(lambda: self.session.call(work), self._exported, self._failed)

    def _exported(self, result: ExportResult) -> None:
        self._finish(export_message(result))

    # --- both ----------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        for button in (self.add_button, self.zip_button, self.copy_button):
            button.setEnabled(not busy)

    def _finish(self, text: str) -> None:
        self.bar.end()
        self._set_busy(False)
        show_message(self.message, text)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.bar.end()
        self._set_busy(False)
        self.refresh()
        show_error(self, error)


def _free_folder(folder: Path, person: Person) -> Path:
    """`folder` itself when empty; else a new folder in it named for the person and the date."""
    if not folder.exists() or not any(folder.iterdir()):
        return folder
    base = folder / f"Imaging {person.name} {date.today().isoformat()}"
    candidate, number = base, 2
    while candidate.exists():
        candidate = Path(f"{base} ({number})")
        number += 1
    return candidate
