"""The one PDF for the second-opinion doctor: generated pages, merge, stamps, bookmarks, size fitting.

The builder (fpdf2, fontTools, pikepdf) loads only when `build_packet` is first used, so the
window and commands that merely name packet options or results start without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from organizer.core.packet.options import (
    EMAIL_LIMIT_20_MB,
    EMAIL_LIMIT_25_MB,
    ContentsLine,
    LeftOut,
    PacketCancelled,
    PacketError,
    PacketNeedsSplit,
    PacketOptions,
    PacketResult,
    WrittenPart,
)

if TYPE_CHECKING:
    from organizer.core.packet.build import build_packet, build_packet_in_memory

__all__ = ["EMAIL_LIMIT_20_MB", "EMAIL_LIMIT_25_MB", "ContentsLine", "LeftOut", "PacketCancelled",
           "PacketError", "PacketNeedsSplit", "PacketOptions", "PacketResult", "WrittenPart", "build_packet",
           "build_packet_in_memory"]


def __getattr__(name: str) -> Any:
    if name in ("build_packet", "build_packet_in_memory"):
        from organizer.core.packet import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
