"""Windows: open a new message in the default mail program with files attached (Simple MAPI)."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from ctypes import POINTER, Structure, c_uint32, c_void_p, c_wchar_p
from pathlib import Path

MAPI_LOGON_UI = 0x1
MAPI_DIALOG = 0x8
SUCCESS_SUCCESS = 0
MAPI_USER_ABORT = 1  # the person closed the message without sending: still a success for us


class MapiFileDescW(Structure):
    _fields_ = [
        ("ulReserved", c_uint32),
        ("flFlags", c_uint32),
        ("nPosition", c_uint32),
        ("lpszPathName", c_wchar_p),
        ("lpszFileName", c_wchar_p),
        ("lpFileType", c_void_p),
    ]


class MapiMessageW(Structure):
    _fields_ = [
        ("ulReserved", c_uint32),
        ("lpszSubject", c_wchar_p),
        ("lpszNoteText", c_wchar_p),
        ("lpszMessageType", c_wchar_p),
        ("lpszDateReceived", c_wchar_p),
        ("lpszConversationID", c_wchar_p),
        ("flFlags", c_uint32),
        ("lpOriginator", c_void_p),
        ("nRecipCount", c_uint32),
        ("lpRecips", c_void_p),
        ("nFileCount", c_uint32),
        ("lpFiles", POINTER(MapiFileDescW)),
    ]


def build_message(files: list[Path], subject: str, body: str) -> tuple[MapiMessageW, object]:
    """The MAPI message and the attachment array it points to (keep both alive while sending)."""
    attachments = (MapiFileDescW * len(files))()
    for slot, path in zip(attachments, files, strict=True):
        slot.nPosition = 0xFFFFFFFF  # "put the attachment wherever you like"
        slot.lpszPathName = str(path)
        slot.lpszFileName = path.name
    message = MapiMessageW(lpszSubject=subject, lpszNoteText=body, nFileCount=len(files),
                           lpFiles=attachments)
    return message, attachments


def send_with_mapi(files: list[Path], subject: str, body: str = "",
                   send: Callable[..., int] | None = None) -> bool:
    """True when the mail program showed the new message; False when MAPI is not available."""
    message, keep_alive = build_message(files, subject, body)
    try:
        call = send or _mapi_send_mail()
        status = call(0, 0, ctypes.byref(message), MAPI_DIALOG | MAPI_LOGON_UI, 0)
    except (OSError, AttributeError):
        return False
    del keep_alive
    return status in (SUCCESS_SUCCESS, MAPI_USER_ABORT)


def _mapi_send_mail() -> Callable[..., int]:  # pragma: no cover - Windows only
    library = ctypes.WinDLL("mapi32.dll")  # type: ignore[attr-defined]
    function: Callable[..., int] = library.MAPISendMailW
    return function
