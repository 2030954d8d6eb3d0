"""What the About window lists: the app's version and the bundled components with their licences."""

from __future__ import annotations

from dataclasses import dataclass

from organizer import __version__
from organizer.core.third_party import licence_report

VERSION = __version__


@dataclass(frozen=True)
class Component:
    """A library or font that ships with the app, and the licence it comes under."""

    name: str
    licence: str


# The README's dependency table (a test keeps the two in step) and the bundled fonts.
LIBRARIES: tuple[Component, ...] = (
    Component("Qt and PySide6 (PySide6-Essentials, PySide6-Pdf)", "LGPL-3.0"),
    Component("cryptography", "Apache-2.0 / BSD"),
    Component("keyring", "MIT"),
    Component("platformdirs", "MIT"),
    Component("pypdf", "BSD-3-Clause"),
    Component("pikepdf (qpdf)", "MPL-2.0 (qpdf: Apache-2.0)"),
    Component("pypdfium2 (PDFium)", "Apache-2.0 / BSD-3-Clause"),
    Component("img2pdf", "LGPL-3.0"),
    Component("fpdf2", "LGPL-3.0"),
    Component("fontTools", "MIT"),
    Component("uharfbuzz (HarfBuzz)", "Apache-2.0 (HarfBuzz: MIT)"),
    Component("Pillow", "MIT-CMU (HPND)"),
    Component("lxml (libxml2)", "BSD-3-Clause (libxml2: MIT)"),
    Component("pydicom", "MIT"),
    Component("zxcvbn", "MIT"),
    Component("pathvalidate", "MIT"),
    Component("rapidocr (PP-OCRv6 text recognition models)", "Apache-2.0"),
    Component("onnxruntime", "MIT"),
    Component("protobuf", "BSD-3-Clause"),
    Component("OpenCV (opencv-python-headless)", "Apache-2.0"),
    Component("numpy, shapely (GEOS), pyclipper, omegaconf", "BSD-3-Clause / BSD-3-Clause "
              "(GEOS: LGPL-2.1) / MIT / BSD-3-Clause"),
    Component("colorlog, PyYAML, requests, six, tqdm (come with rapidocr)",
              "MIT / MIT / Apache-2.0 / MIT / MPL-2.0 and MIT"),
    Component("EFF Large Wordlist (suggested passphrases)", "CC BY 3.0 US"),
    Component("Python", "PSF-2.0"),
)
FONTS: tuple[Component, ...] = (
    Component("DejaVu Sans", "Bitstream Vera licence (DejaVu changes: public domain)"),
    Component("Noto Sans (Arabic, Hebrew, Indic and other scripts)", "SIL Open Font License 1.1"),
    Component("Droid Sans Fallback (Chinese, Japanese)", "Apache-2.0"),
    Component("Nanum Gothic (Korean)", "SIL Open Font License 1.1"),
)


def readme_packages(readme: str) -> list[str]:
    """The first column of the README's dependency table (for checking that About lists them)."""
    rows = [line for line in readme.splitlines() if line.startswith("| ") and " | " in line]
    names = [row.split("|")[1].strip() for row in rows]
    return [name for name in names if name and name != "Package"]


def third_party_licences() -> str:
    """The full licence texts of every bundled library (written at build time, else read from
    the installed packages now), for Help → About."""
    return licence_report()
