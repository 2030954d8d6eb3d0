"""The dialogs after an import: what happened to each file, a PDF password, and an unsure type."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from organizer.core.intake.importer import (
    CANCELLED,
    DUPLICATE,
    IMPORTED,
    NEEDS_PASSWORD,
    REJECTED,
    FileOutcome,
)
from organizer.core.records import RecordType
from organizer.core.safe_text import printable
from organizer.ui.records.table_model import as_record_type, type_text
from organizer.ui.style import explanation, heading

translate = QCoreApplication.translate


def fate_word(status: str) -> str:
    """The plain word for what happened to a file."""
    return {
        IMPORTED: translate("records", "Imported"),
        DUPLICATE: translate("records", "Already in the vault"),
        NEEDS_PASSWORD: translate("records", "Needs a password"),
        REJECTED: translate("records", "Could not be read"),
        CANCELLED: translate("records", "Not imported (stopped)"),
    }.get(status, status)


def summary_counts(outcomes: Sequence[FileOutcome]) -> str:
    parts = []
    for status in (IMPORTED, DUPLICATE, NEEDS_PASSWORD, REJECTED, CANCELLED):
        count = sum(1 for o in outcomes if o.status == status)
        if count:
            parts.append(f"{fate_word(status)}: {count}")
    return " · ".join(parts) or translate("records", "No files were given.")


class ImportSummaryDialog(QDialog):
    """One dialog for the whole batch, one line per file, in plain words."""

    def __init__(self, outcomes: Sequence[FileOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What happened to your files"))
        self.setAccessibleName(self.windowTitle())
        self.counts = explanation(summary_counts(outcomes), self)
        self.counts.setAccessibleName(self.tr("Summary"))
        self.files = QListWidget(self)
        self.files.setAccessibleName(self.tr("Each file and what happened to it"))
        self.files.setWordWrap(True)
        self.files.setAlternatingRowColors(True)
        for outcome in outcomes:
            item = QListWidgetItem(f"{fate_word(outcome.status)} — {printable(Path(outcome.source).name)}\n"
                                   f"{outcome.message}", self.files)
            item.setData(Qt.ItemDataRole.UserRole, outcome.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Import finished"), 1.3, self))
        layout.addWidget(self.counts)
        layout.addWidget(self.files, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 24)
        self.files.setCurrentRow(0)

    def lines(self) -> list[str]:
        return [self.files.item(n).text() for n in range(self.files.count())]


def ask_password(parent: QWidget, outcome: FileOutcome) -> str | None:
    """The PDF's password typed by the user (hidden), or None to skip this file."""
    text, ok = QInputDialog.getText(
        parent, translate("records", "This record is protected"),
        translate("records", "“%1”: %2\n\nType its password to import it (often it is in the "
                  "letter or e-mail the record came with), or choose Cancel to skip this file.")
        .replace("%1", printable(Path(outcome.source).name)).replace("%2", outcome.message),
        QLineEdit.EchoMode.Password)
    return text if ok and text else None


class UnsureTypeDialog(QDialog):
    """Asks which kind of record a file is, showing our best guesses and what we saw."""

    def __init__(self, filename: str, guesses: Sequence[tuple[RecordType, float]],
                 evidence: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What kind of record is this?"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(heading(filename, 1.2, self))
        layout.addWidget(explanation(self._guess_text(guesses, evidence), self))
        self.types = QListWidget(self)
        self.types.setAccessibleName(self.tr("Type of record"))
        best = guesses[0][0] if guesses else RecordType.OTHER
        for kind in RecordType:
            text = type_text(kind)
            if guesses and kind is best:
                text = self.tr("%1 — our best guess").replace("%1", text)
            item = QListWidgetItem(text, self.types)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
        self.types.setCurrentRow(list(RecordType).index(best))
        label = QLabel(self.tr("&Choose the type:"), self)
        label.setBuddy(self.types)
        layout.addWidget(label)
        layout.addWidget(self.types, 1)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("&Save type"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton(self.tr("Decide &later"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.types.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(buttons)
        self.types.setFocus()

    def _guess_text(self, guesses: Sequence[tuple[RecordType, float]], evidence: Sequence[str]) -> str:
        lines = [self.tr("We are not sure what kind of record this is. Please choose its type; "
                         "your choice is what counts.")]
        if guesses:
            shown = "; ".join(self.tr("%1 (about %2 % sure)").replace("%1", type_text(kind))
                              .replace("%2", str(round(confidence * 100)))
                              for kind, confidence in guesses[:3])
            lines.append(self.tr("Our best guesses: %1").replace("%1", shown))
        if evidence:
            lines.append(self.tr("What we saw in it:") + "\n" + "\n".join(f"• {e}" for e in evidence))
        else:
            lines.append(self.tr("We found no headings or phrases that tell us its type."))
        return "\n\n".join(lines)

    def chosen(self) -> RecordType | None:
        item = self.types.currentItem()
        return as_record_type(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
