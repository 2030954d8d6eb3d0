"""File names every common file system accepts, made from text people typed (a person's name)."""

from __future__ import annotations

from pathvalidate import sanitize_filename


def safe_file_name(text: str, fallback: str = "file") -> str:
    """`text` as one file name valid on Windows, macOS and Linux alike.

    Characters file systems refuse (/ \\ : * ? " < > | and control characters) become spaces;
    Windows' reserved names (CON, PRN, AUX, NUL, COM1…, LPT1…) get a "_"; trailing dots and
    spaces go; the length stays within 255 bytes. `fallback` when nothing usable is left.
    """
    cleaned = sanitize_filename(" ".join(text.split()), replacement_text=" ", platform="universal")
    return " ".join(cleaned.split()) or fallback
