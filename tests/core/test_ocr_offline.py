"""Text recognition never needs the network: its model files come from the installed package."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from organizer.core.intake import ocr
from organizer.core.intake.ocr import engine
from tests.ocr_scans import render_page, report_pdf

pytestmark = pytest.mark.skipif(not ocr.available(), reason="the text recognition engine is not installed")


def test_the_models_are_the_files_inside_the_installed_package() -> None:
    import rapidocr

    package = Path(rapidocr.__file__).resolve().parent
    paths = engine.model_paths()
    assert all(path.is_file() and package in path.parents for path in paths)
    settings = engine._settings()
    assert {settings["Det.model_path"], settings["Rec.model_path"]} <= {str(p) for p in paths}
    assert settings["Global.use_cls"] is False  # the line classifier flips skewed lines


def test_a_page_is_read_with_the_network_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access during text recognition")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(engine, "_engine", None)  # load the engine afresh, offline
    pdf = report_pdf("OPERATIVE REPORT", ["Date of Surgery: 01/09/2025"],
                     "PREOPERATIVE DIAGNOSIS: Left breast cancer.\nPROCEDURE: Lumpectomy.")
    page = ocr.recognise(render_page(pdf, 0, 100).crop((0, 0, 850, 420)))
    assert "Lumpectomy" in page.text and page.rotation == 0
    words = [word for line in page.lines for word in line.words]
    assert all(0 <= w.left < w.right <= page.width and 0 <= w.top < w.bottom <= page.height
               for w in words)


def test_reading_a_page_leaves_no_file_behind(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """ONNX Runtime's telemetry would write a device id and a session file: it is turned off."""
    from organizer.core.intake.analysis import Analysis
    from organizer.core.intake.sandbox import FileReader
    from tests.ocr_scans import jpeg_bytes

    for name in ("HOME", "TMPDIR", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        (tmp_path / name).mkdir()
        monkeypatch.setenv(name, str(tmp_path / name))
    pdf = report_pdf("OPERATIVE REPORT", [], "PROCEDURE: Lumpectomy.")
    photo = jpeg_bytes(render_page(pdf, 0, 100).crop((0, 0, 850, 300)))
    with FileReader(workers=1) as reader:
        found = reader.read_one(photo, "photo.jpg")
    assert isinstance(found, Analysis) and "Lumpectomy" in found.text
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
