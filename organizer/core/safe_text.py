"""Show text from files and users without letting it steer a terminal or reorder a line.

File names and record text can hold newlines, ANSI escape sequences (which can rewrite the
user's terminal) or bidirectional override characters (which make 'cod.exe' look like
'exe.doc'). We show such characters escaped, in a form that is also valid inside JSON strings.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_OTHERS = f"\x7f-\x9f\u2028\u2029{_BIDI}"  # DEL, C1 controls, line separators, bidi
_ANY = re.compile(f"[\x00-\x1f{_OTHERS}]")
_BUT_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")  # keeps tab and newline
_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or f"\\u{ord(char):04x}"


def printable(text: object) -> str:
    """*text* on one line with every control, line break and direction override escaped."""
    return _ANY.sub(_escape, str(text))


def terminal_safe(text: str) -> str:
    """Like printable(), but line breaks and tabs are kept (for whole messages we wrote)."""
    return _BUT_LINES.sub(_escape, text)


class TerminalSafeStream:
    """Wraps stdout or stderr so that nothing printed can send escape codes to the terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)
