"""The "Hide preview" button: gives the records list the whole width on narrow screens, and back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QSplitter, QWidget

NARROW_CHARS = 140  # below this many average characters, the list gets more of the width


class PreviewToggle(QPushButton):
    """Checked while the preview (the splitter's second part) is hidden or dragged shut."""

    def __init__(self, splitter: QSplitter, preview: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Hide pre&view"), parent)
        self.splitter, self.preview = splitter, preview
        self.setCheckable(True)
        self.setToolTip(self.tr("Give the list the whole width, or show the record beside it again"))
        splitter.setCollapsible(splitter.indexOf(preview), True)
        self.moved_by_hand = False
        self.toggled.connect(self._hide)
        splitter.splitterMoved.connect(lambda *_: self._follow_the_divider())
        splitter.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Until the person drags the divider, share the width by how wide the page is."""
        if watched is self.splitter and event.type() == QEvent.Type.Resize \
                and not self.moved_by_hand and not self.isChecked():
            width = self.splitter.width()
            narrow = width < self.fontMetrics().averageCharWidth() * NARROW_CHARS
            list_part = width * 7 // 10 if narrow else width * 3 // 5
            self.splitter.setSizes([list_part, width - list_part])
        return super().eventFilter(watched, event)

    def _hide(self, hidden: bool) -> None:
        self.preview.setVisible(not hidden)
        if not hidden and self.splitter.sizes()[-1] == 0:  # dragged shut: open it at 2/5 again
            width = sum(self.splitter.sizes())
            self.splitter.setSizes([width * 3 // 5, width * 2 // 5])
        self.setText(self.tr("Show pre&view") if hidden else self.tr("Hide pre&view"))

    def _follow_the_divider(self) -> None:
        """Dragging the divider all the way closes the preview: the button says so."""
        self.moved_by_hand = True
        collapsed = self.splitter.sizes()[-1] == 0
        if collapsed != self.isChecked():
            self.setChecked(collapsed)
