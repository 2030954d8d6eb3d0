"""Questions for the doctor: a starter list the person edits, adds to, reorders, or resets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from organizer.core.case import questions as core
from organizer.core.case.entities import CASE, QUESTION
from organizer.core.records import Person
from organizer.core.session import Session
from organizer.core.vault import Vault
from organizer.ui.autosave import AutoSave
from organizer.ui.case.case_page import CasePage
from organizer.ui.style import explanation, heading

ID_ROLE = Qt.ItemDataRole.UserRole


class QuestionsPage(CasePage):
    """The list, with Add, Edit (F2), Remove, Move up/down (Alt+Up/Down) and Reset."""

    shows = frozenset({QUESTION, CASE})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("questionsPage")
        self.list = QListWidget(self)
        self.list.setObjectName("questionsList")
        self.list.setAccessibleName(self.tr("Questions for the doctor"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.new_question = QLineEdit(self)
        self.new_question.setAccessibleName(self.tr("New question"))
        self.new_question.setPlaceholderText(self.tr("Write a question of your own"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.edit_button = QPushButton(self.tr("&Edit"), self)
        self.edit_button.setToolTip(self.tr("Change the words of the question (F2)"))
        self.remove_button = QPushButton(self.tr("&Remove…"), self)
        self.up_button = QPushButton(self.tr("Move &up"), self)
        self.up_button.setToolTip(self.tr("Move the question up (Alt+Up)"))
        self.down_button = QPushButton(self.tr("Move do&wn"), self)
        self.down_button.setToolTip(self.tr("Move the question down (Alt+Down)"))
        self.reset_button = QPushButton(self.tr("Go back to the &starter list…"), self)
        self._lay_out()
        self._connect()
        self._selected_id = ""
        # A question typed but not added yet is added when the vault locks (nothing typed is lost).
        self.draft = AutoSave(self, self.add_question, only_before_locking=True)
        self.draft.watch(self.new_question)

    @property
    def title(self) -> str:
        return self.tr("Questions")

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.new_question, 1)
        adding.addWidget(self.add_button)
        side = QGridLayout()
        for row, button in enumerate((self.edit_button, self.remove_button, self.up_button,
                                      self.down_button)):
            side.addWidget(button, row, 0)
        side.setRowStretch(4, 1)
        side.addWidget(self.reset_button, 5, 0)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Questions for the doctor"), 1.6, self))
        layout.addWidget(explanation(self.tr(
            "Take these to the appointment. The ones starting \"How did you reach your plan?\" help when "
            "the two doctors do not agree. Change them, add your own, and put the most important "
            "ones first."), self))
        layout.addWidget(self.undo_bar)
        layout.addLayout(middle, 1)
        layout.addLayout(adding)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_question)
        self.new_question.returnPressed.connect(self.add_question)
        self.edit_button.clicked.connect(self.edit_question)
        self.remove_button.clicked.connect(self.remove_question)
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button.clicked.connect(lambda: self.move_question(+1))
        self.reset_button.clicked.connect(self.reset_questions)
        self.list.itemChanged.connect(self._edited)
        self.list.currentRowChanged.connect(self._update_buttons)
        for keys, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move_question(step))

    def load(self, vault: Vault, person: Person) -> list[core.Question]:
        return core.questions(vault, person)

    def show_data(self, data: list[core.Question]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for number, question in enumerate(data, start=1):
            item = QListWidgetItem(question.text)
            item.setData(ID_ROLE, question.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(self.tr("Question {0}").format(number))
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [q.id for q in data]
        row = ids.index(self._selected_id) if self._selected_id in ids else min(0, len(ids) - 1)
        self.list.setCurrentRow(row)
        self._update_buttons()

    def show_nobody(self) -> None:
        self.list.clear()

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def _current_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ""

    def add_question(self) -> None:
        text = self.new_question.text()
        if not text.strip():
            self.new_question.setFocus()
            return

        def added(question: core.Question) -> None:
            self._selected_id = question.id
            self.new_question.clear()

        self.save(lambda v, p: core.add_question(v, p, text), added)

    def edit_question(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus()
            self.list.editItem(item)

    def _edited(self, item: QListWidgetItem) -> None:
        question_id, text = str(item.data(ID_ROLE)), item.text()
        self._selected_id = question_id
        self.save(lambda v, p: core.edit_question(v, p, question_id, text))

    def remove_question(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(self, self.tr("Remove a question"), self.tr(
            "Remove this question?\n\n{0}\n\nYou can undo this.").format(item.text()))
        if answer == QMessageBox.StandardButton.Yes:
            question_id = str(item.data(ID_ROLE))
            self._selected_id = ""
            self.save(lambda v, p: core.remove_question(v, p, question_id))

    def move_question(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.list.count():
            return
        question_id = self._current_id()
        self._selected_id = question_id
        self.save(lambda v, p: core.move_question(v, p, question_id, to + 1))

    def reset_questions(self) -> None:
        answer = QMessageBox.question(self, self.tr("Go back to the starter list"), self.tr(
            "Go back to the starter list? Your own questions and changes are removed. You can "
            "undo this."))
        if answer == QMessageBox.StandardButton.Yes:
            self._selected_id = ""
            self.save(lambda v, p: core.reset_questions(v, p))
