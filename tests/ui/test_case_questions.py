"""Questions for the doctor: the starter list, adding, editing, reordering by keyboard, resetting."""

from __future__ import annotations

from case_steps import TIMEOUT, answer_questions, reopened
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from organizer.core.case.questions import STARTER_QUESTIONS, questions
from organizer.ui.case.questions_page import QuestionsPage

pytest_plugins = ["case_fixtures"]


def texts(page: QuestionsPage) -> list[str]:
    return [page.list.item(n).text() for n in range(page.list.count())]


def test_the_starter_list_is_shown_with_the_first_question_chosen(show_page, session):
    page = show_page(QuestionsPage(session))
    assert texts(page) == [text for _, text in STARTER_QUESTIONS]
    assert page.list.currentRow() == 0
    assert not page.up_button.isEnabled() and page.down_button.isEnabled()


def test_alt_down_and_move_up_reorder_and_the_order_is_kept(qtbot, show_page, session, person,
                                                            case_folder):
    page = show_page(QuestionsPage(session))
    first, second = texts(page)[:2]
    page.list.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert texts(page)[:2] == [second, first]
    assert page.list.currentItem().text() == first  # the moved question stays chosen
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.up_button.click()
    assert texts(page)[:2] == [second, first]
    kept = [q.text for q in reopened(session, case_folder).call(questions, person)]
    assert kept[:2] == [second, first]


def test_a_typed_question_is_added_at_the_end(qtbot, show_page, session, person):
    page = show_page(QuestionsPage(session))
    qtbot.keyClicks(page.new_question, "Can I keep working during treatment?")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(page.new_question, Qt.Key.Key_Return)
    assert texts(page)[-1] == "Can I keep working during treatment?"
    assert page.list.currentRow() == page.list.count() - 1
    assert page.new_question.text() == ""
    assert session.call(questions, person)[-1].text == "Can I keep working during treatment?"


def test_f2_edits_the_words_of_a_question(qtbot, show_page, session, person):
    page = show_page(QuestionsPage(session))
    page.list.setFocus()
    page.list.setCurrentRow(1)
    qtbot.keyClick(page.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "What stage is it?")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert texts(page)[1] == "What stage is it?"
    assert session.call(questions, person)[1].text == "What stage is it?"


def test_removing_asks_first(qtbot, show_page, session, monkeypatch):
    page = show_page(QuestionsPage(session))
    first = texts(page)[0]
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.remove_button.click()
    assert first in asked[0]
    assert first not in texts(page)


def test_reset_goes_back_to_the_starter_list_only_after_confirmation(qtbot, show_page, session,
                                                                     monkeypatch):
    page = show_page(QuestionsPage(session))
    qtbot.keyClicks(page.new_question, "My own question?")
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.add_button.click()
    answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    page.reset_button.click()
    assert "My own question?" in texts(page)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.reset_button.click()
    assert "undo" in asked[0]
    assert texts(page) == [text for _, text in STARTER_QUESTIONS]
