"""The dialog after an import: what happened to each file, with a password field for each protected one."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
from organizer.core.safe_text import printable
from organizer.ui.style import WARNING_MARK, explanation, heading

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


def outcome_text(outcome: FileOutcome) -> str:
    """What happened to one file, then what to check about it (such as a name that is not the
    person's: the moment to notice a relative's record imported under the wrong person)."""
    lines = [f"{fate_word(outcome.status)} — {printable(Path(outcome.source).name)}", outcome.message]
    return "\n".join(lines + [f"{WARNING_MARK} {printable(warning)}" for warning in outcome.warnings])


class ImportSummaryDialog(QDialog):
    """One dialog for the whole batch, one line per file, in plain words.

    Protected files get a password field here, so each one is asked about once, in the same
    window that says it needs a password (not in a pop-up of its own).
    """

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
            item = QListWidgetItem(outcome_text(outcome), self.files)
            item.setData(Qt.ItemDataRole.UserRole, outcome.status)
        self.password_fields: dict[str, QLineEdit] = {}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Import finished"), 1.3, self))
        layout.addWidget(self.counts)
        layout.addWidget(self.files, 1)
        self._add_password_fields([o for o in outcomes if o.status == NEEDS_PASSWORD], layout)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 24)
        self.files.setCurrentRow(0)

    def _add_password_fields(self, locked: Sequence[FileOutcome], layout: QVBoxLayout) -> None:
        if not locked:
            return
        layout.addWidget(explanation(self.tr(
            "Some records are protected by a password. Type each one's password to import it "
            "(often it is in the letter or e-mail the record came with), or leave it empty to "
            "skip that file."), self))
        form = QFormLayout()
        for outcome in locked:
            field = QLineEdit(self)
            field.setEchoMode(QLineEdit.EchoMode.Password)
            name = printable(Path(outcome.source).name)
            field.setAccessibleName(self.tr("Password for %1").replace("%1", name))
            form.addRow(self.tr("Password for “%1”:").replace("%1", name), field)
            self.password_fields[outcome.source] = field
        layout.addLayout(form)
        self.ok_button.setText(self.tr("Import with these passwords"))
        next(iter(self.password_fields.values())).setFocus()

    def lines(self) -> list[str]:
        return [self.files.item(n).text() for n in range(self.files.count())]

    def passwords(self) -> dict[str, str]:
        """The passwords typed, by source file (files left empty are skipped)."""
        return {source: field.text() for source, field in self.password_fields.items()
                if field.text()}


