"""One window per vault: a local socket named after the vault folder finds the window that has it open."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

FOCUS = b"focus\n"
CONNECT_MS = 300


def server_name(folder: Path) -> str:
    """A name that tells nothing about the folder (a hash of its full path)."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:24]
    return f"second-opinion-organizer-{digest}"


def ask_open_window_to_focus(folder: Path) -> bool:
    """True when another window of this app has `folder` open; it was asked to come to the front."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(FOCUS)
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class VaultBeacon(QObject):
    """Listens while this window has a vault open; `focus_requested` when another window asks."""

    focus_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: QLocalServer | None = None

    def claim(self, folder: Path) -> bool:
        """Start answering for `folder`. False when it could not listen (the vault still opens)."""
        self.release()
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(folder)
        if not server.listen(name):
            QLocalServer.removeServer(name)  # a socket file left by a crash: nobody answered on it
            if not server.listen(name):
                server.deleteLater()
                return False
        server.newConnection.connect(self._answer)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _answer(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(FOCUS.strip()):
            self.focus_requested.emit()
