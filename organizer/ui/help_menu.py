"""The Help menu: a short guide in plain words (safety, a lost passphrase, a new computer) and About."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from organizer.core import logs
from organizer.core.about import FONTS, LIBRARIES, VERSION, third_party_licences

LICENCES_LINK = "licences:full"


class TextWindow(QDialog):
    """A read-only page of text with a Close button (the guide, About)."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)  # nothing here leaves the computer
        self.text.setAccessibleName(title)
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 80, metrics.height() * 30)


class HelpMenu(QObject):
    """Adds "Help" to the window's menu bar; F1 opens the guide."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        menu = window.menuBar().addMenu(self.tr("&Help"))
        menu.setToolTipsVisible(True)  # the log item says what the log holds (and does not)
        self.guide_action = QAction(self.tr("&Guide: keeping your records safe…"), window)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.log_action = QAction(self.tr("Open the &log file (for support)"), window)
        self.log_action.setToolTip(self.tr(
            "What the app did and which errors it met, for someone helping you. It holds no "
            "names, no record text and no passphrase."))
        self.about_action = QAction(self.tr("&About Second Opinion Organizer"), window)
        self.guide_action.triggered.connect(self.show_guide)
        self.log_action.triggered.connect(self.open_log_file)
        self.about_action.triggered.connect(self.show_about)
        for action in (self.guide_action, self.log_action, self.about_action):
            menu.addAction(action)
            window.addAction(action)

    def show_guide(self) -> TextWindow:
        return self._show(self.tr("Guide"), self.guide_html())

    def show_about(self) -> TextWindow:
        shown = self._show(self.tr("About Second Opinion Organizer"), self.about_html())
        shown.text.anchorClicked.connect(self._open_link)
        return shown

    def _open_link(self, url: QUrl) -> None:
        if url.toString() == LICENCES_LINK:
            self.show_licences()

    def show_licences(self) -> TextWindow:
        """Every bundled library's licence text in full (the LGPL asks for Qt's to be shown)."""
        shown = TextWindow(self.tr("Licence texts"), "", self.window)
        shown.setObjectName("licencesWindow")
        shown.text.setPlainText(third_party_licences())
        shown.finished.connect(shown.deleteLater)
        shown.open()
        return shown

    def open_log_file(self) -> Path:
        """Open the log in the computer's text viewer (an empty one when nothing was logged yet)."""
        path = logs.log_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(exist_ok=True)
        except OSError:
            pass  # the viewer then says the file is missing
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def _show(self, title: str, html: str) -> TextWindow:
        shown = TextWindow(title, html, self.window)
        shown.setObjectName("helpWindow")
        shown.finished.connect(shown.deleteLater)
        shown.open()
        return shown

    def guide_html(self) -> str:
        return "".join((
            _section(self.tr("How the vault keeps your records safe"), [
                self.tr("Your records are kept in a vault: a folder on this computer. Every file "
                        "in it is locked (encrypted) with a key made from your passphrase. "
                        "Without the passphrase or the recovery key, nobody can read them — not "
                        "even us."),
                self.tr("Nothing is sent over the internet. The app works without a network."),
                self.tr("When you are away, the app locks the vault by itself (see Settings). "
                        "You can lock it at any time with Ctrl+L."),
                self.tr("Records are shown from memory; no unlocked copy is written to the "
                        "disk. Only files you choose to save or send, like the packet for the "
                        "doctor, are unlocked copies. Keep those safe, or delete them when "
                        "you are done."),
            ]),
            _section(self.tr("If you lose your passphrase"), [
                self.tr("Open the vault and choose “Use my recovery key instead”. Type the "
                        "recovery key from the sheet you saved or printed when you made the "
                        "vault, then choose a new passphrase."),
                self.tr("Without the passphrase and without the recovery key, the vault cannot "
                        "be opened by anyone. There is no back door: that is what keeps it safe. "
                        "So keep the recovery sheet somewhere safe, away from this computer."),
            ]),
            _section(self.tr("Moving to a new computer"), [
                self.tr("1. On this computer, choose Vault → Back up this vault… and put the "
                        "backup on a USB drive."),
                self.tr("2. Install Second Opinion Organizer on the new computer."),
                self.tr("3. Copy the backup folder from the USB drive to the new computer, for "
                        "example into Documents."),
                self.tr("4. Start the app, choose “Open a vault”, pick that folder, and type "
                        "your passphrase. If you want the new computer to remember the vault, "
                        "tick that box again when you open it."),
            ]),
        ))

    def about_html(self) -> str:
        intro = [self.tr("Version %1").replace("%1", VERSION),
                 self.tr("Keeps medical records together, locked on this computer, and gets them "
                         "ready for a second-opinion doctor. It organises records; it does not "
                         "give medical advice.")]
        return "".join((
            _section(self.tr("Second Opinion Organizer"), intro),
            _section(self.tr("Parts made by others, and their licences"),
                     [f"{c.name}: {c.licence}" for c in LIBRARIES]),
            _section(self.tr("Fonts"), [f"{c.name}: {c.licence}" for c in FONTS]),
            f'<p><a href="{LICENCES_LINK}">{escape(self.tr("Show the full licence texts"))}</a></p>',
        ))


def _section(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"<h3>{escape(title)}</h3>{body}"
