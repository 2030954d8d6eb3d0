"""Render the app icon's SVG source to the PNG sizes installers need (hicolor, .ico, .icns)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICON_NAME = "second-opinion-organizer"
SOURCE = Path(__file__).resolve().parents[1] / "resources" / "icons" / f"{ICON_NAME}.svg"


def render(source: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Write `<out_dir>/<size>x<size>/<name>.png` for each size; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {source} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{size}x{size}" / f"{source.stem}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    return written


def write_ico(pngs: list[Path], target: Path) -> None:
    """A Windows .ico holding every size up to 256 px (Pillow writes the container)."""
    from PIL import Image

    images = [Image.open(p) for p in pngs]
    largest = max(images, key=lambda im: im.width)
    largest.save(target, sizes=[(im.width, im.height) for im in images if im.width <= 256])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path, help="folder for <size>x<size>/NAME.png")
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--ico", type=Path, help="also write a Windows .ico here")
    args = parser.parse_args(argv)
    pngs = render(args.source, args.out_dir)
    if args.ico:
        write_ico(pngs, args.ico)
    print(f"render_icons: {len(pngs)} sizes in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
