"""The "Hide preview" button: gives the records list the whole width on narrow screens, and back."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QSplitter, QWidget


class PreviewToggle(QPushButton):
    """Checked while the preview (the splitter's second part) is hidden or dragged shut."""

    def __init__(self, splitter: QSplitter, preview: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Hide pre&view"), parent)
        self.splitter, self.preview = splitter, preview
        self.setCheckable(True)
        self.setToolTip(self.tr("Give the list the whole width, or show the record beside it again"))
        splitter.setCollapsible(splitter.indexOf(preview), True)
        self.toggled.connect(self._hide)
        splitter.splitterMoved.connect(lambda *_: self._follow_the_divider())

    def _hide(self, hidden: bool) -> None:
        self.preview.setVisible(not hidden)
        if not hidden and self.splitter.sizes()[-1] == 0:  # dragged shut: open it at 2/5 again
            width = sum(self.splitter.sizes())
            self.splitter.setSizes([width * 3 // 5, width * 2 // 5])
        self.setText(self.tr("Show pre&view") if hidden else self.tr("Hide pre&view"))

    def _follow_the_divider(self) -> None:
        """Dragging the divider all the way closes the preview: the button says so."""
        collapsed = self.splitter.sizes()[-1] == 0
        if collapsed != self.isChecked():
            self.setChecked(collapsed)
