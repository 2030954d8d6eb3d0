"""The one-window-per-vault socket lives in a private folder and cannot be squatted."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from organizer.ui import single_instance
from organizer.ui.single_instance import VaultBeacon, ask_open_window_to_focus, server_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets; Windows uses pipes")


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="run"))  # short, like /run/user/1000
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def beacon(qtbot) -> Iterator[VaultBeacon]:
    made = VaultBeacon()
    yield made
    made.release()


def _listening_unix_socket(path: str) -> socket.socket:
    squatter = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    squatter.bind(path)
    squatter.listen(5)
    return squatter


def test_the_socket_is_in_the_users_private_runtime_folder(
    runtime: Path, tmp_path: Path, beacon: VaultBeacon
) -> None:
    vault = tmp_path / "vault"
    name = server_name(vault)
    assert name is not None and Path(name).parent == runtime / single_instance.APP
    assert stat.S_IMODE(os.stat(Path(name).parent).st_mode) == 0o700
    assert beacon.claim(vault)
    assert stat.S_ISSOCK(os.lstat(name).st_mode)
    assert ask_open_window_to_focus(vault)
    beacon.release()
    assert not ask_open_window_to_focus(vault)


def test_a_squatter_in_the_shared_temp_folder_no_longer_blocks_opening(
    runtime: Path, tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    digest = Path(server_name(vault) or "").name.removeprefix("v-")
    old_place = os.path.join(tempfile.gettempdir(), f"second-opinion-organizer-{digest}")
    squatter = _listening_unix_socket(old_place)
    try:
        assert not ask_open_window_to_focus(vault)  # before: "already open in another window"
    finally:
        squatter.close()
        os.unlink(old_place)


def test_a_stale_socket_or_a_foreign_file_under_our_name_is_replaced(
    runtime: Path, tmp_path: Path, beacon: VaultBeacon
) -> None:
    vault = tmp_path / "vault"
    name = server_name(vault)
    assert name is not None
    _listening_unix_socket(name).close()  # a crash leaves the socket file, nobody listening
    assert not ask_open_window_to_focus(vault)
    assert beacon.claim(vault) and ask_open_window_to_focus(vault)
    beacon.release()
    Path(name).unlink(missing_ok=True)
    Path(name).write_text("not a socket")
    assert beacon.claim(vault) and ask_open_window_to_focus(vault)


def test_an_open_runtime_folder_of_ours_is_closed_before_use(
    runtime: Path, tmp_path: Path
) -> None:
    ours = runtime / single_instance.APP
    ours.mkdir(mode=0o777)
    os.chmod(ours, 0o777)
    assert server_name(tmp_path / "vault") is not None
    assert stat.S_IMODE(os.stat(ours).st_mode) == 0o700


def test_without_a_runtime_folder_the_home_folder_is_used_not_the_shared_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    state = Path(tempfile.mkdtemp(prefix="st"))
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    try:
        name = server_name(tmp_path / "vault")
        assert name is not None and name.startswith(str(state))
    finally:
        shutil.rmtree(state, ignore_errors=True)


def test_a_folder_of_another_account_is_skipped_for_the_next_private_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = Path(tempfile.mkdtemp(prefix="tk"))
    os.chmod(taken, 0o755)
    real_lstat = os.lstat

    def foreign(path: object) -> os.stat_result:
        found = real_lstat(path)  # type: ignore[arg-type]
        if Path(str(path)) == taken:
            return os.stat_result((found.st_mode, *found[1:4], os.getuid() + 1, *found[5:]))
        return found

    monkeypatch.setattr(single_instance.os, "lstat", foreign)
    monkeypatch.setattr(single_instance, "_candidates", lambda: [taken, tmp_path / "mine"])
    monkeypatch.setattr(single_instance, "MAX_SOCKET_PATH", 400)
    name = server_name(tmp_path / "vault")
    assert name is not None and Path(name).parent == tmp_path / "mine"
    shutil.rmtree(taken, ignore_errors=True)
