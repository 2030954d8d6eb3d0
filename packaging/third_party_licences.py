"""Write THIRD-PARTY-LICENCES.txt for a build: every bundled library's licence texts, Qt's and Python's."""

from __future__ import annotations

import argparse
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from organizer.core.third_party import packages, report  # noqa: E402

HERE = Path(__file__).resolve().parent / "licences"


def extra_texts() -> list[tuple[str, str]]:
    """Texts the package metadata lacks: Qt's LGPL/GPL (PySide6 wheels carry none), Python's
    own licence, and the bundled fonts' licences."""
    texts = [
        ("Qt 6, PySide6 and shiboken6 — used under the GNU LGPL version 3 (text below; it adds to "
         "the GNU GPL version 3 that follows). Qt's libraries sit as separate files in the app's "
         "folder, so they can be replaced with another build of the same Qt version.",
         (HERE / "LGPL-3.0.txt").read_text(encoding="utf-8")),
        ("GNU General Public License version 3 (the LGPL's base; also the licence of Second "
         "Opinion Organizer itself)", (HERE / "GPL-3.0.txt").read_text(encoding="utf-8")),
    ]
    python_licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    if python_licence.is_file():
        texts.append((f"Python {sys.version.split()[0]}", python_licence.read_text(encoding="utf-8")))
    for font_licence in sorted((ROOT / "resources" / "fonts").rglob("*LICENSE*")):
        texts.append((f"Font licence: {font_licence.name}", font_licence.read_text(encoding="utf-8")))
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    found = packages()
    if not any(p.name.lower().startswith("pyside6") for p in found):
        raise SystemExit("third_party_licences: the app is not installed in this Python "
                         "(pip install '.[package]' first)")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report(found, extra_texts()), encoding="utf-8")
    print(f"third_party_licences: {len(found)} libraries, {args.output.stat().st_size // 1024} KB "
          f"in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
