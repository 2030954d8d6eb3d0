"""Where to find a second-opinion doctor and the main treatment guidelines; links open in the browser."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from organizer.core.case.guidance import GuidanceLink, GuidanceTopic, guidance_topics
from organizer.core.session import Session
from organizer.ui.page import VaultPage
from organizer.ui.style import explanation, fill_with_scrolling, heading


class ResourcesPage(VaultPage):
    """Our short descriptions and a button per link; nothing here is fetched from the network."""

    shows = frozenset[str]()  # the same guidance for everyone: nothing in the vault changes it

    def __init__(self, session: Session, parent: QWidget | None = None,
                 topics: list[GuidanceTopic] | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("resourcesPage")
        self.links: list[QPushButton] = []
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(heading(self.tr("Finding doctors and guidelines"), 1.6, body))
        column.addWidget(explanation(self.tr(
            "These links open in your web browser. This app does not go online by itself. "
            "The guidelines are written for doctors; use them to prepare questions, and talk "
            "about what they mean for you with your doctors."), body))
        for topic in topics if topics is not None else guidance_topics():
            column.addWidget(heading(topic.title, 1.25, body))
            column.addWidget(explanation(topic.introduction, body))
            for link in topic.links:
                column.addWidget(self._link_box(link, body))
        column.addStretch(1)
        fill_with_scrolling(self, body)

    @property
    def title(self) -> str:
        return self.tr("Finding doctors")

    def _link_box(self, link: GuidanceLink, parent: QWidget) -> QFrame:
        box = QFrame(parent)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        layout.addWidget(heading(link.title, 1.05, box))
        layout.addWidget(explanation(link.description, box))
        address = explanation(link.url, box)
        address.setAccessibleName(self.tr("Web address"))
        layout.addWidget(address)
        button = QPushButton(self.tr("Open in my browser ↗"), box)
        button.setAccessibleName(self.tr("Open {0} in my browser").format(link.title))
        button.setToolTip(link.url)
        button.setProperty("url", link.url)
        button.clicked.connect(lambda: self.open_link(link.url))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.links.append(button)
        return box

    def open_link(self, url: str) -> bool:
        """Hand the address to the user's browser (the only network use the app causes)."""
        return QDesktopServices.openUrl(QUrl(url))
