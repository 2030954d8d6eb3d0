"""Getting the packet to the doctor: USB drives (found, checked, flushed), the mail program, reveal.

Mail and reveal return what happened in plain words (`Delivered`), for the GUI or the CLI to show.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from organizer.core.child_environment import scrubbed
from organizer.core.i18n import _
from organizer.core.packet.mapi import send_with_mapi
from organizer.core.packet.options import PacketError, WrittenPart
from organizer.core.packet.saving import sha256_of
from organizer.core.vault.atomic import fsync_folder


@dataclass(frozen=True)
class Delivered:
    """The outcome: where the files are now, how they went, and a message for the person."""

    how: str  # "saved", "usb", "mail", "folder shown"
    paths: tuple[Path, ...]
    message: str


@dataclass(frozen=True)
class Drive:
    """A removable drive that is mounted and writable."""

    name: str
    path: Path


def check_copies(parts: Sequence[WrittenPart]) -> None:
    """Read every written file back and compare its SHA-256 with the packet's (a faulty drive)."""
    for part in parts:
        assert part.path is not None
        with part.path.open("rb") as copy:
            if sha256_of(copy) != part.sha256:
                raise PacketError(_("The copy of {name} on the drive does not match the "
                                    "packet. The drive may be faulty; please try another one.")
                                  .format(name=part.path.name))


def sync_drive(drive: Path) -> None:
    """Flush the drive, so it is safe to unplug."""
    fsync_folder(drive)
    if hasattr(os, "sync"):
        os.sync()  # flush every write the system still holds for the drive


def removable_drives() -> list[Drive]:
    """Mounted removable drives we can write to (Linux, macOS, Windows)."""
    if sys.platform.startswith("win"):
        return _windows_drives()
    if sys.platform == "darwin":
        volumes = Path("/Volumes")
        return [Drive(p.name, p) for p in sorted(volumes.iterdir()) if p.is_dir() and not p.is_symlink()
                and os.access(p, os.W_OK)] if volumes.is_dir() else []
    return _linux_drives()


def _linux_drives() -> list[Drive]:
    found: dict[Path, str] = {}
    user = getpass.getuser()
    for base in (Path("/media") / user, Path("/run/media") / user):
        if base.is_dir():
            found.update((p, p.name) for p in sorted(base.iterdir()) if p.is_mount())
    found.update(_lsblk_removable())
    return [Drive(name, path) for path, name in sorted(found.items()) if os.access(path, os.W_OK)]


def _lsblk_removable() -> dict[Path, str]:
    """Mount points of removable or hot-plugged disks, from `lsblk -J` when it is there."""
    if shutil.which("lsblk") is None:
        return {}
    try:
        done = subprocess.run(["lsblk", "-J", "-o", "NAME,RM,HOTPLUG,MOUNTPOINT,LABEL"],
                              capture_output=True, text=True, timeout=5, check=True, env=scrubbed())
        devices = json.loads(done.stdout).get("blockdevices", [])
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    return dict(_mounted(devices, removable=False))


def _mounted(devices: list[dict[str, object]], removable: bool) -> list[tuple[Path, str]]:
    found = []
    for device in devices:
        here = removable or device.get("rm") in (True, "1") or device.get("hotplug") in (True, "1")
        mount = device.get("mountpoint")
        if here and isinstance(mount, str) and mount.startswith(("/media", "/run/media", "/mnt")):
            found.append((Path(mount), str(device.get("label") or device.get("name"))))
        children = device.get("children")
        if isinstance(children, list):
            found.extend(_mounted(children, here))
    return found


def _windows_drives() -> list[Drive]:  # pragma: no cover - Windows only
    import ctypes

    removable = 2  # DRIVE_REMOVABLE
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    drives = []
    for letter in "DEFGHIJKLMNOPQRSTUVWXYZ":
        root = f"{letter}:\\"
        if kernel.GetDriveTypeW(root) == removable and os.path.isdir(root):
            drives.append(Drive(root, Path(root)))
    return drives


def hand_to_mail(files: list[Path], subject: str = "Medical records for a second opinion") -> Delivered:
    """Open a new message in the mail program with the files attached; else show the folder."""
    if sys.platform.startswith("win") and send_with_mapi(files, subject):
        return Delivered("mail", tuple(files), _("A new email with the packet attached is open in "
                         "your mail program. Add the doctor's address and send it."))
    command = _mail_command(files, subject)
    if command is not None:
        try:
            subprocess.run(command, check=True, timeout=60, capture_output=True, env=scrubbed())
            return Delivered("mail", tuple(files), _("A new email with the packet attached is open in "
                             "your mail program. Add the doctor's address and send it."))
        except (OSError, subprocess.SubprocessError):
            pass
    shown = reveal(files[0])
    return Delivered("folder shown", tuple(files), _("Your mail program could not be opened with the file "
                     "attached. {shown} Attach the file to an email yourself.").format(shown=shown.message))


def logged_as(delivered: Delivered) -> tuple[str, str]:
    """How a delivery goes in the sent log, and a note when it did not go the way asked."""
    if delivered.how == "mail":
        return "email", ""
    if delivered.how == "folder shown":
        return "saved", ("The mail program could not be opened, so the packet was saved for "
                         "attaching to an email by hand.")
    return delivered.how, ""


def _mail_command(files: list[Path], subject: str) -> list[str] | None:
    if sys.platform == "darwin":
        return ["open", "-a", "Mail", *map(str, files)]
    if sys.platform.startswith("win"):
        return None  # Windows uses Simple MAPI (above); without it, the folder is shown
    if shutil.which("xdg-email") is None:
        return None
    attach = [arg for f in files for arg in ("--attach", str(f))]
    return ["xdg-email", "--subject", subject, *attach]


def reveal(path: Path) -> Delivered:
    """Open the folder holding `path` in the file manager (with the file selected where possible)."""
    if sys.platform.startswith("win"):
        command = ["explorer", f"/select,{path}"]
    elif sys.platform == "darwin":
        command = ["open", "-R", str(path)]
    else:
        command = ["xdg-open", str(path.parent)]
    try:
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         env=scrubbed())
    except OSError:
        return Delivered("folder shown", (path,), _("The packet is in {folder}.").format(folder=path.parent))
    return Delivered("folder shown", (path,), _("The folder {folder} is open, with the packet in it.")
                     .format(folder=path.parent))
