"""What people type is saved without a Save button: after a short pause, when they leave the field,
and before the vault locks or the window closes (`save_everything_now`).

Every page uses the same two pieces: an `AutoSave` that watches its fields and calls the page's
save function, and `run_save`, which runs the vault change on one saving thread (so saves land
in the order they were made) or, while everything is being saved before a lock, right away.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from organizer.ui.workers import run_in_background

PAUSE_MS = 700  # saved this long after the last key press
FLUSH_TIMEOUT_MS = 15_000

T = TypeVar("T")

_savers: weakref.WeakSet[AutoSave] = weakref.WeakSet()
_saving_now = False
_pool: QThreadPool | None = None


def _saves_pool() -> QThreadPool:
    """One thread for saves: they reach the vault in the order they were made."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def run_save(owner: QObject, work: Callable[[], T], done: Callable[[T], None],
             failed: Callable[[Exception], None]) -> None:
    """Run a vault change off the GUI thread; while saving everything before a lock, right here."""
    if _saving_now:
        try:
            result = work()
        except Exception as error:  # reported like any failed save
            failed(error)
        else:
            done(result)
        return
    run_in_background(owner, work, done, failed, _saves_pool())


def save_everything_now() -> None:
    """Save every pending edit before this returns (the vault is about to lock or the app to close).

    First the saves already on their way finish, then open table cells are committed and every
    field still waiting for its pause is saved, on this thread, through the session.
    """
    global _saving_now
    _saves_pool().waitForDone(FLUSH_TIMEOUT_MS)
    _saving_now = True
    try:
        _commit_open_cell_editors()
        for saver in list(_savers):
            if shiboken6.isValid(saver):  # a closed dialog's saver may be gone already
                saver.flush()
    finally:
        _saving_now = False


def saving_now() -> bool:
    return _saving_now


def _commit_open_cell_editors() -> None:
    """A table or list cell being typed in keeps its text: hand it to the model as Enter would."""
    for window in QApplication.topLevelWidgets():
        for view in window.findChildren(QAbstractItemView):
            if view.state() != QAbstractItemView.State.EditingState:
                continue
            index = view.currentIndex()
            editor = view.indexWidget(index) if index.isValid() else None
            editor = editor or _editor_of(view)
            if editor is not None and index.isValid():
                delegate = view.itemDelegateForIndex(index)
                delegate.commitData.emit(editor)


def _editor_of(view: QAbstractItemView) -> QWidget | None:
    focused = QApplication.focusWidget()
    if focused is not None and view.viewport().isAncestorOf(focused):
        while (parent := focused.parentWidget()) is not None and parent is not view.viewport():
            focused = parent
        return focused
    editors = [w for w in view.viewport().children()
               if isinstance(w, QWidget) and w.isVisible()]
    return editors[0] if len(editors) == 1 else None


class AutoSave(QObject):
    """Watches a page's fields; calls `save()` after a pause, when focus leaves, and on `flush()`.

    `save()` reads the fields and starts the change (through `run_save`). Fill fields from saved
    data inside `quietly()`, and not while `pending` (the person is still typing there).
    """

    pending_changed = Signal(bool)

    def __init__(self, parent: QObject, save: Callable[[], None], pause_ms: int = PAUSE_MS,
                 only_before_locking: bool = False) -> None:
        super().__init__(parent)
        self._save = save
        self._only_before_locking = only_before_locking  # a draft, e.g. a question not yet added
        self._pending = False
        self._quiet = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self.flush)
        _savers.add(self)

    @property
    def pending(self) -> bool:
        return self._pending

    def watch(self, *widgets: QWidget | QButtonGroup) -> None:
        """Save after edits to these fields (text boxes, combos, button groups, date fields)."""
        for widget in widgets:
            for signal in _edit_signals(widget):
                signal.connect(self.changed)
            if isinstance(widget, QWidget):
                (widget.focusProxy() or widget).installEventFilter(self)

    def changed(self, *_: object) -> None:
        if self._quiet:
            return
        self._set_pending(True)
        if not self._only_before_locking:
            self._timer.start()

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Filling fields from the vault is not an edit."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def flush(self) -> None:
        """Save now if anything was typed since the last save."""
        self._timer.stop()
        if self._pending and (_saving_now or not self._only_before_locking):
            self._set_pending(False)
            self._save()

    def forget(self) -> None:
        """Drop what is pending without saving (the fields are being emptied)."""
        self._timer.stop()
        self._set_pending(False)

    def _set_pending(self, pending: bool) -> None:
        if pending != self._pending:
            self._pending = pending
            self.pending_changed.emit(pending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FocusOut and shiboken6.isValid(self) and self._pending
                and not _is_popup_focus()):
            self.flush()
        return False


def _is_popup_focus() -> bool:
    """Focus went to a calendar or completer popup of the same field: not leaving it."""
    popup = QApplication.activePopupWidget()
    return popup is not None


def _edit_signals(widget: QWidget | QButtonGroup) -> list[Any]:
    """The signals that mean the person changed a field (not set from code, where Qt allows)."""
    edited = getattr(widget, "edited", None)  # our own fields, e.g. DateField
    if edited is not None:
        return [edited]
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.activated]
    if isinstance(widget, QButtonGroup):
        return [widget.buttonClicked]
    if isinstance(widget, QAbstractButton):
        return [widget.clicked]
    raise TypeError(f"AutoSave cannot watch a {type(widget).__name__}")
