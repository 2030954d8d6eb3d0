"""The one PDF for the second-opinion doctor: generated pages, merge, stamps, bookmarks, size fitting."""

from organizer.core.packet.build import build_packet, build_packet_in_memory
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

__all__ = ["EMAIL_LIMIT_20_MB", "EMAIL_LIMIT_25_MB", "ContentsLine", "LeftOut", "PacketCancelled",
           "PacketError", "PacketNeedsSplit", "PacketOptions", "PacketResult", "WrittenPart", "build_packet",
           "build_packet_in_memory"]
