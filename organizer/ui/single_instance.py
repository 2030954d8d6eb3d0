"""One window per vault: a local socket named after the vault folder finds the window that has it open.

The socket lives in a folder only this user can enter (the session's runtime folder,
XDG_RUNTIME_DIR, else one in the user's home, else a 0700 folder of ours, checked, in the temp
folder), never loose in the shared temporary folder, where another account could create the name
first and make the app believe the vault is open elsewhere.
A socket left by a crash, or anything else found under our name there, is replaced. On Windows
the name is a named pipe, created with access for this user only (UserAccessOption).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

APP = "second-opinion-organizer"
FOCUS = b"focus\n"
CONNECT_MS = 300
MAX_SOCKET_PATH = 100
"""Unix socket paths must stay under 108 bytes (104 on macOS)."""


def _candidates() -> list[Path]:
    """Private places for our sockets, best first; every window of ours tries them in one order."""
    if sys.platform == "darwin":
        places = [Path(platformdirs.user_runtime_dir(APP, appauthor=False))]
    else:  # platformdirs would fall back to the shared /tmp itself, without checking who owns it
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        places = [Path(runtime) / APP] if runtime else []
        places.append(Path(platformdirs.user_state_dir(APP, appauthor=False)) / "run")
    shared = Path(tempfile.gettempdir())  # last: a folder of our own in it, checked, never the temp itself
    uid = os.getuid()
    return places + [shared / f"{APP}-{uid}"] + [shared / f"{APP}-{uid}-{n}" for n in range(1, 4)]


def _private(base: Path) -> bool:
    """Make *base* (0700) if missing; True when it is a folder that only this user can enter."""
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(base)
        if info.st_uid == os.getuid() and stat.S_ISDIR(info.st_mode) and info.st_mode & 0o077:
            os.chmod(base, 0o700)  # ours but too open: close it before trusting it
            info = os.lstat(base)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def _socket_path(digest: str) -> str | None:
    for base in _candidates():
        path = str(base / f"v-{digest}")
        if len(os.fsencode(path)) <= MAX_SOCKET_PATH and _private(base):
            return path
    return None


def server_name(folder: Path) -> str | None:
    """Where the window that has *folder* open listens (a hash: it tells nothing about the
    folder), or None when no private place exists (single-window checks are then skipped; the
    vault's own lock still keeps a second program out)."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:24]
    if sys.platform == "win32":
        return f"{APP}-{digest}"
    return _socket_path(digest)


def _clear_foreign(name: str) -> None:
    """Remove what sits under our socket's name: a stale socket, or anything that is not ours."""
    if sys.platform == "win32":
        QLocalServer.removeServer(name)
        return
    with contextlib.suppress(FileNotFoundError):
        info = os.lstat(name)
        if stat.S_ISDIR(info.st_mode):
            os.rename(name, f"{name}.moved-{os.getpid()}")  # odd; keep it, but out of the way
        else:
            os.unlink(name)


def ask_open_window_to_focus(folder: Path) -> bool:
    """True when another window of this app has `folder` open; it was asked to come to the front."""
    name = server_name(folder)
    if name is None:
        return False
    socket = QLocalSocket()
    socket.connectToServer(name)
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
        if name is None:
            server.deleteLater()
            return False
        if not server.listen(name):
            _clear_foreign(name)  # left by a crash, or put there by something else: nobody answered
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
