"""The resources page: our own descriptions, and links that open only in the user's browser on click."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from organizer.core.case.guidance import guidance_topics
from organizer.ui.case.resources_page import ResourcesPage

pytest_plugins = ["case_fixtures"]


def test_each_link_opens_its_address_in_the_browser_when_clicked(qtbot, session, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    page = ResourcesPage(session)
    qtbot.addWidget(page)
    page.show()
    assert opened == []  # nothing goes online by itself
    expected = [link.url for topic in guidance_topics() for link in topic.links]
    assert len(page.links) == len(expected) > 5
    for button in page.links:
        assert button.accessibleName().startswith("Open ")
        button.click()
    assert opened == expected
    assert all(url.startswith("https://") for url in opened)
