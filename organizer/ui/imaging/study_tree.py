"""The list of imaging studies: one row per study, opening to its series with a small preview each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from organizer.core.imaging.inventory import SeriesSummary, StudySummary
from organizer.core.imaging.preview import can_preview

PREVIEW_SIDE = 64
SERIES_ROLE = Qt.ItemDataRole.UserRole + 1


class StudyTree(QTreeWidget):
    """Columns: date, type, body part, description, images, from. `wants_previews([series])` asks
    for the series' pictures when a study is first opened; `set_preview` puts each in."""

    wants_previews = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagingStudies")
        self.setAccessibleName(self.tr("Imaging studies"))
        self.setHeaderLabels([self.tr("Date"), self.tr("Type"), self.tr("Body part"),
                              self.tr("Description"), self.tr("Images"), self.tr("From")])
        self.setIconSize(QSize(PREVIEW_SIDE, PREVIEW_SIDE))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(False)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.itemExpanded.connect(self._expanded)
        self._series_items: dict[str, QTreeWidgetItem] = {}

    def show_studies(self, studies: Sequence[StudySummary]) -> None:
        self.clear()
        self._series_items.clear()
        for study in studies:
            self.addTopLevelItem(self._study_item(study))

    def _study_item(self, study: StudySummary) -> QTreeWidgetItem:
        description = study.description or self.tr("(no description)")
        if study.warnings:
            description = f"⚠ {description}"
        source = study.institution or study.disc
        item = QTreeWidgetItem([study.date or self.tr("no date"), study.modality,
                                study.body_part.title(), description, str(study.images), source])
        item.setData(0, Qt.ItemDataRole.UserRole, study.study_uid)
        item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tip = "\n".join([self.tr("Patient: {0}").format(study.patient_name or "?"),
                         self.tr("From the disc: {0}").format(study.disc), *study.warnings])
        for column in range(self.columnCount()):
            item.setToolTip(column, tip)
        for series in study.series:
            item.addChild(self._series_item(series))
        return item

    def _series_item(self, series: SeriesSummary) -> QTreeWidgetItem:
        name = self.tr("Series {0}").format(series.number) if series.number else self.tr("Series")
        text = f"{name}: {series.description}" if series.description else name
        item = QTreeWidgetItem(["", series.modality, series.body_part.title(), text,
                                str(series.images), ""])
        item.setData(0, SERIES_ROLE, series)
        item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not can_preview(series.preview_syntax):
            item.setToolTip(0, self.tr("No preview: these images are compressed in a way we "
                                       "cannot show. They are kept and copied unchanged."))
        self._series_items[series.series_uid] = item
        return item

    def _expanded(self, study: QTreeWidgetItem) -> None:
        wanted = []
        for index in range(study.childCount()):
            child = study.child(index)
            series = child.data(0, SERIES_ROLE) if child is not None else None
            if child is not None and isinstance(series, SeriesSummary) \
                    and can_preview(series.preview_syntax) and child.icon(0).isNull():
                wanted.append(series)
        if wanted:
            self.wants_previews.emit(wanted)  # one request per study opened

    def set_preview(self, series_uid: str, png: bytes | None) -> None:
        item = self._series_items.get(series_uid)
        if item is None or not png:
            return
        picture = QPixmap()
        if picture.loadFromData(png, "PNG"):  # tiny images (e.g. 16x16 scouts) are shown larger
            item.setIcon(0, picture.scaled(PREVIEW_SIDE, PREVIEW_SIDE,
                                           Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))
