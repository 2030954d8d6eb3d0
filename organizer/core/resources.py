"""Where the app's bundled files (fonts, guidance texts, sample records) are found."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_folder() -> Path:
    """`resources/` of a frozen build, of an installed wheel (`organizer/resources`, copied in by
    setup.py), or beside the package (source checkout, editable install)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    installed = Path(__file__).resolve().parents[1] / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "resources"


def font_path(bold: bool = False) -> Path:
    """DejaVu Sans: covers Latin, Greek, Cyrillic and Vietnamese names (e.g. "Zoë Nguyễn", "Łukasz")."""
    return resources_folder() / "fonts" / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
